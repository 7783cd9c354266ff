/**
 * The input layer: what a request says, read defensively. Handlers use these instead of reaching
 * into the envelope, so a request with missing or odd fields yields `undefined`, never a TypeError:
 * the translator for its locale, the intent, the time, and the catalogue things its slots name (a
 * point, a need, a routine, conditions, red flags and stop-rule symptoms, an age), each by entity-resolution id first, then by
 * the words. The routine in the session is read by `readRoutine` (routine/routine-attribute.ts).
 */
import { getLocale, type HandlerInput } from 'ask-sdk-core';
import { catalogueFor, type Catalogue, type PointMatch } from '../core/catalogue';
import { matchId, type HealthMatch } from '../core/safety';
import type { Need, Routine } from '../core/types';
import { translatorFor, type Translate } from '../i18n';
import { isRecord } from '../core/record';
import { heardText } from '../speech/bounded-text';
import { recording } from '../speech/said';

/**
 * The translator for the request's locale. Its calls are recorded for the request, so "repeat" can
 * re-render what was said from the skill's own sentences (speech/said.ts).
 */
export function translatorOf(h: HandlerInput): Translate {
  const t = translatorFor(localeOf(h));
  const envelope: unknown = h.requestEnvelope;
  return typeof envelope === 'object' && envelope !== null ? recording(envelope, t) : t;
}

/** The request's locale ("de-DE"), or undefined when the envelope names none. */
export function localeOf(h: HandlerInput): string | undefined {
  try {
    const locale: unknown = getLocale(h.requestEnvelope);
    return typeof locale === 'string' && locale !== '' ? locale : undefined;
  } catch {
    return undefined; // an envelope without a request: the default locale
  }
}

/**
 * The catalogue in the request's language: every look-up from what the user said, and every
 * catalogue text spoken or shown, goes through it.
 */
export function catalogueOf(h: HandlerInput): Catalogue {
  // The language the request's text is in: a market whose language has no content yet is English.
  return catalogueFor(translatorFor(localeOf(h)).language);
}

export function requestType(h: HandlerInput): string | undefined {
  const request: unknown = h.requestEnvelope?.request;
  return isRecord(request) && typeof request.type === 'string' ? request.type : undefined;
}

export function intentName(h: HandlerInput): string | undefined {
  const request: unknown = h.requestEnvelope?.request;
  if (!isRecord(request) || request.type !== 'IntentRequest' || !isRecord(request.intent)) return undefined;
  return typeof request.intent.name === 'string' ? request.intent.name : undefined;
}

/** canHandle helper: an IntentRequest for any of the given intent names. */
export function isIntent(h: HandlerInput, ...names: string[]): boolean {
  const name = intentName(h);
  return name !== undefined && names.includes(name);
}

export interface SlotReading {
  /**
   * What the user said, as recognised (may be absent): cleaned and bounded for matching
   * (`heardText`). Spoken back only through `spokenPhrase`.
   */
  spoken?: string;
  /** The slot value id when entity resolution matched (ER_SUCCESS_MATCH). */
  id?: string;
  /** Entity resolution ran and found no match (ER_SUCCESS_NO_MATCH). */
  noMatch: boolean;
}

