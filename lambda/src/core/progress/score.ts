/**
 * A pain score as people say it, from the AMAZON.NUMBER slot (Alexa sends digits, "-2", "6.5", or
 * "?" when it heard a number it could not place) or from the words themselves ("six and a half",
 * "about five", "minus two"). Plain data in, a decision out: the handler only speaks it.
 */
import englishSpokenFile from '../../../../data/text/en/spoken.json';
import { foldLetters, SpokenForms, type SpokenLanguage } from '../spoken-forms';
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

/** The longest text read (a slot value is a few words; anything longer is not a score). */
const MAX_CHARACTERS = 60;

/** A number in digits as a slot or speech recognition writes it: "6", "-2", "6.5", "6,5". */
const DIGITS = /(^|\s)(-?\d+(?:[.,]\d+)?)(?=\s|$)/;
const ONLY_DIGITS = /^-?\d+(?:[.,]\d+)?$/;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Reads a pain score in one language: its number words 0-99 (data/text/<lang>/spoken.json
 * `numbers`) and its score words (`score`: minus, half, "out of ten", no pain, a hundred), so
 * "sechseinhalb", "moins deux" and "seis de diez" read as "six and a half", "minus two" and
 * "six out of ten" do.
 */
export class ScoreReader {
  private readonly minus: RegExp;
  private readonly half: RegExp;
  private readonly halfJoined: RegExp;
  private readonly outOf: RegExp;
  private readonly zero: RegExp;
  private readonly hundred: ReadonlySet<string>;

  constructor(private readonly spoken: SpokenForms) {
    const words = spoken.data.score;
    const phrases = (list: readonly string[], joined = false): RegExp => {
      const alternatives = list
        .map((w) => spoken.fold(w))
        .filter((w) => w !== '')
        .sort((a, b) => b.length - a.length)
        .map(escapeRegex)
        .join('|');
      if (alternatives === '') return /(?!)/gu;
      // Joined: the half word written onto its number ("sechseinhalb" → "sechs einhalb").
      return joined
        ? new RegExp(`(?<=\\p{L})(${alternatives})(?![\\p{L}\\p{N}])`, 'gu')
        : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu');
    };
    this.minus = phrases(words.minus);
    this.half = phrases(words.half);
    this.halfJoined = phrases(words.halfJoined, true);
    this.outOf = phrases(words.outOf);
    this.zero = phrases(words.zero);
    this.hundred = new Set(words.hundred.map((w) => spoken.fold(w)));
  }

  /** Folded words with a joined half split off, and what the words say besides the number. */
  private parts(folded: string): { rest: string; negative: boolean; half: boolean; zero: boolean } {
    let rest = folded.replace(this.halfJoined, ' $1');
    const has = (re: RegExp): boolean => {
      const before = rest;
      rest = rest.replace(re, ' ');
      return rest !== before;
    };
    const half = has(this.half);
    const negative = has(this.minus);
    const zero = has(this.zero);
    return { rest: rest.replace(/\s+/g, ' ').trim(), negative, half, zero };
  }

  /** The words left once digits are read, with number words as digits. */
  private numberTokens(raw: string): { tokens: string[]; negative: boolean; half: boolean; zero: boolean } {
    const { rest, ...said } = this.parts(this.spoken.fold(raw.replace(DIGITS, ' ')));
    return { tokens: this.spoken.numbers.toDigits(rest).split(' ').filter(Boolean), ...said };
  }

  /**
   * The number in what was said: digits ("6", "-2", "6.5"), or number words with the language's
   * minus and half words. Hedges ("about", "ungefähr", "environ") and the scale ("out of ten") are
   * ignored.
   */
  number(text: string | undefined): number | undefined {
    if (typeof text !== 'string' || text.length === 0 || text.length > MAX_CHARACTERS) return undefined;
    // The scale first, so the "10" of "5 out of 10" is not read as the score.
    const raw = foldLetters(text).replace(this.outOf, ' ').trim();
    const digits = DIGITS.exec(raw);
    const { tokens, negative, half, zero } = this.numberTokens(raw);
    let minus = negative || /(^|\s)-\s*\p{L}/u.test(raw);
    let value: number | undefined;
    if (digits) {
      value = Number(digits[2].replace(',', '.'));
      if (value < 0) minus = false;
    } else {
      const at = tokens.findIndex((w) => /^\d+$/.test(w));
      if (at >= 0) {
        value = Number(tokens[at]);
        // "one hundred": a multiplier after the number.
        if (this.hundred.has(tokens[at + 1] ?? '')) value *= 100;
      } else if (tokens.some((w) => this.hundred.has(w))) value = 100;
      else if (zero) value = 0;
    }
    if (value === undefined || !Number.isFinite(value)) return undefined;
    if (half && Number.isInteger(value)) value += 0.5;
    return minus ? -value : value;
  }

  /**
   * True when the words are only a number ("six", "6", "minus two", "six and a half", "-2"), as an
   * AMAZON.NUMBER slot fills: "next one" or "the one before" are not numbers.
   */
  isNumberPhrase(text: string): boolean {
    if (this.number(text) === undefined) return false;
    const raw = foldLetters(text).trim();
    if (ONLY_DIGITS.test(raw)) return true;
    return this.numberTokens(raw).tokens.every((w) => /^\d+$/.test(w) || this.hundred.has(w));
  }

  /** What a spoken score means on the 0–10 scale: a score, a number off the scale, or none. */
  read(text: string | undefined): ScoreReading {
    const said = this.number(text);
    if (said === undefined) return { kind: 'none' };
    if (said < MIN_SCORE || said > MAX_SCORE)
      return { kind: 'off-scale', said, nearest: said < MIN_SCORE ? MIN_SCORE : MAX_SCORE };
    // Halves round up: "six and a half" is 7 (people who hesitate between two numbers tend to mean the higher).
    const score = Math.round(said);
    return { kind: 'score', score, rounded: score !== said };
  }
}

const readers = new WeakMap<SpokenForms, ScoreReader>();

/** The score reader of a language's spoken forms (one per language, made once). */
export function scoreReaderFor(spoken: SpokenForms): ScoreReader {
  let reader = readers.get(spoken);
  if (!reader) {
    reader = new ScoreReader(spoken);
    readers.set(spoken, reader);
  }
  return reader;
}

export const englishScores = new ScoreReader(new SpokenForms(englishSpokenFile as SpokenLanguage));

/** An English score's number ("six and a half" → 6.5). */
export function spokenNumber(text: string | undefined): number | undefined {
  return englishScores.number(text);
}

/** True when English words are only a number ("six", "minus two"). */
export function isNumberPhrase(text: string): boolean {
  return englishScores.isNumberPhrase(text);
}

/** What an English spoken score means on the 0–10 scale. */
export function readScore(text: string | undefined): ScoreReading {
  return englishScores.read(text);
}

/** A stored or session value that is a score on the scale (whole numbers 0–10). */
export function isScore(value: unknown): value is PainScore {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_SCORE && value <= MAX_SCORE;
}
