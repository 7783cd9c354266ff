/**
 * The one-breath test (voice guide, issue 13): a first answer is at most 35 words, "tell me more" at
 * most 70. Words are counted as heard (SSML tags and a bare punctuation mark are not words), the way
 * the voice bench counts them.
 */
import { ssmlToText } from './ssml';

export const ONE_BREATH_WORDS = 35;
export const TELL_ME_MORE_WORDS = 70;

export function heardWords(ssml: string): number {
  return ssmlToText(ssml)
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Sentences of an answer (split after . ? ! followed by a space). */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.?!])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A sentence this short is a grade ("Yes, with lighter pressure.") and needs the one after it. */
const GRADE_LINE_WORDS = 8;

/**
 * An answer in order, cut for one breath: the leading sentences that fit in `budget` words (at
 * least the first, and the second after a short grade line: the grade and the one thing to do), and
 * the rest for "tell me more" ('' when everything fits).
 */
export function splitForBreath(text: string, budget: number): { first: string; rest: string } {
  const sentences = sentencesOf(text);
  let count = 0;
  let taken = 0;
  for (const sentence of sentences) {
    const n = heardWords(sentence);
    const needed = taken === 0 || (taken === 1 && count <= GRADE_LINE_WORDS);
    if (!needed && count + n > budget) break;
    count += n;
    taken++;
  }
  return { first: sentences.slice(0, taken).join(' '), rest: sentences.slice(taken).join(' ') };
}
