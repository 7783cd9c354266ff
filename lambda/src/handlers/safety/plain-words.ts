/**
 * Plain words (voice guide): what a finger-width is, said once a session, the first time a point
 * answer or a routine speaks of finger-widths.
 */
import type { HandlerInput } from 'ask-sdk-core';
import { translatorOf } from '../input';
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
  if (!mentionsFingerWidths(texts) || readSafety(h).fingerWidthSaid) return '';
  return fingerWidthSpeech(translatorOf(h));
}

/** Notes that what a finger-width is has been said this session. */
export function fingerWidthSaid(h: HandlerInput): void {
  patchSafety(h, { fingerWidthSaid: true });
}
