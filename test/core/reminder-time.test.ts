import {
  dailyRule,
  dailyTrigger,
  isDaily,
  isTimeZone,
  partOfDayFrom,
  ringTime,
  timeOfDayFrom,
} from '../../lambda/src/core/reminder-time';
import { catalogueFor } from '../../lambda/src/core/catalogue';

describe('the time of day a user asked for', () => {
  it.each([
    ['21:00', undefined, { hour: 21, minute: 0 }],
    ['09:00', 'evening', { hour: 21, minute: 0 }],
    ['09:00', undefined, { hour: 9, minute: 0 }],
    ['10:00', 'night', { hour: 22, minute: 0 }],
    ['12:00', 'night', { hour: 0, minute: 0 }],
    ['02:30', 'afternoon', { hour: 14, minute: 30 }],
    ['08:00', 'morning', { hour: 8, minute: 0 }],
    ['21:00', 'evening', { hour: 21, minute: 0 }],
    ['EV', undefined, { hour: 19, minute: 0 }],
    ['MO', undefined, { hour: 8, minute: 0 }],
  ] as const)('%s with %s → %o', (value, part, time) => {
    expect(timeOfDayFrom(value, part)).toEqual(time);
  });

  it.each(['', '25:00', '2026-11-25', 'PT10M', 'nine', '9'])('"%s" is not a time of day', (value) => {
    expect(timeOfDayFrom(value)).toBeUndefined();
  });

  it('finds the part of the day in the words', () => {
    expect(partOfDayFrom('evenings')).toBe('evening');
    expect(partOfDayFrom('tonight')).toBe('night');
    expect(partOfDayFrom('banana')).toBeUndefined();
  });

  it.each([
    ['de', 'jeden Abend', 'evening'],
    ['de', 'nachmittags', 'afternoon'],
    ['de', 'heute Nacht', 'night'],
    ['es', 'por la noche', 'night'],
    ['es', 'todas las mañanas', 'morning'],
    ['es', 'por la tarde', 'afternoon'],
    ['fr', 'tous les soirs', 'evening'],
    ['fr', "l'après-midi", 'afternoon'],
    ['fr', 'le matin', 'morning'],
  ] as const)('in %s, "%s" is the %s', (language, words, part) => {
    expect(partOfDayFrom(words, catalogueFor(language).spoken)).toBe(part);
    // English words are not German, Spanish or French ones.
    expect(partOfDayFrom('evening banana', catalogueFor(language).spoken)).toBeUndefined();
  });
});

describe('the daily trigger', () => {
  const now = Date.parse('2026-11-25T23:30:00Z');

  it("starts today in the user's zone, which may not be today in UTC", () => {
    expect(dailyTrigger({ hour: 9, minute: 5 }, 'Pacific/Auckland', now)).toEqual({
      type: 'SCHEDULED_ABSOLUTE',
      timeZoneId: 'Pacific/Auckland',
      recurrence: {
        startDateTime: '2026-11-26T09:05:00.000',
        recurrenceRules: ['FREQ=DAILY;BYHOUR=9;BYMINUTE=5;BYSECOND=0;INTERVAL=1;'],
      },
    });
  });

  it("without a zone, sends neither a zone nor a start (Alexa uses the device's)", () => {
    expect(dailyTrigger({ hour: 21, minute: 0 }, undefined, now)).toEqual({
      type: 'SCHEDULED_ABSOLUTE',
      recurrence: { recurrenceRules: [dailyRule({ hour: 21, minute: 0 })] },
    });
  });

  it('knows real zones only', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone(42)).toBe(false);
  });
});

describe('reading a reminder the API returned', () => {
  it('reads the rule, the older scheduled time, and nothing from junk', () => {
    expect(ringTime({ recurrence: { recurrenceRules: ['FREQ=DAILY;BYHOUR=7;BYMINUTE=45'] } })).toEqual({
      hour: 7,
      minute: 45,
    });
    expect(ringTime({ scheduledTime: '2026-11-25T19:00:00.000' })).toEqual({ hour: 19, minute: 0 });
    expect(ringTime({ recurrence: { recurrenceRules: ['FREQ=DAILY;BYHOUR=99'] } })).toBeUndefined();
    expect(ringTime('junk')).toBeUndefined();
    expect(ringTime(null)).toBeUndefined();
    expect(isDaily({ recurrence: { freq: 'DAILY' } })).toBe(true);
    expect(isDaily({ recurrence: { recurrenceRules: ['FREQ=WEEKLY;BYDAY=MO'] } })).toBe(false);
    expect(isDaily({ scheduledTime: '2026-11-25T19:00:00.000' })).toBe(false);
  });
});
