/**
 * The simulator's AMAZON.TIME: the value Alexa sends for spoken times, and the matcher sending
 * reminder words to the reminder intents (and a bare number elsewhere).
 * Slot type reference: https://developer.amazon.com/docs/alexa/custom-skills/slot-type-reference.html#time
 * ("four in the morning" → "04:00", "two p m" → "14:00"; "morning" → "MO", "night" → "NI").
 */
import { alexaTimeValue } from '../../simulator/time-slot';
import { ModelMatcher } from '../../simulator/nlu';
import { intentRequest } from '../../simulator/envelope';
import { model } from '../support/model';

const matcher = new ModelMatcher(model);

describe('AMAZON.TIME values, as Alexa sends them', () => {
  it.each([
    ['four in the morning', '04:00'],
    ['two p m', '14:00'],
    ['9 pm', '21:00'],
    ['9 p.m.', '21:00'],
    ['nine pm', '21:00'],
    ['8 am', '08:00'],
    ['12 am', '00:00'],
    ['12 pm', '12:00'],
    ['8:30 am', '08:30'],
    ['7:30 pm', '19:30'],
    ['eight thirty in the evening', '20:30'],
    ['ten at night', '22:00'],
    ["9 o'clock", '09:00'],
    ['noon', '12:00'],
    ['midnight', '00:00'],
    ['morning', 'MO'],
    ['evening', 'EV'],
    ['night', 'NI'],
    ['21:00', '21:00'],
    ['9', '09:00'],
  ])('"%s" → %s', (words, value) => {
    expect(alexaTimeValue(words)).toBe(value);
  });

  it.each(['banana', '13 pm', '25:00', 'nine and a half', ''])('"%s" is not a time', (words) => {
    expect(alexaTimeValue(words)).toBeUndefined();
  });

  it('a bare number is a time only where the sample makes it one', () => {
    expect(alexaTimeValue('six', false)).toBeUndefined();
    expect(alexaTimeValue('six pm', false)).toBe('18:00');
  });
});

describe('the matcher and the reminder intents', () => {
  it.each([
    ['remind me every evening at 9', 'SetReminderIntent', { time: '9', part: 'evening' }],
    ['remind me every day at 8 am', 'SetReminderIntent', { time: '8 am' }],
    ['set a daily reminder', 'SetReminderIntent', {}],
    ['remind me to practise', 'SetReminderIntent', {}],
    ['nine pm', 'ReminderTimeIntent', { time: 'nine pm' }],
    ['at 8 in the morning', 'ReminderTimeIntent', { time: '8', part: 'morning' }],
    ['what reminders do I have', 'ListRemindersIntent', {}],
    ['cancel my reminder', 'CancelReminderIntent', {}],
    ['cancel', 'AMAZON.CancelIntent', {}],
  ])('"%s" → %s', (words, intent, slots) => {
    const understood = matcher.understand(words);
    expect(understood.intent).toBe(intent);
    expect(understood.slots).toEqual(slots);
  });

  it('a bare number is not taken for a reminder time', () => {
    expect(matcher.understand('six').intent).not.toBe('ReminderTimeIntent');
  });

  it('the request carries the time Alexa would send, and the part of the day resolved', () => {
    const understood = matcher.understand('remind me every evening at 9');
    const request = intentRequest(model, understood.intent, understood.slots) as unknown as {
      request: { intent: { slots: Record<string, { value?: string; resolutions?: unknown }> } };
    };
    expect(request.request.intent.slots.time.value).toBe('09:00');
    expect(JSON.stringify(request.request.intent.slots.part.resolutions)).toContain('"id":"evening"');
  });
});
