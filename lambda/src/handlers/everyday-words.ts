/**
 * "What's next", "where is it again", "what is acupressure" said in words the model did not list:
 * a carrier phrase with a point slot ("what is {point}", "where is {point}", "{point}") catches
 * them, and the user would hear "I don't know a point called next". Before a handler is chosen, a
 * point request whose words name no point and are only everyday words (the control corpus's words,
 * no number, no word of a point's code or names) becomes the AMAZON.FallbackIntent Alexa would send
 * for words it could not place, so the fallback that knows where the user is answers it. "Where is
 * kidney 99" and "where is the moon" still get "I don't know a point called …".
 */
import type { RequestInterceptor } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { catalogueOf, isIntent, readPoint } from './input';

const POINT_INTENTS = [
  'FindPointIntent',
  'PointDetailIntent',
  'PointHoldTimeIntent',
  'PointLocationIntent',
  'TimeHoldIntent',
];

export const EverydayWordsInterceptor: RequestInterceptor = {
  process(h) {
    if (!isIntent(h, ...POINT_INTENTS)) return;
    const point = readPoint(h);
    if (!point.given || point.found || !point.spoken || !catalogueOf(h).onlyEverydayWords(point.spoken))
      return;
    const request = h.requestEnvelope.request as unknown as Record<string, unknown>;
    const fallback = {
      ...request,
      intent: { name: 'AMAZON.FallbackIntent', confirmationStatus: 'NONE', slots: {} },
    };
    h.requestEnvelope = { ...h.requestEnvelope, request: fallback } as unknown as RequestEnvelope;
  },
};
