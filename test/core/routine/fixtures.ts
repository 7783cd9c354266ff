import { routines } from '../../../lambda/src/core/catalogue';
import { HOLD_SCALES, planRoutine, type RoutinePlan } from '../../../lambda/src/core/routine/plan';
import type { VoiceStyle } from '../../../lambda/src/core/routine/voice';
import { translatorFor } from '../../../lambda/src/i18n';
import { routineOpening, routinePhrasebook } from '../../../lambda/src/speech/routine-cues';

export const t = translatorFor('en-US');
export const say = routinePhrasebook(t);

/** The opening a real first turn has (introduction, stop rules, controls), as the skill says it. */
export function openingLead(name: string, minutes: number): string[] {
  return routineOpening(t, { name, approxMinutes: minutes });
}

/** The voice styles other than the default: each pace with every cue and with fewer cues. */
export const VOICE_STYLES: VoiceStyle[] = [
  { pace: 'slow', cues: 'full' },
  { pace: 'fast', cues: 'full' },
  { pace: 'normal', cues: 'fewer' },
  { pace: 'slow', cues: 'fewer' },
  { pace: 'fast', cues: 'fewer' },
];

/**
 * Every routine at every hold-length preference, and at every voice style with the shortest, the
 * usual and the longest holds (labelled "1.5, slow/fewer").
 */
export const everyPlan: Array<[string, number | string, RoutinePlan, string[]]> = routines.flatMap((r) => [
  ...HOLD_SCALES.map(
    (scale) =>
      [r.id, scale, planRoutine(r, { holdScale: scale }), openingLead(r.name, r.approxMinutes)] as [
        string,
        number,
        RoutinePlan,
        string[],
      ],
  ),
  ...VOICE_STYLES.flatMap((voice) =>
    [0.5, 1, 1.5].map(
      (scale) =>
        [
          r.id,
          `${scale}, ${voice.pace}/${voice.cues}`,
          planRoutine(r, { holdScale: scale, voice }),
          openingLead(r.name, r.approxMinutes),
        ] as [string, string, RoutinePlan, string[]],
    ),
  ),
]);
