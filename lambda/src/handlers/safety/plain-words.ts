/**
 * Plain words (voice guide): what a finger-width is, said once a session, the first time a point
 * answer or a routine speaks of finger-widths.
 */
import type { HandlerInput } from 'ask-sdk-core';
import { tr } from '../input';
import { patchSafety, readSafety } from './state';

/** The sentence to add after `texts` ('' when they name no finger-widths or it was said already). */
export function fingerWidthOnce(h: HandlerInput, ...texts: string[]): string {
  if (!texts.some((text) => /finger-width/i.test(text)) || readSafety(h).fingerWidthSaid) return '';
  patchSafety(h, { fingerWidthSaid: true });
  return tr(h)('safety.fingerWidth');
}
