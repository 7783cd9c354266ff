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
 * "Start the {routine} routine", answering the once-a-session safety question with "no" when it is
 * asked. Returns the skill's answer: the first turn, or why nothing started.
 */
export async function askForRoutine(talk: Conversation, routineId: string): Promise<Turn> {
  const asked = await talk.say('StartRoutineIntent', { routine: routineId });
  const offer = talk.sessionAttributes.offer as { kind?: string } | undefined;
  return offer?.kind === 'screen' ? talk.utter('no') : asked;
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