/** Reads a slot's spoken value and its resolved id, tolerating any missing level of the structure. */
export function readSlot(h: HandlerInput, name: string): SlotReading {
  const request: unknown = h.requestEnvelope?.request;
  if (!isRecord(request) || !isRecord(request.intent) || !isRecord(request.intent.slots))
    return { noMatch: false };
  const slot = request.intent.slots[name];
  if (!isRecord(slot)) return { noMatch: false };
  const heard = typeof slot.value === 'string' ? heardText(slot.value) : '';
  const spoken = heard !== '' ? heard : undefined;
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
export function requestTime(h: HandlerInput): number | undefined {
  const request: unknown = h.requestEnvelope?.request;
  if (!isRecord(request) || typeof request.timestamp !== 'string') return undefined;
  const ms = Date.parse(request.timestamp);
  return Number.isFinite(ms) ? ms : undefined;
}

/** A catalogue thing named in a slot: what it resolved to, the words, and whether anything was said. */
export interface Named<T> {
  found?: T;
  /** What the user said, as recognised. */
  spoken?: string;
  /** Something was said (or a resolved id came) in the slot. */
  given: boolean;
}

function named<T>(
  slot: SlotReading,
  byId: (id: string) => T | undefined,
  byWords: (s: string) => T | undefined,
): Named<T> {
  const found = (slot.id ? byId(slot.id) : undefined) ?? (slot.spoken ? byWords(slot.spoken) : undefined);
  return { found, spoken: slot.spoken, given: Boolean(slot.id || slot.spoken) };
}

/** The point slot, with how the words named it (a code, a name, an article's label). */
export function readPoint(h: HandlerInput): Named<PointMatch> {
  const slot = readSlot(h, 'point');
  const catalogue = catalogueOf(h);
  return named<PointMatch>(
    slot,
    (id) => {
      const point = catalogue.getPoint(id);
      return point && { point, via: slot.spoken ? catalogue.matchedVia(point, slot.spoken) : 'code' };
    },
    (words) => catalogue.resolvePoint(words),
  );
}

/** The need slot ("sciatica", "stiffness"). */
export function readNeed(h: HandlerInput): Named<Need> {
  const catalogue = catalogueOf(h);
  return named(
    readSlot(h, 'need'),
    (id) => catalogue.getNeed(id),
    (words) => catalogue.resolveNeed(words),
  );
}

/** The routine slot ("the evening routine"). */
export function readRoutineName(h: HandlerInput): Named<Routine> {
  const catalogue = catalogueOf(h);
  return named(
    readSlot(h, 'routine'),
    (id) => catalogue.getRoutine(id),
    (words) => catalogue.resolveRoutine(words),
  );
}

export interface HealthReading {
  /** Every entry named, most urgent first. */
  matches: HealthMatch[];
  /** The most urgent of them. */
  match?: HealthMatch;
  /** An age said as a number ("I'm 65"). */
  age?: number;
  /** The words the user used, when they matched nothing. */
  spoken?: string;
  /** The unmatched words came after a health carrier ("I have…", "my…", "I can't…"), not "I'm…". */
  statement: boolean;
  /** Something was said in a health slot. */
  given: boolean;
}

/** Slots that carry health words: `statement` follows "I have / my / I can't", `state` follows "I'm". */
const HEALTH_SLOTS = ['symptom', 'condition', 'statement', 'state', 'other'] as const;

/**
 * Conditions, red flags and stop-rule symptoms from the health slots (every entry a sentence names,
 * most urgent first), and an age.
 */
export function readHealth(h: HandlerInput): HealthReading {
  const { safety, phrasings } = catalogueOf(h);
  const matches: HealthMatch[] = [];
  const add = (match: HealthMatch | undefined) => {
    if (match && !matches.some((m) => matchId(m) === matchId(match))) matches.push(match);
  };
  let spoken: string | undefined;
  let statement = false;
  for (const name of HEALTH_SLOTS) {
    const slot = readSlot(h, name);
    // Words first: Alexa may resolve a whole sentence to one of the entries it names, and the most
    // urgent one must win.
    const fromWords = slot.spoken ? safety.resolveStatement(slot.spoken) : [];
    fromWords.forEach(add);
    if (fromWords.length === 0 && slot.id) {
      const byId =
        name === 'symptom'
          ? safety.getRedFlag(slot.id) && safety.healthEntry(slot.id)
          : name === 'condition'
            ? safety.getCondition(slot.id) && safety.healthEntry(slot.id)
            : safety.healthEntry(slot.id);
      add(byId);
    }
    if (fromWords.length === 0 && !slot.id && slot.spoken) {
      spoken ??= slot.spoken;
      if (name !== 'state' && name !== 'other') statement = true;
    }
  }
  const ageSlot = readSlot(h, 'age');
  const age = ageSlot.spoken ? phrasings.ageFrom(ageSlot.spoken) : undefined;
  if (ageSlot.spoken && age === undefined) spoken ??= ageSlot.spoken;
  matches.sort((a, b) => safety.urgency(a) - safety.urgency(b));
  return {
    matches,
    match: matches[0],
    age,
    spoken,
    statement,
    given: matches.length > 0 || age !== undefined || spoken !== undefined,
  };
}
