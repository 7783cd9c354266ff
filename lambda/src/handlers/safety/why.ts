/**
 * A bare "why?" (WhyIntent). Right after "Want to know why?" it is the urgent-care answer's reason
 * (`SafetyWhyHandler`). Otherwise, before a handler is chosen, it becomes the question it stands
 * for: with something this session changed or refused, "what did you change?"
 * (SafetyChangesIntent); with nothing to explain, the words the model could not place
 * (AMAZON.FallbackIntent), so the fallback that knows where the user is answers it.
 */
import type { RequestInterceptor } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { currentOffer } from '../conversation';
import { isIntent } from '../input';
import { readSafety } from './health-profile';

export const WhyIntentInterceptor: RequestInterceptor = {
  process(h) {
    if (!isIntent(h, 'WhyIntent') || currentOffer(h)?.kind === 'safety-why') return;
    const state = readSafety(h);
    const explains =
      state.redFlags.length > 0 || state.conditions.length > 0 || state.unknown || state.adjusted;
    const request = h.requestEnvelope.request as unknown as Record<string, unknown>;
    const name = explains ? 'SafetyChangesIntent' : 'AMAZON.FallbackIntent';
    const rewritten = { ...request, intent: { name, confirmationStatus: 'NONE', slots: {} } };
    h.requestEnvelope = { ...h.requestEnvelope, request: rewritten } as unknown as RequestEnvelope;
  },
};
