/**
 * The shape of this skill's request handlers: ask-sdk's `{ canHandle, handle }` plus what answering
 * does to a routine turn that was playing when the request arrived.
 */
import type { HandlerInput, RequestHandler } from 'ask-sdk-core';

/**
 * `continues`: the handler deals with the routine itself (a routine control, yes or no, repeat,
 * help) or no routine can be playing (launch, session end). `pauses`: the question is about
 * something else; any interruption stops the audio, so the routine is paused at that moment and
 * "resume" picks up exactly there.
 */
export type DuringRoutine = 'continues' | 'pauses';

/**
 * A request handler that says what it does to a playing routine. The property is required, so a new
 * handler cannot leave it out and silently pause (or fail to pause) a routine.
 */
export interface GuideHandler extends RequestHandler {
  duringRoutine: DuringRoutine | ((h: HandlerInput) => DuringRoutine);
}
