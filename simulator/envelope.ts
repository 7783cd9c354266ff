/**
 * Builds real Alexa request envelopes (the JSON Alexa POSTs to a skill), with slot values resolved
 * against the skill's own interaction model the way Alexa's entity resolution does. Used by the
 * tests and by the simulator; never by the Lambda.
 */
import { randomUUID } from 'node:crypto';
import type { RequestEnvelope } from 'ask-sdk-model';
import { catalogueFor } from '../lambda/src/core/catalogue';
import { alexaTimeValue } from './time-slot';
import { scoreReaderFor } from '../lambda/src/core/progress/score';

export interface ModelSlotValue {
  id?: string;
  name: { value: string; synonyms?: string[] };
}
export interface ModelSlotType {
  name: string;
  values: ModelSlotValue[];
}
export interface ModelIntent {
  name: string;
  slots?: Array<{ name: string; type: string }>;
  samples?: string[];
}
export interface InteractionModelJson {
  interactionModel: {
    languageModel: { invocationName: string; intents: ModelIntent[]; types?: ModelSlotType[] };
  };
}

export interface DeviceProfile {
  /** Echo Show-like device: APL supported, with a viewport. */
  screen?: boolean;
  viewport?: { shape: 'ROUND' | 'RECTANGLE'; pixelWidth: number; pixelHeight: number; dpi: number };
}

export interface EnvelopeOptions {
  userId?: string;
  deviceId?: string;
  sessionId?: string;
  /** true for the first request of a session. */
  newSession?: boolean;
  /** Session attributes sent back by the device; undefined for out-of-session requests. */
  attributes?: Record<string, unknown> | null;
  locale?: string;
  /** ISO time of the request; the skill reads time only from here. */
  timestamp?: string;
  applicationId?: string;
  device?: DeviceProfile;
  /** Where the skill's service clients call (context.System.apiEndpoint); Alexa's by default. */
  apiEndpoint?: string;
  /** The permission scopes the user has granted (context.System.user.permissions.scopes). */
  grantedScopes?: string[];
}

export const DEFAULT_APPLICATION_ID = 'amzn1.ask.skill.00000000-0000-4000-8000-pressurepoint';

/** The envelope around a request object: session, context and device. */
export function envelope(request: Record<string, unknown>, options: EnvelopeOptions = {}): RequestEnvelope {
  const applicationId = options.applicationId ?? DEFAULT_APPLICATION_ID;
  const userId = options.userId ?? 'amzn1.ask.account.TESTUSER';
  const deviceId = options.deviceId ?? 'amzn1.ask.device.TESTDEVICE';
  const supportedInterfaces: Record<string, unknown> = {};
  const device = options.device ?? {};
  if (device.screen) supportedInterfaces['Alexa.Presentation.APL'] = { runtime: { maxVersion: '2023.3' } };
  const viewport = device.screen
    ? {
        experiences: [{ arcMinuteWidth: 246, arcMinuteHeight: 144, canRotate: false, canResize: false }],
        mode: 'HUB',
        shape: device.viewport?.shape ?? 'RECTANGLE',
        pixelWidth: device.viewport?.pixelWidth ?? 1024,
        pixelHeight: device.viewport?.pixelHeight ?? 600,
        dpi: device.viewport?.dpi ?? 160,
        currentPixelWidth: device.viewport?.pixelWidth ?? 1024,
        currentPixelHeight: device.viewport?.pixelHeight ?? 600,
        touch: ['SINGLE'],
      }
    : undefined;
  const scopes = Object.fromEntries(
    (options.grantedScopes ?? []).map((scope) => [scope, { status: 'GRANTED' }]),
  );
  const system = {
    application: { applicationId },
    user: options.grantedScopes ? { userId, permissions: { scopes } } : { userId },
    device: { deviceId, supportedInterfaces },
    apiEndpoint: options.apiEndpoint ?? 'https://api.amazonalexa.com',
    apiAccessToken: 'test-token',
  };
  const session =
    options.attributes === null
      ? undefined
      : {
          new: options.newSession ?? false,
          sessionId: options.sessionId ?? `amzn1.echo-api.session.${randomUUID()}`,
          application: { applicationId },
          user: { userId },
          attributes: options.attributes ?? {},
        };
  return {
    version: '1.0',
    ...(session ? { session } : {}),
    context: {
      System: system,
      ...(viewport ? { Viewport: viewport } : {}),
    },
    request: {
      requestId: `amzn1.echo-api.request.${randomUUID()}`,
      timestamp: options.timestamp ?? new Date().toISOString(),
      locale: options.locale ?? 'en-US',
      ...request,
    },
  } as unknown as RequestEnvelope;
}

export function launchRequest(options: EnvelopeOptions = {}): RequestEnvelope {
  return envelope({ type: 'LaunchRequest' }, { newSession: true, ...options });
}

