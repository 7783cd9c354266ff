/**
 * The pre-routine safety question (pregnancy and the red-flag symptoms), asked once per session
 * before the first routine or timed hold. "No" starts what was asked for; "yes" asks which, and the
 * answer is the safety feature's to triage.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { updateSession, type Offer, type ScreenedStart } from '../conversation';
import { SCREENED_ATTRIBUTE } from './routine-attribute';
import { ask, askKeys } from '../reply';
import { screeningQuestion } from '../safety/screening';

/**
 * Asks the safety question (one line about what is new, for a user who has started a routine
 * before); the answer comes back as AMAZON.YesIntent / AMAZON.NoIntent.
 */
export function askScreening(h: HandlerInput, then: ScreenedStart, returning = false): Response {
  updateSession(h, { offer: { kind: 'screen', then } });
  const { speech, reprompt } = screeningQuestion(h, then, returning);
  return ask(h, speech, reprompt);
}

/**
 * "Yes" to the safety question: ask which, and keep what was about to start on offer. The answer
 * ("I'm pregnant", "I have numbness between my legs") goes to the safety feature, which triages a
 * red flag, notes a condition for the routine gate, and offers the routine adjusted for it.
 */
export function screeningYes(h: HandlerInput, then: ScreenedStart): Response {
  updateSession(h, { offer: offerFor(then), [SCREENED_ATTRIBUTE]: 'yes' });
  return askKeys(h, 'routine.screen.which', 'routine.screen.whichReprompt');
}

/** What stays on offer while the user says which condition: the routine or point that was asked for. */
function offerFor(then: ScreenedStart): Offer | undefined {
  if (then.type === 'routine') {
    const { routineId, breathingOnly } = then;
    return { kind: 'routine', routineId, ...(breathingOnly ? { breathingOnly } : {}) };
  }
  if (then.type === 'point') return { kind: 'point', code: then.code };
  return { kind: 'resume' };
}
