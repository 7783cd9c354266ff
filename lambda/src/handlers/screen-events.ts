/**
 * Screen buttons do exactly what the spoken command does. A button sends
 * `["intent", "<IntentName>", {"<slot>": "<value id>"}]`; before any handler is chosen, the request
 * interceptor below replaces the UserEvent with the IntentRequest Alexa would have sent for the spoken
 * command, so the same handler answers it. (ask-sdk-runtime's dispatcher runs global request
 * interceptors before it looks up the handler chain.)
 *
 * Event arguments come from the device and can be forged: only intents and slot values that exist in
 * the skill's interaction model are accepted. Anything else is left as a UserEvent and answered calmly
 * by `UnroutableUserEventHandler`.
 */
import type { HandlerInput, RequestInterceptor } from 'ask-sdk-core';
import type { IntentRequest, RequestEnvelope } from 'ask-sdk-model';
import { isRecord } from '../core/record';
import type * as Documents from '../display/documents';
import { log } from '../log';
import { PROGRESS_DAY_EVENT } from '../speech/progress-chart';
import { requestType } from './input';
import { askKeys } from './reply';
import type { GuideHandler } from './handler';

export const USER_EVENT = 'Alexa.Presentation.APL.UserEvent';

interface ModelIntent {
  name: string;
  slots?: Array<{ name: string; type: string }>;
}
interface ModelType {
  name: string;
  values: Array<{ id?: string; name: { value: string; synonyms?: string[] } }>;
}
interface LanguageModel {
  intents: ModelIntent[];
  types?: ModelType[];
}

const MAX_ARGUMENT_LENGTH = 100;

/** Turns UserEvent arguments into an intent of the interaction model, or explains why not. */
export class EventRouter {
  private readonly intents: Map<string, ModelIntent>;
  private readonly types: Map<string, ModelType>;

  constructor(model: LanguageModel) {
    this.intents = new Map(model.intents.map((i) => [i.name, i]));
    this.types = new Map((model.types ?? []).map((t) => [t.name, t]));
  }

  /** The intent (with resolved slots) the arguments stand for, or the reason they were refused. */
  route(args: unknown): { intent: IntentRequest['intent'] } | { refused: string } {
    if (!Array.isArray(args) || args.length < 2 || args.length > 3) return { refused: 'shape' };
    const [kind, name, slotArgs] = args as unknown[];
    if (kind !== 'intent') return { refused: 'kind' };
    if (typeof name !== 'string' || name.length > MAX_ARGUMENT_LENGTH) return { refused: 'name' };
    const intent = this.intents.get(name);
    if (!intent) return { refused: 'unknown-intent' };
    if (slotArgs !== undefined && !isRecord(slotArgs)) return { refused: 'slots' };
    const given = slotArgs ?? {};
    const slots: NonNullable<IntentRequest['intent']['slots']> = {};
    for (const slot of intent.slots ?? []) slots[slot.name] = { name: slot.name, confirmationStatus: 'NONE' };
    for (const [slotName, raw] of Object.entries(given)) {
      const slot = intent.slots?.find((s) => s.name === slotName);
      if (!slot) return { refused: 'unknown-slot' };
      if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_ARGUMENT_LENGTH)
        return { refused: 'slot-value' };
      const type = this.types.get(slot.type);
      // Only values of the skill's own slot types can be checked; built-in types are refused.
      const value = type?.values.find(
        (v) => (v.id ?? v.name.value) === raw || v.name.value.toLowerCase() === raw.toLowerCase(),
      );
      if (!type || !value) return { refused: 'slot-value' };
      slots[slotName] = {
        name: slotName,
        value: value.name.value,
        confirmationStatus: 'NONE',
        resolutions: {
          resolutionsPerAuthority: [
            {
              authority: `amzn1.er-authority.echo-sdk.screen.${type.name}`,
              status: { code: 'ER_SUCCESS_MATCH' },
              values: [{ value: { name: value.name.value, id: value.id ?? value.name.value } }],
            },
          ],
        },
      };
    }
    return { intent: { name, confirmationStatus: 'NONE', slots } };
  }
}

/** The router over the interaction model, built on the first button press (see documents.ts). */
let router: EventRouter | undefined;
function eventRouter(): EventRouter {
  if (!router) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const screens = require('../display/documents') as typeof Documents;
    router = new EventRouter(screens.languageModel as LanguageModel);
  }
  return router;
}

/**
 * Rewrites a button's UserEvent into the spoken command's IntentRequest before handler selection.
 * The rest of the envelope (session, context, device) is kept, and the caller's envelope is not changed.
 */
export const UserEventToIntentInterceptor: RequestInterceptor = {
  process(h: HandlerInput) {
    if (requestType(h) !== USER_EVENT) return;
    const request = h.requestEnvelope.request as unknown as Record<string, unknown>;
    const routed = eventRouter().route(request.arguments);
    if ('refused' in routed) {
      // A touched day of the progress chart is answered by its own handler, not routed as an intent.
      if (routed.refused === 'kind' && isOwnEvent(request.arguments)) return;
      log.warn('display.event.refused', { reason: routed.refused });
      return;
    }
    const intentRequest: IntentRequest = {
      type: 'IntentRequest',
      requestId: typeof request.requestId === 'string' ? request.requestId : '',
      timestamp: typeof request.timestamp === 'string' ? request.timestamp : '',
      locale: typeof request.locale === 'string' ? request.locale : undefined,
      dialogState: 'COMPLETED',
      intent: routed.intent,
    };
    const envelope: RequestEnvelope = { ...h.requestEnvelope, request: intentRequest };
    h.requestEnvelope = envelope;
    log.info('display.event.routed', { intent: routed.intent.name });
  },
};

/** UserEvents that name no intent but have a handler of their own (a touched day of the progress chart). */
function isOwnEvent(args: unknown): boolean {
  return Array.isArray(args) && args[0] === PROGRESS_DAY_EVENT;
}

/** A UserEvent the router refused (forged, stale or for an intent this skill does not have). */
export const UnroutableUserEventHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) => requestType(h) === USER_EVENT,
  handle(h) {
    return askKeys(h, 'display.buttonUnavailable.speech', 'display.buttonUnavailable.reprompt');
  },
};
