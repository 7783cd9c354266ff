/**
 * How long Alexa takes to say a cue, estimated from its words. The routine engine needs this to
 * keep holds honest: a hold is the silence plus the cues spoken inside it, so the estimate of those
 * cues decides how long the person actually presses.
 *
 * The model (stated once, tested in test/core/routine/speaking-rate.test.ts):
 * - 270 ms per spoken word, 350 ms per comma, semicolon or colon, 700 ms per sentence end
 *   (. ? !) inside an utterance and 350 ms for the one that ends it. With the pauses, an instruction of 15 words and two clauses takes about 5 s (about 170
 *   words a minute), the pace of Alexa's default voice. The figures are fitted to espeak-ng at
 *   `-s 150` over the routine cues, which the test uses as its reference voice.
 * - Words are counted as spoken: "52" is two words ("fifty two"), a spelled code "B L" is two,
 *   a hyphenated "finger-widths" is two.
 * - An SSML `<break time="…"/>` adds exactly its time; other tags are silent.
 * Holds keep the cues spoken inside them to a few words ("Halfway."), so an error of 20 % in this
 * model moves a hold by well under a second.
 */
import { boundedMemo } from '../memo';

export const MS_PER_WORD = 270;
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

/** Estimated milliseconds to speak an SSML fragment (with or without `<speak>`). Memoised: cues repeat. */
export const estimateSpeechMs: (ssml: string) => number = boundedMemo(estimateUncached, { limit: 2000 });

function estimateUncached(ssml: string): number {
  let breaks = 0;
  for (const [, value, unit] of ssml.matchAll(/<break\b[^>]*\btime="([\d.]+)(ms|s)"[^>]*\/>/g)) {
    breaks += Number(value) * (unit === 's' ? 1000 : 1);
  }
  const text = ssml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => ENTITIES[name]);
  return breaks + estimateTextMs(text);
}

/** Estimated milliseconds to speak plain text. Empty text takes no time. */
export function estimateTextMs(text: string): number {
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
    words * MS_PER_WORD +
    clausePauses * MS_PER_CLAUSE_PAUSE +
    (endsWithSentence
      ? (sentenceEnds - 1) * MS_PER_SENTENCE_END + MS_FINAL_SENTENCE_END
      : sentenceEnds * MS_PER_SENTENCE_END)
  );
}
