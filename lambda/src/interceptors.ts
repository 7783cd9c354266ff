import type { ResponseInterceptor } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { log } from './log';
import { decompose, markMade, recordedCalls, type Said } from './speech/said';
import { SAID_ATTRIBUTE, updateSession } from './handlers/conversation';
import { readRoutine } from './handlers/routine/routine-attribute';

/**
 * Keeps what was last said and the reprompt in the session so "repeat" works after any answer: as
 * the translator calls that made them (speech/said.ts), never as SSML text. Responses without plain
 * speech (APL for Audio turns) are left to their own feature's repeat.
 */
export const RememberLastOutputInterceptor: ResponseInterceptor = {
  process(h, response?: Response) {
    const speech = response?.outputSpeech;
    if (!speech || speech.type !== 'SSML' || response?.shouldEndSession) return;
    const calls = recordedCalls(h.requestEnvelope);
    const said = decompose(stripSpeak(speech.ssml), calls);
    const reprompt = response.reprompt?.outputSpeech;
    let saidReprompt: Said | undefined;
    if (reprompt && reprompt.type === 'SSML') saidReprompt = decompose(stripSpeak(reprompt.ssml), calls);
    // Speech made outside the translator cannot be re-rendered: "repeat" then says it has nothing.
    // A routine turn sent as SSML (local tools) has its silences as breaks and its own "repeat".
    const routine = readRoutine(h);
    const routineTurn = routine.status === 'active' && !routine.state.paused;
    if (!said && !routineTurn) log.warn('said.unrecorded');
    updateSession(h, {
      [SAID_ATTRIBUTE]: said ? markMade({ speech: said, reprompt: saidReprompt }) : undefined,
    });
  },
};

function stripSpeak(ssml: string): string {
  return ssml.replace(/^<speak>/, '').replace(/<\/speak>$/, '');
}
