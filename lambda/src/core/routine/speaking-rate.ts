/**
 * How long Alexa takes to say a cue, estimated from its words. The routine engine needs this to
 * keep holds honest: a hold is the silence plus the cues spoken inside it, so the estimate of those
 * cues decides how long the person actually presses.
 *
 * The model (stated once, tested in test/core/routine/speaking-rate.test.ts):
 * - 270 ms per spoken word, 350 ms per comma, semicolon or colon, 700 ms per sentence end
 *   (. ? !) inside an utterance and 350 ms for the one that ends it. With the pauses, an
 *   instruction of 15 words and two clauses takes about 5 s (about 170 words a minute), the pace
 *   of Alexa's default voice. The figures are fitted to espeak-ng at `-s 150` over the routine
 *   cues, which the test uses as its reference voice.
 * - Words are counted as spoken: "52" is two words ("fifty two"), a spelled code "B L" is two,
 *   a hyphenated "finger-widths" is two.
 * - An SSML `<break time="…"/>` adds exactly its time, and the words before it end as an
 *   utterance does (a sentence end there is the short final pause), so one turn sent as APLA
 *   Speech and Silence components or as one SSML document with breaks takes the same time.
 *   `<break strength>` is a clause pause (weak, medium), a sentence pause (strong) or 1 s
 *   (x-strong); a closing `</s>` a sentence pause and `</p>` 1 s; `<prosody rate>` scales the
 *   words and pauses inside it (a percentage exactly, the keywords by estimate), all but the short
 *   pause that ends the utterance, which keeps its length at any rate (measured with espeak-ng:
 *   "Halfway." takes 1.04 s, 0.93 s at 120 % and 1.20 s at 80 %). An `<audio>` from the Alexa
 *   sound library takes its listed length (SOUND_MS; a sound not listed there counts as silent,
 *   and the skill plays only listed ones). Other tags are silent.
 * This is the one model: the routine engine lays holds out with it, and the simulator's page, the
 * terminal chat and the bench time what they play with it (`speechParts`).
 * Holds keep the cues spoken inside them to a few words ("Halfway."), so an error of 20 % in this
 * model moves a hold by well under a second.
 */
import { boundedMemo } from '../memo';

export const MS_PER_WORD = 270;

/**
 * How much longer a word takes in a language than in English, for the same content: German's long
 * compounds and French's liaisons and longer phrasing run longer (issue 15). Estimates, to be fitted
 * to each language's voice as English's were; a language not listed is taken as English.
 */
export const LANGUAGE_WORD_FACTOR: Readonly<Record<string, number>> = { en: 1, de: 1.25, fr: 1.15, es: 1.1 };

/** The word factor for a language or locale ("de-DE" → 1.25). */
export function wordFactor(language: string | undefined): number {
  return LANGUAGE_WORD_FACTOR[(language ?? 'en').split('-')[0].toLowerCase()] ?? 1;
}
export const MS_PER_CLAUSE_PAUSE = 350;
export const MS_PER_SENTENCE_END = 700;
export const MS_FINAL_SENTENCE_END = 350;

/** Spoken words in a number: 7 → 1, 23 → 2, 40 → 1, 120 → 3 ("one hundred twenty"). */
export function spokenNumberWords(n: number): number {
  if (!Number.isFinite(n) || n < 0) return 1;
  if (n < 20) return 1;
  if (n < 100) return n % 10 === 0 ? 1 : 2;
  if (n < 1000) return 2 + (n % 100 === 0 ? 0 : spokenNumberWords(n % 100));
  return 2 + spokenNumberWords(n % 1000);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Pauses for `<break strength>` (Alexa's default strength is medium, a comma's pause). */
export const STRENGTH_PAUSE_MS: Record<string, number> = {
  none: 0,
  'x-weak': 0,
  weak: MS_PER_CLAUSE_PAUSE,
  medium: MS_PER_CLAUSE_PAUSE,
  strong: MS_PER_SENTENCE_END,
  'x-strong': 1000,
};
const PARAGRAPH_PAUSE_MS = STRENGTH_PAUSE_MS['x-strong'];
/** `<prosody rate>` keywords as a fraction of the default rate (Alexa's docs give no figures; estimates). */
const RATE_KEYWORDS: Record<string, number> = {
  'x-slow': 0.6,
  slow: 0.8,
  medium: 1,
  fast: 1.25,
  'x-fast': 1.5,
};

/** The soft sound a quiet hold plays as its sign of life (Alexa Skills Kit sound library). */
export const SOFT_SOUND_SRC = 'soundbank://soundlibrary/musical/amzn_sfx_bell_short_chime_01';
/** Lengths of the sound-library sounds the skill plays (an estimate: the short chime rings about 1 s). */
export const SOUND_MS: Record<string, number> = { [SOFT_SOUND_SRC]: 1000 };

/** A piece of an utterance: words as plain text (with how long they take), a pause, or a sound. */
export type SpeechPart =
  | { kind: 'words'; text: string; ms: number }
  | { kind: 'pause'; ms: number }
  | { kind: 'sound'; src: string; ms: number };

const decode = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => ENTITIES[name]);

