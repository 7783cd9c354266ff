/**
 * Plain words (voice guide): what a finger-width is, said once a session, the first time a point
 * answer or a routine speaks of finger-widths.
 */
import type { HandlerInput } from 'ask-sdk-core';
import { localeOf, translatorOf } from '../input';
import { translatorFor } from '../../i18n';
import { fingerWidthSpeech, mentionsFingerWidths } from '../../speech/safety';
import { patchSafety, readSafety } from './health-profile';

/** The sentence to add after `texts` ('' when they name no finger-widths or it was said already). */
export function fingerWidthOnce(h: HandlerInput, ...texts: string[]): string {
  const note = fingerWidthPending(h, ...texts);
  if (note) patchSafety(h, { fingerWidthSaid: true });
  return note;
}

/**
 * The same sentence without noting it as said, for an answer that adds it only when it fits; what
 * is not said now is said with the next answer that speaks of finger-widths.
 */
export function fingerWidthPending(h: HandlerInput, ...texts: string[]): string {
  // Not the recording translator: the unit's word is looked up, not said ("repeat" replays what was said).
  const t = translatorFor(localeOf(h));
  if (!mentionsFingerWidths(t, texts) || readSafety(h).fingerWidthSaid) return '';
  return fingerWidthSpeech(translatorOf(h));
}

/** Notes that what a finger-width is has been said this session. */
export function fingerWidthSaid(h: HandlerInput): void {
  patchSafety(h, { fingerWidthSaid: true });
}
