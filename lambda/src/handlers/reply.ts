/**
 * How a handler answers. Every turn that leaves the microphone open asks something: `ask` says the
 * answer and sets the reprompt Alexa speaks if the user says nothing.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';

/** Speaks `speech` and waits for the user, with `reprompt` said after a silence. */
export function ask(h: HandlerInput, speech: string, reprompt: string): Response {
  return h.responseBuilder.speak(speech).reprompt(reprompt).getResponse();
}

/** Speaks `speech` and ends the session: goodbyes, and emergencies, where nothing should stand between the user and help. */
export function sayAndEnd(h: HandlerInput, speech: string): Response {
  return h.responseBuilder.speak(speech).withShouldEndSession(true).getResponse();
}
