/**
 * How the routine speaks to this user (issue 13): its pace and how many cues a hold has. Both are
 * preferences the user sets by voice ("speak slower", "fewer cues") and the skill remembers like the
 * hold length; a plan carries them, so every turn built from it follows them.
 *
 * - Pace: `slow` says every cue with SSML `<prosody rate="80%">` and leaves 1.5× the gaps around
 *   the holds (settling into position, resting between holds); `fast` is `rate="120%"` with 0.75×
 *   the gaps. Alexa's `<prosody rate>` takes x-slow … x-fast or a percentage of the normal rate
 *   (20 % at least); a percentage is used so the speaking-rate model times it exactly as it says.
 * - Cue density: `fewer` keeps only a hold's start ("press now"), its halfway cue and its release:
 *   no breathing cues. The silence stays bounded all the same: where a cue would have been needed
 *   to keep the silence under MAX_CUE_SPACING_MS, a soft sound from the Alexa sound library plays
 *   instead of words.
 */
import { SOFT_SOUND_SRC } from './speaking-rate';

export type Pace = 'slow' | 'normal' | 'fast';
export type CueDensity = 'full' | 'fewer';

export interface VoiceStyle {
  pace: Pace;
  cues: CueDensity;
}

export const DEFAULT_VOICE: VoiceStyle = { pace: 'normal', cues: 'full' };
export const PACES: readonly Pace[] = ['slow', 'normal', 'fast'];
export const CUE_DENSITIES: readonly CueDensity[] = ['full', 'fewer'];

/** The `<prosody rate>` of each pace (none at the normal pace). */
export const PACE_RATE: Record<Pace, string | undefined> = { slow: '80%', normal: undefined, fast: '120%' };
/** How much longer (or shorter) the gaps around holds are at each pace. */
export const PACE_GAP_SCALE: Record<Pace, number> = { slow: 1.5, normal: 1, fast: 0.75 };

/** The sign of life inside a quiet hold: a soft chime, no words. */
export const SOFT_SOUND_SSML = `<audio src="${SOFT_SOUND_SRC}"/>`;

export function isPace(value: unknown): value is Pace {
  return typeof value === 'string' && (PACES as readonly string[]).includes(value);
}

export function isCueDensity(value: unknown): value is CueDensity {
  return typeof value === 'string' && (CUE_DENSITIES as readonly string[]).includes(value);
}

/** A stored or session value read as a voice style: anything unknown is the default. */
export function voiceStyleOf(pace: unknown, cues: unknown): VoiceStyle {
  return {
    pace: isPace(pace) ? pace : DEFAULT_VOICE.pace,
    cues: isCueDensity(cues) ? cues : DEFAULT_VOICE.cues,
  };
}

/** The pace "slower" or "faster" leads to from `pace` (slower from fast is normal, and so on). */
export function stepPace(pace: Pace, direction: 'slower' | 'faster'): Pace {
  const at = PACES.indexOf(pace);
  return PACES[Math.max(0, Math.min(PACES.length - 1, at + (direction === 'slower' ? -1 : 1)))];
}

/** SSML said at a pace: wrapped in its `<prosody rate>` (unchanged at the normal pace, or when empty). */
export function atPace(ssml: string, pace: Pace): string {
  const rate = PACE_RATE[pace];
  if (!rate || ssml.trim() === '') return ssml;
  return `<prosody rate="${rate}">${ssml}</prosody>`;
}

/** A gap (settle, rest, closing) at a pace, in whole milliseconds. */
export function gapAt(ms: number, pace: Pace): number {
  return Math.round(ms * PACE_GAP_SCALE[pace]);
}
