/**
 * The routine in the session attributes (`routine`, validated whole by core/routine/progress.ts),
 * the answer to the safety question (`routineScreened`), and how turns are sent this request.
 */
import type { HandlerInput, RequestInterceptor } from 'ask-sdk-core';
import { parseRoutineState, type RoutineState } from '../../core/routine/progress';
import { isRecord } from '../../core/record';
import { sessionAttributes, updateSession } from '../conversation';
import { requestTime } from '../input';

export const ROUTINE_ATTRIBUTE = 'routine';
/**
 * The safety question's answer this session: `true` for "no", `'yes'` for "yes" (then routines start
 * only once the user has said which condition or symptom, so the safety gate can act on it).
 */
export const SCREENED_ATTRIBUTE = 'routineScreened';

/** How routine turns are sent: APL for Audio (Alexa devices) or one SSML document (local tools). */
export type RoutineAudio = 'apla' | 'ssml';

export type RoutineRead =
  | { status: 'none' }
  | { status: 'active'; state: RoutineState }
  | { status: 'broken'; problem: 'invalid' | 'stale' };

/** Request time in ms; a request without a usable timestamp reads as the epoch (so state looks stale). */
export function nowOf(h: HandlerInput): number {
  return requestTime(h) ?? 0;
}

/**
 * Parsed routine states by the attribute object they came from, with the request time they were
 * checked at: the interceptors, the pause and the handler all read the routine, and the state is
 * validated once per request (and not at all when it is the one this request just wrote).
 */
const parsedStates = new WeakMap<object, { now: number; read: RoutineRead }>();

/** The routine in the session: none, a valid state, or one that cannot be trusted. */
export function readRoutine(h: HandlerInput): RoutineRead {
  const raw = sessionAttributes(h)[ROUTINE_ATTRIBUTE];
  if (raw === undefined || raw === null) return { status: 'none' };
  const now = nowOf(h);
  const known = typeof raw === 'object' ? parsedStates.get(raw) : undefined;
  if (known && known.now === now) return known.read;
  const parsed = parseRoutineState(raw, now);
  const read: RoutineRead = parsed.ok
    ? { status: 'active', state: parsed.value }
    : { status: 'broken', problem: parsed.problem };
  if (typeof raw === 'object') parsedStates.set(raw, { now, read });
  return read;
}

export function writeRoutine(h: HandlerInput, state: RoutineState | undefined): void {
  if (state) parsedStates.set(state, { now: nowOf(h), read: { status: 'active', state } });
  updateSession(h, { [ROUTINE_ATTRIBUTE]: state });
}

export function isScreened(h: HandlerInput): boolean {
  const answer = sessionAttributes(h)[SCREENED_ATTRIBUTE];
  return answer === true || answer === 'yes';
}

/** The user said "yes" to the safety question this session. */
export function screenedYes(h: HandlerInput): boolean {
  return sessionAttributes(h)[SCREENED_ATTRIBUTE] === 'yes';
}

export function routineAudio(h: HandlerInput): RoutineAudio {
  const attrs: unknown = h.attributesManager.getRequestAttributes();
  return isRecord(attrs) && attrs.routineAudio === 'ssml' ? 'ssml' : 'apla';
}

/** Puts the skill's routine audio setting where the handlers read it. */
export function routineAudioInterceptor(audio: RoutineAudio = 'apla'): RequestInterceptor {
  return {
    process(h) {
      const attrs: unknown = h.attributesManager.getRequestAttributes();
      h.attributesManager.setRequestAttributes({ ...(isRecord(attrs) ? attrs : {}), routineAudio: audio });
    },
  };
}
