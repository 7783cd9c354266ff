import { routines } from '../../../lambda/src/core/catalogue';
import { HOLD_SCALES, planRoutine, type RoutinePlan } from '../../../lambda/src/core/routine/plan';
import { translatorFor } from '../../../lambda/src/i18n';
import { routineOpening, routinePhrasebook } from '../../../lambda/src/speech/routine-cues';

export const t = translatorFor('en-US');
export const say = routinePhrasebook(t);

/** The opening a real first turn has (introduction, stop rules, controls), as the skill says it. */
export function openingLead(name: string, minutes: number): string[] {
  return routineOpening(t, { name, approxMinutes: minutes });
}

/** Every routine at every hold-length preference. */
export const everyPlan: Array<[string, number, RoutinePlan, string[]]> = routines.flatMap((r) =>
  HOLD_SCALES.map(
    (scale) =>
      [r.id, scale, planRoutine(r, { holdScale: scale }), openingLead(r.name, r.approxMinutes)] as [
        string,
        number,
        RoutinePlan,
        string[],
      ],
  ),
);
