/**
 * Alexa's built-in AMAZON.TIME slot, as far as the simulator needs it: the words a user says for a
 * time of day become the value Alexa sends ("nine p m" → "21:00", "8:30 in the morning" → "08:30",
 * "noon" → "12:00", "evening" → "EV"). Words that are not a time give undefined, so the matcher can
 * try another sample. A bare number ("9") is a time only where the sample's own words make it one
 * ("remind me every evening at {time}"), never on its own (a bare "six" answers other questions).
 */

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty five': 45,
  'twenty five': 25,
  'thirty five': 35,
  fifty: 50,
  'fifty five': 55,
};

const PART_VALUES: Record<string, string> = {
  morning: 'MO',
  'this morning': 'MO',
  afternoon: 'AF',
  'this afternoon': 'AF',
  evening: 'EV',
  'this evening': 'EV',
  night: 'NI',
  tonight: 'NI',
  'at night': 'NI',
};

const pad = (n: number) => String(n).padStart(2, '0');

function numberFrom(words: string): number | undefined {
  if (/^\d{1,2}$/.test(words)) return Number(words);
  return NUMBER_WORDS[words];
}

/** The AMAZON.TIME value for the words, or undefined. `bare`: a lone number counts as a time. */
export function alexaTimeValue(spoken: string, bare = true): string | undefined {
  const words = spoken.toLowerCase().replace(/[’`]/g, "'").replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
  if (words === 'noon' || words === 'midday' || words === '12 noon') return '12:00';
  if (words === 'midnight') return '00:00';
  const part = PART_VALUES[words];
  if (part) return part;
  const clock = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(words);
  if (clock) return `${pad(Number(clock[1]))}:${clock[2]}`;
  const match =
    /^(.+?)(?: (o'clock|oclock))?(?: (a ?m|p ?m|in the morning|in the afternoon|in the evening|at night|tonight))?$/.exec(
      words,
    );
  if (!match) return undefined;
  const [, body, oclock, suffix] = match;
  let hour: number | undefined;
  let minute = 0;
  const withColon = /^(\d{1,2}):([0-5]\d)$/.exec(body);
  if (withColon) {
    hour = Number(withColon[1]);
    minute = Number(withColon[2]);
  } else {
    const parts = body.split(' ');
    hour = numberFrom(parts[0]);
    if (parts.length > 1) {
      const rest = numberFrom(parts.slice(1).join(' '));
      if (rest === undefined || rest >= 60) return undefined;
      minute = rest;
    }
  }
  if (hour === undefined || hour > 23) return undefined;
  const marked = Boolean(oclock || suffix) || withColon !== null;
  if (!marked && !bare) return undefined;
  if (suffix) {
    if (hour > 12 || hour === 0) return undefined;
    const afternoon = /^p|afternoon|evening|night/.test(suffix);
    if (afternoon && hour < 12) hour += 12;
    if (!afternoon && hour === 12) hour = 0;
  }
  return `${pad(hour)}:${pad(minute)}`;
}
