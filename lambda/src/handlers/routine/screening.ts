/**
 * The pre-routine safety question (pregnancy and the red-flag symptoms), asked once per session
 * before the first routine or timed hold. "No" starts what was asked for; "yes" goes to
 * `screeningYes`, the one place the safety feature's triage plugs in.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { updateSession, type ScreenedStart } from '../../state/session';
import { tr } from '../input';

/** Asks the safety question; the answer comes back as AMAZON.YesIntent / AMAZON.NoIntent. */
export function askScreening(h: HandlerInput, then: ScreenedStart): Response {
  const t = tr(h);
  updateSession(h, { offer: { kind: 'screen', then } });
  return h.responseBuilder
    .speak(t('routine.screen.question'))
    .reprompt(t('routine.screen.reprompt'))
    .getResponse();
}

/**
 * "Yes" to the safety question. Until the safety feature's triage is wired in here (it asks which
 * one and answers by care level), no routine is started: a kind refusal that covers the emergency
 * signs and suggests a clinician.
 */
export function screeningYes(h: HandlerInput, _then: ScreenedStart): Response {
  const t = tr(h);
  updateSession(h, { offer: undefined });
  return h.responseBuilder
    .speak(t('routine.screen.decline'))
    .reprompt(t('routine.screen.declineReprompt'))
    .getResponse();
}
