/**
 * The words of the routine's recurring cues, read from the skill's own i18n resources, so a test
 * that asks "was this point pressed firmly?" knows every wording the skill may use for it (each cue
 * has several, picked by position) and never goes quiet when a wording is added or changed.
 */
import type { RecurringCue } from '../../lambda/src/core/routine/timeline';
import { hasKey, translatorFor } from '../../lambda/src/i18n';

const t = translatorFor('en-US');
const NAME = 'QQPOINTNAMEQQ';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every wording of the cue `key` (`routine.cue.press.firm` → its .1, .2, .3 …), as pattern sources. */
function wordings(key: string): string[] {
  const found: string[] = [];
  for (let n = 1; hasKey(`${key}.${n}`); n++)
    found.push(escape(t(`${key}.${n}`, { name: NAME })).replace(NAME, '[^.]+?'));
  if (found.length === 0) throw new Error(`no wordings for ${key}`);
  return found;
}

/** Any wording of any of the cues, for any point name. */
export function cueWords(...keys: string[]): RegExp {
  return new RegExp(`(?:${keys.flatMap(wordings).join('|')})`);
}

/** Pressing a point firmly or to a comfortable ache (the two pressures a profile may rule out). */
export const PRESS_FIRM_OR_MODERATE = cueWords('routine.cue.press.firm', 'routine.cue.press.moderate');
export const PRESS_LIGHT = cueWords('routine.cue.press.light');
export const PRESS_MODERATE = cueWords('routine.cue.press.moderate');
/** Any words that press a point, at any pressure. */
export const PRESS_ANY = cueWords(
  'routine.cue.press.firm',
  'routine.cue.press.moderate',
  'routine.cue.press.light',
);

/**
 * Every cue type that recurs in a routine (and is worded by its position), complete by
 * construction: the record's keys must be exactly the engine's `RecurringCue` types.
 */
const RECURRING: Record<RecurringCue, true> = {
  press: true,
  breathe: true,
  'breathe-in': true,
  'breathe-out': true,
  keep: true,
  halfway: true,
  release: true,
  'switch-sides': true,
};
export const RECURRING_CUES: ReadonlySet<string> = new Set(Object.keys(RECURRING));
