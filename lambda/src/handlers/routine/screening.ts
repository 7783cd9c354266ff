/**
 * The pre-routine safety question (pregnancy and the red-flag symptoms), asked once per session
 * before the first routine or timed hold. "No" starts what was asked for; "yes" asks which, and the
 * answer is the safety feature's to triage.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { updateSession, type Offer, type ScreenedStart } from '../../state/session';
import { SCREENED_ATTRIBUTE } from './state';
import { tr } from '../input';
import { screeningQuestion } from '../safety/screening';

/** Asks the safety question; the answer comes back as AMAZON.YesIntent / AMAZON.NoIntent. */
export function askScreening(h: HandlerInput, then: ScreenedStart): Response {
  updateSession(h, { offer: { kind: 'screen', then } });
  const { speech, reprompt } = screeningQuestion(h, then);
  return h.responseBuilder.speak(speech).reprompt(reprompt).getResponse();
}

/**
 * "Yes" to the safety question: ask which, and keep what was about to start on offer. The answer
 * ("I'm pregnant", "I have numbness between my legs") goes to the safety feature, which triages a
 * red flag, notes a condition for the routine gate, and offers the routine adjusted for it.
 */
export function screeningYes(h: HandlerInput, then: ScreenedStart): Response {
  const t = tr(h);
  updateSession(h, { offer: offerFor(then), [SCREENED_ATTRIBUTE]: 'yes' });
  return h.responseBuilder
    .speak(t('routine.screen.which'))
    .reprompt(t('routine.screen.whichReprompt'))
    .getResponse();
}

/** What stays on offer while the user says which condition: the routine or point that was asked for. */
function offerFor(then: ScreenedStart): Offer | undefined {
  if (then.type === 'routine') return { kind: 'routine', routineId: then.routineId };
  if (then.type === 'point') return { kind: 'point', code: then.code };
  return { kind: 'resume' };
}
