/**
 * What the conversation is about, in the session attributes: what the last answer offered, the last
 * point talked about, and the last output (for "repeat"); and the merge every feature writes through.
 * Session attributes come back from the device on every turn, so they are untrusted input: every
 * reader checks shape and drops what does not fit, and nothing here throws on an out-of-session
 * request.
 */
import { getLocale, type HandlerInput } from 'ask-sdk-core';
import { getPoint, getRoutine, routines } from '../core/catalogue';
import { isRecord } from '../core/record';
import { getCondition, getRedFlag } from '../core/safety';
import { translatorFor } from '../i18n';
import { recording, renderSaid } from '../speech/said';

export type Attributes = Record<string, unknown>;

/** What the last answer offered, so "yes" and follow-ups know what they refer to. */
export type Offer =
  | { kind: 'point'; code: string }
  | { kind: 'need-point'; code: string }
  /** A routine; `breathingOnly` offers its breathing-only substitute (no point of a need may be pressed). */
  | { kind: 'routine'; routineId: string; breathingOnly?: true }
  /** The pre-routine safety question was asked; "no" starts what follows it. */
  | { kind: 'screen'; then: ScreenedStart }
  /** "Carry on where you left off?" (saved routine progress). */
  | { kind: 'resume' }
  /** "Shall I carry on?" after a routine under way was re-planned for a condition (it waits, paused). */
  | { kind: 'carry-on' }
  /** "That's the hold done. Want to do it again?" at the end of a timed hold. */
  | { kind: 'hold-again'; code: string }
  /** "Would you like another routine?" at the end of a routine: yes asks which, no says goodbye. */
  | { kind: 'another-routine' }
  /** "Want to hear how to press it?" after "tell me more": yes gives the technique in detail. */
  | { kind: 'press'; code: string }
  /** "…, and four more. Want to hear them?" after a list of routines: yes reads on from `from`. */
  | { kind: 'routine-list'; from: number }
  /**
   * "Want more detail?" after a safety answer cut for one breath: yes (or "tell me more") gives the
   * rest of the answer for `condition` (absent: the profile's strictest) and `point`.
   */
  | { kind: 'safety-more'; condition?: string; point?: string }
  /**
   * "Want to know why?" after the urgent-care answer for `trigger` (a red flag or stop-tier
   * condition id): yes, "why" or "tell me more" gives its reason; `routineId` is the routine that was
   * on offer before it (a clinician answer offers it again afterwards).
   */
  | { kind: 'safety-why'; trigger: string; routineId?: string };

/** What starts once the safety question is answered "no". */
export type ScreenedStart =
  | { type: 'routine'; routineId: string; breathingOnly?: true }
  | { type: 'point'; code: string }
  | { type: 'resume' };

/** The session attributes, or an empty object when the request has no session. */
export function sessionAttributes(h: HandlerInput): Attributes {
  if (!h.requestEnvelope.session) return {};
  const attrs: unknown = h.attributesManager.getSessionAttributes();
  return isRecord(attrs) ? attrs : {};
}

