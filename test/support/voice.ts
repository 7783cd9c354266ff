/**
 * Voice measures shared by the voice bench and the conversation tests, on the skill's own
 * speaking-rate model (lambda/src/core/routine/speaking-rate.ts): words as heard, and the time from
 * a routine turn's start to its first press (the start of the first "press now" cue: what is said
 * after it is said while pressing) and to the start of the first hold.
 */
import { estimateSpeechMs } from '../../lambda/src/core/routine/speaking-rate';
import { ssmlToText } from '../../lambda/src/speech/ssml';

/** The targets of issue 13 ("brief by default, measured"). */
export const VOICE_TARGETS = {
  returningBeforePressS: 20,
  announcedError: 0.1,
  silenceS: 25,
  firstAnswerWords: 35,
  tellMeMoreWords: 70,
  launchReturningWords: 25,
} as const;

export type AplaComponent = { type: 'Speech'; content: string } | { type: 'Silence'; duration: number };

/** Words as heard (a bare punctuation mark is not a word). */
export const spokenWords = (text: string): number =>
  text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * Words and ms from the start of a routine turn (its outputSpeech, then its APLA components) to the
 * first press cue, which is the last speech before the first hold starts (`holdStartMs`, measured
 * from the start of the APLA document); `toHoldMs` runs on to the hold's start.
 */
export function beforeFirstPress(
  ssml: string,
  components: AplaComponent[],
  holdStartMs: number,
): { words: number; ms: number; toHoldMs: number } {
  const lead = estimateSpeechMs(ssml);
  let at = 0;
  let pressAt = holdStartMs;
  let words = spokenWords(ssmlToText(ssml));
  let wordsBeforePress = words;
  for (const c of components) {
    if (at >= holdStartMs) break;
    if (c.type === 'Speech') {
      pressAt = at;
      wordsBeforePress = words;
      words += spokenWords(ssmlToText(c.content));
      at += estimateSpeechMs(c.content);
    } else at += c.duration;
  }
  return { words: wordsBeforePress, ms: lead + pressAt, toHoldMs: lead + holdStartMs };
}
