/**
 * How a handler answers. Every turn that leaves the microphone open asks something: `ask` says the
 * answer and sets the reprompt Alexa speaks if the user says nothing.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { translatorOf } from './input';

/** Speaks `speech` and waits for the user, with `reprompt` said after a silence. */
export function ask(h: HandlerInput, speech: string, reprompt: string): Response {
  return h.responseBuilder.speak(speech).reprompt(reprompt).getResponse();
}

/** `ask` with two i18n keys: the answer, and the reprompt. */
export function askKeys(h: HandlerInput, speechKey: string, repromptKey: string): Response {
  const t = translatorOf(h);
  return ask(h, t(speechKey), t(repromptKey));
}

/** Speaks `speech` and ends the session: goodbyes, and emergencies, where nothing should stand between the user and help. */
export function sayAndEnd(h: HandlerInput, speech: string): Response {
  return h.responseBuilder.speak(speech).withShouldEndSession(true).getResponse();
}
