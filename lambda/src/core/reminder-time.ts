/**
 * Practice reminders, as plain data: the time of day a user asked for (from Alexa's AMAZON.TIME
 * value and the part of the day they named), and the daily recurring trigger the Reminders API
 * takes for it. No Alexa types: the handlers turn this into API calls.
 */

import { englishSpoken, type SpokenForms } from './spoken-forms';

/** The permission scope reminders need: declared in skill.json, asked for by voice. */
export const REMINDERS_SCOPE = 'alexa::alerts:reminders:skill:readwrite';

export interface TimeOfDay {
  hour: number;
  minute: number;
}

export type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'night';

/** The hour Alexa's part-of-day values ("MO", "AF", "EV", "NI") stand for, when no clock time was said. */
const PART_OF_DAY_HOUR: Record<string, number> = { MO: 8, AF: 14, EV: 19, NI: 21 };

/**
 * The words for each part of the day in English: the interaction model's ReminderPartOfDay slot
 * type is generated from each language's own (`partsOfDay` in data/text/<lang>/spoken.json).
 */
export const PART_OF_DAY_WORDS: Record<PartOfDay, string[]> = englishSpoken.data.partsOfDay;

const PARTS: readonly PartOfDay[] = ['morning', 'afternoon', 'evening', 'night'];

/**
 * "evening", "every night", "tonight" (or "jeden Abend", "ce soir", "por la noche" with that
 * language's spoken forms) → the part of the day, if the words name one. A slot's resolved id
 * ("evening") is a part too.
 */
export function partOfDayFrom(
  words: string | undefined,
  spoken: SpokenForms = englishSpoken,
): PartOfDay | undefined {
  if (!words) return undefined;
  if ((PARTS as readonly string[]).includes(words)) return words as PartOfDay;
  const said = ` ${spoken.fold(words)} `;
  for (const part of PARTS) {
    if (spoken.data.partsOfDay[part].some((form) => said.includes(` ${spoken.fold(form)} `))) return part;
  }
  return undefined;
}

/**
 * The time of day from an AMAZON.TIME slot value ("21:00", "09:30", "EV") and the part of the day
 * said beside it: "every evening at 9" arrives as 09:00 with "evening", and means 21:00. A value that
 * is not a time (a date, a duration, junk) gives undefined.
 */
export function timeOfDayFrom(value: string | undefined, part?: PartOfDay): TimeOfDay | undefined {
  if (!value) return undefined;
  const trimmed = value.trim().toUpperCase();
  const named = PART_OF_DAY_HOUR[trimmed];
  if (named !== undefined) return { hour: named, minute: 0 };
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(trimmed);
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  // "every evening at 9", "at 10 at night": a morning hour with an afternoon word is the afternoon one.
  if ((part === 'afternoon' || part === 'evening' || part === 'night') && hour >= 1 && hour < 12) hour += 12;
  // "at 12 at night" is midnight.
  if (part === 'night' && hour === 12) hour = 0;
  return { hour, minute };
}

/** True when the IANA time zone name is one this runtime knows ("Europe/London"). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The date in a time zone at an instant, as YYYY-MM-DD. */
function localDate(instant: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The daily rule in RFC 5545 form, as the Reminders API's `recurrenceRules` takes it. */
export function dailyRule(time: TimeOfDay): string {
  return `FREQ=DAILY;BYHOUR=${time.hour};BYMINUTE=${time.minute};BYSECOND=0;INTERVAL=1;`;
}

export interface DailyTrigger {
  type: 'SCHEDULED_ABSOLUTE';
  timeZoneId?: string;
  recurrence: { startDateTime?: string; recurrenceRules: string[] };
}

/**
 * A daily recurring trigger at `time`. With the user's time zone, the recurrence starts today in
 * that zone (local date-time, no offset, as the API wants). Without one, neither the zone nor a start
 * is sent: Alexa then uses the device's own time zone and starts now, which is right, where a guessed
 * zone would ring at the wrong hour.
 */
export function dailyTrigger(time: TimeOfDay, zone: string | undefined, now: number): DailyTrigger {
  if (!zone) return { type: 'SCHEDULED_ABSOLUTE', recurrence: { recurrenceRules: [dailyRule(time)] } };
  return {
    type: 'SCHEDULED_ABSOLUTE',
    timeZoneId: zone,
    recurrence: {
      startDateTime: `${localDate(now, zone)}T${pad(time.hour)}:${pad(time.minute)}:00.000`,
      recurrenceRules: [dailyRule(time)],
    },
  };
}

/** The request time as the API wants it: ISO 8601 without an offset. */
export function requestTimeString(now: number): string {
  return new Date(now).toISOString().replace(/Z$/, '');
}

/**
 * The time of day a stored reminder rings, read defensively from what the API returned: the
 * recurrence rule's BYHOUR/BYMINUTE, else the scheduled time's clock part. Undefined when neither
 * is there or readable.
 */
export function ringTime(trigger: unknown): TimeOfDay | undefined {
  if (typeof trigger !== 'object' || trigger === null) return undefined;
  const { recurrence, scheduledTime } = trigger as { recurrence?: unknown; scheduledTime?: unknown };
  if (typeof recurrence === 'object' && recurrence !== null) {
    const rules = (recurrence as { recurrenceRules?: unknown }).recurrenceRules;
    if (Array.isArray(rules)) {
      for (const rule of rules) {
        if (typeof rule !== 'string') continue;
        const hour = /BYHOUR=(\d{1,2})/.exec(rule);
        const minute = /BYMINUTE=(\d{1,2})/.exec(rule);
        if (hour && Number(hour[1]) < 24) {
          const m = minute ? Number(minute[1]) : 0;
          if (m < 60) return { hour: Number(hour[1]), minute: m };
        }
      }
    }
  }
  if (typeof scheduledTime === 'string') {
    const clock = /T(\d{2}):(\d{2})/.exec(scheduledTime);
    if (clock && Number(clock[1]) < 24 && Number(clock[2]) < 60)
      return { hour: Number(clock[1]), minute: Number(clock[2]) };
  }
  return undefined;
}

/** Whether the reminder repeats every day (a recurrence rule with FREQ=DAILY, or the older `freq`). */
export function isDaily(trigger: unknown): boolean {
  if (typeof trigger !== 'object' || trigger === null) return false;
  const recurrence = (trigger as { recurrence?: unknown }).recurrence;
  if (typeof recurrence !== 'object' || recurrence === null) return false;
  const { recurrenceRules, freq } = recurrence as { recurrenceRules?: unknown; freq?: unknown };
  if (freq === 'DAILY') return true;
  return (
    Array.isArray(recurrenceRules) &&
    recurrenceRules.some((r) => typeof r === 'string' && /FREQ=DAILY/.test(r))
  );
}