function rateOf(attributes: string): number | undefined {
  const rate = /\brate\s*=\s*["']([^"']+)["']/.exec(attributes)?.[1]?.trim();
  if (!rate) return undefined;
  if (rate in RATE_KEYWORDS) return RATE_KEYWORDS[rate];
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(rate);
  return percent && Number(percent[1]) > 0 ? Number(percent[1]) / 100 : undefined;
}

function breakMs(attributes: string): number {
  const time = /\btime\s*=\s*["'](\d+(?:\.\d+)?)\s*(ms|s)["']/.exec(attributes);
  if (time) return Number(time[1]) * (time[2] === 's' ? 1000 : 1);
  const strength = /\bstrength\s*=\s*["']([\w-]+)["']/.exec(attributes)?.[1];
  return STRENGTH_PAUSE_MS[strength ?? 'medium'] ?? STRENGTH_PAUSE_MS.medium;
}

/**
 * An SSML fragment (with or without `<speak>`) as it is heard, in order: runs of words with their
 * estimated time, and pauses. A break ends a run of words as the end of an utterance does (a
 * sentence end before it is its short final pause), so a turn timed as APLA Speech and Silence
 * components and the same turn as one SSML document with breaks take the same time.
 */
export function speechParts(ssml: string, language?: string): SpeechPart[] {
  const raw: Array<{ text: string; rate: number } | { pause: number } | { sound: string }> = [];
  const rates: number[] = [1];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>/g;
  let last = 0;
  let match: RegExpExecArray | null;
  const words = (text: string): void => {
    const rate = rates[rates.length - 1];
    const previous = raw[raw.length - 1];
    if (previous && 'text' in previous && previous.rate === rate) previous.text += ` ${text}`;
    else raw.push({ text, rate });
  };
  while ((match = tag.exec(ssml)) !== null) {
    words(decode(ssml.slice(last, match.index)));
    last = tag.lastIndex;
    const [, closing, name, attributes, selfClosing] = match;
    if (name === 'break') raw.push({ pause: breakMs(attributes) });
    else if (name === 'audio' && !closing) {
      const src = /\bsrc\s*=\s*["']([^"']+)["']/.exec(attributes)?.[1];
      if (src) raw.push({ sound: decode(src) });
    } else if (name === 'prosody' && !selfClosing) {
      if (closing) {
        if (rates.length > 1) rates.pop();
      } else rates.push(rates[rates.length - 1] * (rateOf(attributes) ?? 1));
    } else if (name === 's' && closing) raw.push({ pause: MS_PER_SENTENCE_END });
    else if (name === 'p' && closing) raw.push({ pause: PARAGRAPH_PAUSE_MS });
  }
  words(decode(ssml.slice(last)));
  const parts: SpeechPart[] = [];
  raw.forEach((part) => {
    if ('pause' in part) {
      if (part.pause > 0) parts.push({ kind: 'pause', ms: part.pause });
    } else if ('sound' in part) {
      const ms = SOUND_MS[part.sound];
      if (ms !== undefined) parts.push({ kind: 'sound', src: part.sound, ms });
    } else if (/[\p{L}\p{N}]/u.test(part.text)) {
      const text = part.text.replace(/\s+/g, ' ').trim();
      const final = part.rate !== 1 && /[.?!]+\s*$/.test(text) ? MS_FINAL_SENTENCE_END : 0;
      const ms = Math.round((estimateTextMs(text, language) - final) / part.rate + final);
      parts.push({ kind: 'words', text, ms });
    }
  });
  return parts;
}

const estimateByLanguage = boundedMemo(
  ({ ssml, language }: { ssml: string; language?: string }) =>
    speechParts(ssml, language).reduce((sum, part) => sum + part.ms, 0),
  { limit: 2000, key: ({ ssml, language }) => `${wordFactor(language)}|${ssml}` },
);

/** Estimated milliseconds to speak an SSML fragment (with or without `<speak>`) in a language (English by default). Memoised: cues repeat. */
export function estimateSpeechMs(ssml: string, language?: string): number {
  return estimateByLanguage({ ssml, language });
}

/** Estimated milliseconds to speak plain text. Empty text takes no time. */
export function estimateTextMs(text: string, language?: string): number {
  const tokens = text.split(/[\s-]+/).filter((t) => /[\p{L}\p{N}]/u.test(t));
  if (tokens.length === 0) return 0;
  let words = 0;
  for (const token of tokens) {
    const digits = /^\D*(\d+)\D*$/.exec(token);
    words += digits ? spokenNumberWords(Number(digits[1])) : 1;
  }
  const clausePauses = (text.match(/[,;:](\s|$)/g) ?? []).length;
  const sentenceEnds = (text.match(/[.?!]+(\s|$)/g) ?? []).length;
  const endsWithSentence = /[.?!]+\s*$/.test(text);
  return (
    Math.round(words * MS_PER_WORD * wordFactor(language)) +
    clausePauses * MS_PER_CLAUSE_PAUSE +
    (endsWithSentence
      ? (sentenceEnds - 1) * MS_PER_SENTENCE_END + MS_FINAL_SENTENCE_END
      : sentenceEnds * MS_PER_SENTENCE_END)
  );
}
