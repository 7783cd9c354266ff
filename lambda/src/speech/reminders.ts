/**
 * Reminder answers as speech: a time of day in words ("9 p.m.", "8:30 a.m.", "noon"), and what a
 * stored reminder is ("every day at 9 p.m."). Every sentence comes from i18n/en/reminders.json.
 */
import { isDaily, ringTime, type TimeOfDay } from '../core/reminder-time';
import type { Translate } from '../i18n';
import { formatList } from './duration';

/** A time of day in words, in the 12-hour form people say. */
export function spokenTime(t: Translate, time: TimeOfDay): string {
  if (time.minute === 0 && time.hour === 12) return t('reminders.clock.noon');
  if (time.minute === 0 && time.hour === 0) return t('reminders.clock.midnight');
  const period = t(time.hour < 12 ? 'reminders.clock.am' : 'reminders.clock.pm');
  const hour = time.hour % 12 === 0 ? 12 : time.hour % 12;
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
