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

/** True while the pain check-in before a routine ("From 0 to 10, how is your back?") waits for an answer. */
export function painQuestionAsked(talk: Conversation): boolean {
  const checkIn = talk.sessionAttributes.progress as { asking?: string } | undefined;
  return checkIn?.asking === 'before';
}

/** Says "skip" to the pain check-in before a routine when it was asked; otherwise returns `turn`. */
export async function skipPainQuestion(talk: Conversation, turn: Turn): Promise<Turn> {
  return painQuestionAsked(talk) ? talk.utter('skip') : turn;
}

/**
 * "Start the {routine} routine", answering "yes" to the disc routine's diagnosis question, "skip"
 * to the pain check-in and "no" to the once-a-session safety question when they are asked. Returns
 * the skill's answer: the first turn, or why nothing started.
 */
export async function askForRoutine(talk: Conversation, routineId: string): Promise<Turn> {
  let asked = await talk.say('StartRoutineIntent', { routine: routineId });
  // The disc routine first asks whether a clinician diagnosed the problem (section 6.4): yes.
  const safety = talk.sessionAttributes.safety as { pending?: { action?: string } } | undefined;
  if (safety?.pending?.action === 'diagnosis') asked = await talk.say('AMAZON.YesIntent');
  asked = await skipPainQuestion(talk, asked);
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
