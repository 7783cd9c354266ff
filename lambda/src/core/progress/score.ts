/**
 * A pain score as people say it, from the AMAZON.NUMBER slot (Alexa sends digits, "-2", "6.5", or
 * "?" when it heard a number it could not place) or from the words themselves ("six and a half",
 * "about five", "minus two"). Plain data in, a decision out: the handler only speaks it.
 */
import type { PainScore } from './types';

export const MIN_SCORE = 0;
export const MAX_SCORE = 10;

export type ScoreReading =
  /** A usable score; `rounded` when the user said a fraction ("six and a half" → 7). */
  | { kind: 'score'; score: PainScore; rounded: boolean }
  /** A number off the scale ("eleven", "minus two"): the nearest end of the scale, to confirm. */
  | { kind: 'off-scale'; said: number; nearest: PainScore }
  /** No number in what was said ("I don't know", "ouch", "?"). */
  | { kind: 'none' };

const WORDS: Record<string, number> = {
  zero: 0,
  nought: 0,
  none: 0,
  nothing: 0,
  oh: 0,
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
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
};

/** The longest text read (a slot value is a few words; anything longer is not a score). */
const MAX_CHARACTERS = 60;

/**
 * The number in what was said: digits ("6", "-2", "6.5"), or number words with "minus"/"negative"
 * and "and a half"/"point five". Hedges ("about", "around", "maybe", "out of ten") are ignored.
 */
export function spokenNumber(text: string | undefined): number | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_CHARACTERS) return undefined;
  const clean = text
    .toLowerCase()
    .replace(/out of (ten|10)\b/g, ' ')
    .replace(/[^a-z0-9.\- ]+/g, ' ')
    .trim();
  const digits = /(^|\s)(-?\d+(?:\.\d+)?)(\s|$)/.exec(clean);
  let negative = /\b(minus|negative)\b/.test(clean) || /(^|\s)-\s*\w/.test(clean);
  let value: number | undefined;
  if (digits) {
    value = Number(digits[2]);
    if (value < 0) negative = false;
  } else {
    let total: number | undefined;
    for (const word of clean.replace(/-/g, ' ').split(/\s+/)) {
      const n = WORDS[word];
      if (n === undefined) continue;
      // "twenty one": tens then a unit; "one hundred": a multiplier.
      if (n === 100 && total !== undefined) total *= 100;
      else
        total = total !== undefined && total >= 20 && total % 10 === 0 && n < 10 ? total + n : (total ?? n);
    }
    value = total;
  }
  if (value === undefined || !Number.isFinite(value)) return undefined;
  if (/\b(and a half|point five|\.5)\b/.test(clean) && Number.isInteger(value)) value += 0.5;
  return negative ? -value : value;
}

const NUMBER_WORDS = new Set([...Object.keys(WORDS), 'minus', 'negative', 'and', 'a', 'half', 'point']);

/**
 * True when the words are only a number ("six", "6", "minus two", "six and a half", "-2"), as an
 * AMAZON.NUMBER slot fills: "next one" or "the one before" are not numbers.
 */
export function isNumberPhrase(text: string): boolean {
  if (spokenNumber(text) === undefined) return false;
  const words = text
    .toLowerCase()
    .replace(/-(?=\D)/g, ' ')
    .trim()
    .split(/\s+/);
  return words.every((word) => NUMBER_WORDS.has(word) || /^-?\d+(\.\d+)?$/.test(word));
}

/** What a spoken score means on the 0–10 scale: a score, a number off the scale, or none. */
export function readScore(text: string | undefined): ScoreReading {
  const said = spokenNumber(text);
  if (said === undefined) return { kind: 'none' };
  if (said < MIN_SCORE || said > MAX_SCORE)
    return { kind: 'off-scale', said, nearest: said < MIN_SCORE ? MIN_SCORE : MAX_SCORE };
  // Halves round up: "six and a half" is 7 (people who hesitate between two numbers tend to mean the higher).
  const score = Math.round(said);
  return { kind: 'score', score, rounded: score !== said };
}

/** A stored or session value that is a score on the scale (whole numbers 0–10). */
export function isScore(value: unknown): value is PainScore {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_SCORE && value <= MAX_SCORE;
}