export function sessionEndedRequest(
  reason = 'USER_INITIATED',
  options: EnvelopeOptions = {},
): RequestEnvelope {
  return envelope({ type: 'SessionEndedRequest', reason }, options);
}

/**
 * An IntentRequest. Slot values are what the user said; each is resolved against the slot type in
 * the model (exact match on a value or synonym, case and "the" folded), giving ER_SUCCESS_MATCH with
 * the value's id, or ER_SUCCESS_NO_MATCH, as Alexa does for custom slot types.
 */
export function intentRequest(
  model: InteractionModelJson,
  intentName: string,
  slotValues: Record<string, string> = {},
  options: EnvelopeOptions = {},
): RequestEnvelope {
  const { intents, types = [] } = model.interactionModel.languageModel;
  const intent = intents.find((i) => i.name === intentName);
  const slots: Record<string, unknown> = {};
  for (const slot of intent?.slots ?? []) {
    const said = slotValues[slot.name];
    // Alexa sends AMAZON.NUMBER as digits and AMAZON.TIME as the time it heard ("21:00"), not the words.
    const spoken =
      slot.type === 'AMAZON.NUMBER' && said !== undefined ? numberSlotValue(said, options.locale) : said;
    const value =
      slot.type === 'AMAZON.TIME' && spoken !== undefined ? (alexaTimeValue(spoken) ?? spoken) : spoken;
    slots[slot.name] = buildSlot(
      slot.name,
      value,
      types.find((t) => t.name === slot.type),
      options.locale,
    );
  }
  for (const [name, spoken] of Object.entries(slotValues)) {
    if (!(name in slots)) slots[name] = buildSlot(name, spoken, undefined, options.locale);
  }
  return envelope(
    {
      type: 'IntentRequest',
      dialogState: 'COMPLETED',
      intent: { name: intentName, confirmationStatus: 'NONE', slots },
    },
    options,
  );
}

/**
 * What Alexa puts in an AMAZON.NUMBER slot: the number in digits ("six" → "6", "minus two" → "-2",
 * "six and a half" → "6.5"); other words are passed on as heard.
 */
export function numberSlotValue(words: string, locale = 'en-US'): string {
  const scores = scoreReaderFor(catalogueFor(locale).spoken);
  const value = scores.number(words);
  return value === undefined || !scores.isNumberPhrase(words) ? words : String(value);
}

function buildSlot(
  name: string,
  spoken: string | undefined,
  type: ModelSlotType | undefined,
  locale: string | undefined,
): Record<string, unknown> {
  if (spoken === undefined) return { name, confirmationStatus: 'NONE' };
  const slot: Record<string, unknown> = { name, value: spoken, confirmationStatus: 'NONE', source: 'USER' };
  if (type) {
    const value = resolveSlotValue(type, spoken, locale);
    const authority = `amzn1.er-authority.echo-sdk.${DEFAULT_APPLICATION_ID}.${type.name}`;
    slot.resolutions = {
      resolutionsPerAuthority: [
        value
          ? {
              authority,
              status: { code: 'ER_SUCCESS_MATCH' },
              values: [{ value: { name: value.name.value, id: value.id ?? value.name.value } }],
            }
          : { authority, status: { code: 'ER_SUCCESS_NO_MATCH' } },
      ],
    };
  }
  return slot;
}

/** Each slot type's names and synonyms, folded once per language (a type object is read-only once loaded). */
const foldedForms = new WeakMap<ModelSlotType, Map<string, Map<string, ModelSlotValue>>>();

/**
 * The slot type value whose name or synonym matches what was said, if any (the first such value).
 * Words are folded with the rules of the locale's language (its articles, number words, trailing
 * words and apostrophes: data/text/<lang>/spoken.json), so "das Aortenaneurysma" finds
 * "Aortenaneurysma" in a German model as "the aneurysm" finds "aneurysm" in an English one.
 * Without a locale, English (as `envelope` defaults to en-US).
 */
export function resolveSlotValue(
  type: ModelSlotType,
  spoken: string,
  locale: string = 'en-US',
): ModelSlotValue | undefined {
  const catalogue = catalogueFor(locale);
  let byLanguage = foldedForms.get(type);
  if (!byLanguage) {
    byLanguage = new Map();
    foldedForms.set(type, byLanguage);
  }
  let forms = byLanguage.get(catalogue.language);
  if (!forms) {
    forms = new Map();
    for (const value of type.values)
      for (const form of [value.name.value, ...(value.name.synonyms ?? [])]) {
        const key = catalogue.spoken.normalise(form);
        if (!forms.has(key)) forms.set(key, value);
      }
    byLanguage.set(catalogue.language, forms);
  }
  return forms.get(catalogue.spoken.normalise(spoken));
}
