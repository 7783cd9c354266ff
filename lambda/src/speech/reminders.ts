/**
 * Reminder answers as speech: a time of day in words ("9 p.m.", "8:30 a.m.", "noon"), and what a
 * stored reminder is ("every day at 9 p.m."). Every sentence comes from i18n/en/reminders.json.
 */
import { isDaily, ringTime, type TimeOfDay } from '../core/reminder-time';
import type { Translate } from '../i18n';
import { formatList } from './duration';

const clocks = new Map<string, boolean>();

/** True when the language tells the time on a 24-hour clock ("21 Uhr", "21 heures", "las 21"). */
function twentyFourHour(language = 'en'): boolean {
  let known = clocks.get(language);
  if (known === undefined) {
    let cycle: string | undefined;
    try {
      cycle = new Intl.DateTimeFormat(language, { hour: 'numeric' }).resolvedOptions().hourCycle;
    } catch {
      cycle = undefined;
    }
    known = cycle === 'h23' || cycle === 'h24';
    // Languages come from the skill's own resources: a handful at most.
    if (clocks.size < 50) clocks.set(language, known);
  }
  return known;
}

/**
 * A time of day in words, on the clock the translator's language uses: the 12-hour form with its
 * period in English ("9 p.m."), the hour 0-23 where the language counts to 24 ("21 Uhr"; there the
 * `reminders.clock.am`/`pm` words may be empty, or a part of the day).
 */
export function spokenTime(t: Translate, time: TimeOfDay): string {
  if (time.minute === 0 && time.hour === 12) return t('reminders.clock.noon');
  if (time.minute === 0 && time.hour === 0) return t('reminders.clock.midnight');
  const period = t(time.hour < 12 ? 'reminders.clock.am' : 'reminders.clock.pm');
  const hour = twentyFourHour(t.language) ? time.hour : time.hour % 12 === 0 ? 12 : time.hour % 12;
  return time.minute === 0
    ? t('reminders.clock.onTheHour', { hour, period })
    : t('reminders.clock.withMinutes', { hour, minute: String(time.minute).padStart(2, '0'), period });
}

/** What one reminder the API returned is, from its trigger (read defensively). */
export function reminderPhrase(t: Translate, trigger: unknown): string {
  const time = ringTime(trigger);
  if (!time) return t('reminders.list.unknownTime');
  const spoken = spokenTime(t, time);
  return isDaily(trigger)
    ? t('reminders.list.daily', { time: spoken })
    : t('reminders.list.once', { time: spoken });
}

/** Lists read aloud stop at three. */
export const MAX_READ = 3;

/** "You have 2 reminders from me: every day at 9 p.m. and every day at 8 a.m." (at most three read). */
export function reminderListSpeech(t: Translate, triggers: unknown[]): string {
  if (triggers.length === 0) return t('reminders.list.none');
  const items = formatList(
    t,
    triggers.slice(0, MAX_READ).map((trigger) => reminderPhrase(t, trigger)),
  );
  const said = t('reminders.list.some', { count: triggers.length, items });
  return triggers.length > MAX_READ ? `${said} ${t('reminders.list.firstThree')}` : said;
}
