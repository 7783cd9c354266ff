/**
 * Routines in conversation tests, read from the session state the skill keeps (never from its
 * wording): starting one the way a user does, what its plan will press, and whether it is over.
 */
import type { RoutineState } from '../../lambda/src/core/routine/progress';
import type { Conversation, Turn } from './conversation';

/** The routine in the session, if any. */
export function routineState(talk: Conversation): RoutineState | undefined {
  return talk.sessionAttributes.routine as RoutineState | undefined;
}

/**
 * "Start the {routine} routine", answering "yes" to the disc routine's diagnosis question and "no" to
 * the once-a-session safety question when they are asked. Returns the skill's answer: the first turn, or why nothing started.
 */
export async function askForRoutine(talk: Conversation, routineId: string): Promise<Turn> {
  let asked = await talk.say('StartRoutineIntent', { routine: routineId });
  // The disc routine first asks whether a clinician diagnosed the problem (section 6.4): yes.
  const safety = talk.sessionAttributes.safety as { pending?: { action?: string } } | undefined;
  if (safety?.pending?.action === 'diagnosis') asked = await talk.say('AMAZON.YesIntent');
  const offer = talk.sessionAttributes.offer as { kind?: string } | undefined;
  return offer?.kind === 'screen' ? talk.say('AMAZON.NoIntent') : asked;
}

/** Every point the running routine's plan presses, in order (empty for breathing only). */
export function plannedPoints(talk: Conversation): string[] {
  return routineState(talk)?.plan.steps.flatMap((s) => s.points) ?? [];
}

/** True once the turn with the routine's last hold has been played, or the routine is gone. */
export function routineOver(talk: Conversation): boolean {
  const state = routineState(talk);
  return !state || (state.turn !== undefined && state.turn.next >= state.plan.steps.length);
}