/** Merges a patch into the session attributes; undefined values delete the key. */
export function updateSession(h: HandlerInput, patch: Attributes): void {
  if (!h.requestEnvelope.session) return;
  const next: Attributes = { ...sessionAttributes(h) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  h.attributesManager.setSessionAttributes(next);
}

/** The point the conversation is about, if the stored code is a real catalogue point. */
export function lastPointCode(h: HandlerInput): string | undefined {
  const code = sessionAttributes(h).lastPoint;
  return typeof code === 'string' ? getPoint(code)?.code : undefined;
}

export function currentOffer(h: HandlerInput): Offer | undefined {
  const offer = sessionAttributes(h).offer;
  if (!isRecord(offer)) return undefined;
  if (
    (offer.kind === 'point' || offer.kind === 'need-point' || offer.kind === 'press') &&
    typeof offer.code === 'string'
  ) {
    return getPoint(offer.code) ? { kind: offer.kind, code: offer.code } : undefined;
  }
  if (offer.kind === 'routine' && typeof offer.routineId === 'string' && getRoutine(offer.routineId)) {
    return { kind: 'routine', routineId: offer.routineId, ...breathingFlag(offer) };
  }
  if (
    offer.kind === 'routine-list' &&
    typeof offer.from === 'number' &&
    Number.isInteger(offer.from) &&
    offer.from > 0 &&
    offer.from < routines.length
  )
    return { kind: 'routine-list', from: offer.from };
  if (offer.kind === 'resume' || offer.kind === 'carry-on' || offer.kind === 'another-routine')
    return { kind: offer.kind };
  if (offer.kind === 'hold-again' && typeof offer.code === 'string' && getPoint(offer.code))
    return { kind: 'hold-again', code: offer.code };
  if (offer.kind === 'safety-more') {
    const condition =
      typeof offer.condition === 'string' && getCondition(offer.condition) ? offer.condition : undefined;
    const point = typeof offer.point === 'string' ? getPoint(offer.point)?.code : undefined;
    if (offer.condition !== undefined && !condition) return undefined;
    return { kind: 'safety-more', ...(condition ? { condition } : {}), ...(point ? { point } : {}) };
  }
  if (
    offer.kind === 'safety-why' &&
    typeof offer.trigger === 'string' &&
    (getRedFlag(offer.trigger) ?? getCondition(offer.trigger))
  ) {
    const routineId =
      typeof offer.routineId === 'string' && getRoutine(offer.routineId) ? offer.routineId : undefined;
    return { kind: 'safety-why', trigger: offer.trigger, ...(routineId ? { routineId } : {}) };
  }
  if (offer.kind === 'screen' && isRecord(offer.then)) {
    const then = offer.then;
    if (then.type === 'routine' && typeof then.routineId === 'string' && getRoutine(then.routineId))
      return { kind: 'screen', then: { type: 'routine', routineId: then.routineId, ...breathingFlag(then) } };
    if (then.type === 'point' && typeof then.code === 'string' && getPoint(then.code))
      return { kind: 'screen', then: { type: 'point', code: then.code } };
    if (then.type === 'resume') return { kind: 'screen', then: { type: 'resume' } };
  }
  return undefined;
}

function breathingFlag(value: Record<string, unknown>): { breathingOnly?: true } {
  return value.breathingOnly === true ? { breathingOnly: true } : {};
}

/** The session attribute where the response interceptor keeps what was last said (speech/said.ts). */
export const SAID_ATTRIBUTE = 'said';

/**
 * True when the last answer used the sentence `key` (read from the translator calls kept for
 * "repeat"), so a prompt asked again can be worded differently: never the same prompt twice in a row.
 */
export function lastAnswerUsed(h: HandlerInput, key: string): boolean {
  const said = sessionAttributes(h)[SAID_ATTRIBUTE];
  if (!isRecord(said) || !Array.isArray(said.speech)) return false;
  return said.speech.some((line: unknown) => isRecord(line) && line.k === key);
}

/**
 * The last spoken output and reprompt, re-rendered for "repeat" from the translator calls the
 * response interceptor kept: only the skill's own sentences, checked as SSML; never a stored string.
 */
export function lastOutput(h: HandlerInput): { speech: string; reprompt?: string } | undefined {
  const said = sessionAttributes(h)[SAID_ATTRIBUTE];
  if (!isRecord(said)) return undefined;
  let locale: string | undefined;
  try {
    locale = getLocale(h.requestEnvelope);
  } catch {
    locale = undefined;
  }
  // Recorded like any other speech, so a repeated answer can itself be repeated.
  const t = recording(h.requestEnvelope, translatorFor(typeof locale === 'string' ? locale : undefined));
  const speech = renderSaid(said.speech, t);
  if (speech === undefined) return undefined;
  return { speech, reprompt: said.reprompt === undefined ? undefined : renderSaid(said.reprompt, t) };
}
