/**
 * Defensive readers for the request envelope. Handlers use these instead of reaching into the
 * envelope, so a request with missing or odd fields yields `undefined`, never a TypeError.
 */
import { getLocale, type HandlerInput } from 'ask-sdk-core';
import { translatorFor, type Translate } from '../i18n';
import { isRecord } from '../core/record';

/** The translator for the request's locale. */
export function translatorOf(handlerInput: HandlerInput): Translate {
  let locale: string | undefined;
  try {
    locale = getLocale(handlerInput.requestEnvelope);
  } catch {
    locale = undefined; // an envelope without a request: fall back to the default locale
  }
  return translatorFor(typeof locale === 'string' ? locale : undefined);
}

export function requestType(handlerInput: HandlerInput): string | undefined {
  const request: unknown = handlerInput.requestEnvelope?.request;
  return isRecord(request) && typeof request.type === 'string' ? request.type : undefined;
}

export function intentName(handlerInput: HandlerInput): string | undefined {
  const request: unknown = handlerInput.requestEnvelope?.request;
  if (!isRecord(request) || request.type !== 'IntentRequest' || !isRecord(request.intent)) return undefined;
  return typeof request.intent.name === 'string' ? request.intent.name : undefined;
}

/** canHandle helper: an IntentRequest for any of the given intent names. */
export function isIntent(handlerInput: HandlerInput, ...names: string[]): boolean {
  const name = intentName(handlerInput);
  return name !== undefined && names.includes(name);
}

export interface SlotReading {
  /** What the user said, as recognised (may be absent). */
  spoken?: string;
  /** The slot value id when entity resolution matched (ER_SUCCESS_MATCH). */
  id?: string;
  /** Entity resolution ran and found no match (ER_SUCCESS_NO_MATCH). */
  noMatch: boolean;
}

/** Reads a slot's spoken value and its resolved id, tolerating any missing level of the structure. */
export function readSlot(handlerInput: HandlerInput, name: string): SlotReading {
  const request: unknown = handlerInput.requestEnvelope?.request;
  if (!isRecord(request) || !isRecord(request.intent) || !isRecord(request.intent.slots))
    return { noMatch: false };
  const slot = request.intent.slots[name];
  if (!isRecord(slot)) return { noMatch: false };
  const spoken = typeof slot.value === 'string' && slot.value.trim() !== '' ? slot.value.trim() : undefined;
  let id: string | undefined;
  let noMatch = false;
  const resolutions = isRecord(slot.resolutions) ? slot.resolutions.resolutionsPerAuthority : undefined;
  if (Array.isArray(resolutions)) {
    for (const authority of resolutions as unknown[]) {
      if (!isRecord(authority) || !isRecord(authority.status)) continue;
      if (authority.status.code === 'ER_SUCCESS_MATCH' && Array.isArray(authority.values)) {
        const first: unknown = authority.values[0];
        if (isRecord(first) && isRecord(first.value) && typeof first.value.id === 'string') {
          id = first.value.id;
          break;
        }
      } else if (authority.status.code === 'ER_SUCCESS_NO_MATCH') {
        noMatch = true;
      }
    }
  }
  return { spoken, id, noMatch: id === undefined && noMatch };
}

/** The request timestamp in milliseconds, if present and valid. Time is read from the request, never the clock. */
export function requestTime(handlerInput: HandlerInput): number | undefined {
  const request: unknown = handlerInput.requestEnvelope?.request;
  if (!isRecord(request) || typeof request.timestamp !== 'string') return undefined;
  const ms = Date.parse(request.timestamp);
  return Number.isFinite(ms) ? ms : undefined;
}
