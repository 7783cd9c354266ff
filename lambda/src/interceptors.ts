import type { ResponseInterceptor } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { updateSession } from './handlers/conversation';

/**
 * Keeps the last spoken output and reprompt in the session so "repeat" works after any answer.
 * Responses without plain speech (APL for Audio turns) are left to their own feature's repeat.
 */
export const RememberLastOutputInterceptor: ResponseInterceptor = {
  process(h, response?: Response) {
    const speech = response?.outputSpeech;
    if (!speech || speech.type !== 'SSML' || response?.shouldEndSession) return;
    const reprompt = response.reprompt?.outputSpeech;
    updateSession(h, {
      lastSpeech: stripSpeak(speech.ssml),
      lastReprompt: reprompt && reprompt.type === 'SSML' ? stripSpeak(reprompt.ssml) : undefined,
    });
  },
};

function stripSpeak(ssml: string): string {
  return ssml.replace(/^<speak>/, '').replace(/<\/speak>$/, '');
}
