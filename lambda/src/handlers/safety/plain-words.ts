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
  if (!mentionsFingerWidths(texts) || readSafety(h).fingerWidthSaid) return '';
  patchSafety(h, { fingerWidthSaid: true });
  return fingerWidthSpeech(translatorOf(h));
}
