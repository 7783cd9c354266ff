import type { Translate } from '../i18n';

/** A hold or remaining time as words: "2 minutes", "a minute and a half", "45 seconds". */
export function formatDuration(t: Translate, seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return t('common.duration.seconds', { count: total });
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  if (rest === 0) return t('common.duration.minutes', { count: minutes });
  if (rest === 30) {
    return minutes === 1
      ? t('common.duration.minuteAndHalf')
      : t('common.duration.minutesAndHalf', { count: minutes });
  }
  return t('common.duration.minutesSeconds', {
    minutes: t('common.duration.minutes', { count: minutes }),
    seconds: t('common.duration.seconds', { count: rest }),
  });
}

/** Joins spoken items that are already SSML-safe: "a", "a and b", "a; b; and c" (semicolons, since items may hold commas). */
export function formatList(t: Translate, items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return t('common.list.two', { first: items[0], second: items[1] });
  return t('common.list.many', {
    rest: items.slice(0, -1).join(t('common.list.joiner')),
    last: items[items.length - 1],
  });
}
