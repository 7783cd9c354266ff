/**
 * "I'm done", "I'm back", "I'm here": the interaction model's "I'm {state}" carrier catches them,
 * but they are not health statements. Before a handler is chosen, a HealthStatementIntent whose
 * words name no condition, symptom, age or need, and came only after "I'm" (not "I have", "my",
 * "I can't"), becomes the AMAZON.FallbackIntent Alexa would have sent, so the fallback that knows
 * where the user is answers it, and nobody is asked "is that a health condition you have?".
 */
import type { RequestInterceptor } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { catalogueOf, isIntent, readHealth } from '../input';

export const NotHealthStatementInterceptor: RequestInterceptor = {
  process(h) {
    if (!isIntent(h, 'HealthStatementIntent')) return;
    const health = readHealth(h);
    if (health.matches.length > 0 || health.age !== undefined || health.statement) return;
    const words = health.spoken;
    if (
      !words ||
      catalogueOf(h).resolveNeed(words)?.inScope ||
      catalogueOf(h).phrasings.soundsLikeSymptom(words) ||
      catalogueOf(h).safety.hintedRedFlag(words)
    )
      return;
    const request = h.requestEnvelope.request as unknown as Record<string, unknown>;
    const fallback = {
      ...request,
      intent: { name: 'AMAZON.FallbackIntent', confirmationStatus: 'NONE', slots: {} },
    };
    h.requestEnvelope = { ...h.requestEnvelope, request: fallback } as unknown as RequestEnvelope;
  },
};
