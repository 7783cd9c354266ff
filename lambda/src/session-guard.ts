/**
 * Only the skill's own session attributes, validated, go back to the device. Session attributes are
 * client input that Alexa echoes on every turn: an unknown key, a huge string or a tampered value
 * must not be carried along (a 130 KB junk attribute used to make a 131 KB response). After every
 * handler, and after the error handler, the attributes are rebuilt from the skill's own readers,
 * which keep only known keys with valid shapes.
 */
import type { ErrorHandler, HandlerInput, ResponseInterceptor } from 'ask-sdk-core';
import { isRecord } from './core/record';
import { readRoutine, ROUTINE_ATTRIBUTE, SCREENED_ATTRIBUTE } from './handlers/routine/routine-attribute';
import { readSafety } from './handlers/safety/health-profile';
import { sessionVoice, VOICE_ATTRIBUTE } from './handlers/routine/voice-preference';
import { CHECK_IN_ATTRIBUTE, readCheckIn } from './handlers/progress/state';
import { translatorFor } from './i18n';
import { log } from './log';
import { isMade, renderSaid } from './speech/said';
import {
  currentOffer,
  lastPointCode,
  SAID_ATTRIBUTE,
  sessionAttributes,
  type Attributes,
} from './handlers/conversation';
import { readReminderState, REMINDER_ATTRIBUTE } from './handlers/reminders';

/**
 * The session keys the skill writes; nothing else is returned. A feature that adds a session key
 * must add it here and to `ownAttributes` with its validated reading, or it is dropped after every
 * turn (test/handlers/input-bounds.test.ts lists what a real answer keeps).
 */
export const OWN_SESSION_KEYS = [
  'lastPoint',
  'offer',
  ROUTINE_ATTRIBUTE,
  SCREENED_ATTRIBUTE,
  'safety',
  SAID_ATTRIBUTE,
  REMINDER_ATTRIBUTE,
  VOICE_ATTRIBUTE,
  CHECK_IN_ATTRIBUTE,
] as const;

/** Largest "what was last said" kept (JSON characters); a real answer's is well under half of this. */
const MAX_SAID_CHARACTERS = 9000;
/** A pending question's fingerprint (`fingerprint()` in handlers/safety/state.ts) is 16 characters. */
const MAX_FINGERPRINT_CHARACTERS = 32;

/** What a routine that no longer checks out is kept as: small, and still read as "broken". */
const BROKEN_ROUTINE = { broken: true };

/** Rebuilds the session attributes from their validated readings. */
export function keepOwnSessionAttributes(h: HandlerInput): void {
  if (!h.requestEnvelope?.session) return;
  let kept: Attributes = {};
  try {
    kept = ownAttributes(h);
  } catch (error) {
    log.warn('session.unreadable', { error: error instanceof Error ? error.name : 'unknown' });
  }
  h.attributesManager.setSessionAttributes(kept);
}

function ownAttributes(h: HandlerInput): Attributes {
  const attrs = sessionAttributes(h);
  const kept: Attributes = {};
  const point = lastPointCode(h);
  if (point) kept.lastPoint = point;
  const offer = currentOffer(h);
  if (offer) kept.offer = offer;

  if (attrs[ROUTINE_ATTRIBUTE] !== undefined && attrs[ROUTINE_ATTRIBUTE] !== null) {
    const read = readRoutine(h);
    kept[ROUTINE_ATTRIBUTE] = read.status === 'active' ? read.state : BROKEN_ROUTINE;
  }

  const voice = sessionVoice(h);
  if (voice) kept[VOICE_ATTRIBUTE] = voice;

  const screened = attrs[SCREENED_ATTRIBUTE];
  if (screened === true || screened === 'yes') kept[SCREENED_ATTRIBUTE] = screened;

  if (attrs.safety !== undefined) {
    const safety = readSafety(h);
    if (safety.pending && safety.pending.asked.length > MAX_FINGERPRINT_CHARACTERS) delete safety.pending;
    kept.safety = JSON.parse(JSON.stringify(safety)) as unknown;
  }

  const reminder = readReminderState(h);
  if (reminder) kept[REMINDER_ATTRIBUTE] = reminder;
  if (attrs[CHECK_IN_ATTRIBUTE] !== undefined) {
    const checkIn = readCheckIn(h);
    if (Object.keys(checkIn).length > 0) kept[CHECK_IN_ATTRIBUTE] = checkIn;
  }

  const said = attrs[SAID_ATTRIBUTE];
  if (isMade(said) && JSON.stringify(said).length <= MAX_SAID_CHARACTERS) {
    // Made in this request from the translator's own calls: nothing to re-check.
    kept[SAID_ATTRIBUTE] = said;
  } else if (isRecord(said) && JSON.stringify(said).length <= MAX_SAID_CHARACTERS) {
    const t = translatorFor(undefined);
    if (renderSaid(said.speech, t) !== undefined) {
      kept[SAID_ATTRIBUTE] =
        said.reprompt !== undefined && renderSaid(said.reprompt, t) !== undefined
          ? { speech: said.speech, reprompt: said.reprompt }
          : { speech: said.speech };
    }
  }
  return kept;
}

/** After every handler: only the skill's own session attributes go back. */
export const OwnSessionAttributesInterceptor: ResponseInterceptor = {
  process(h) {
    keepOwnSessionAttributes(h);
  },
};

/** The error handler's answer, with the same rule for session attributes (response interceptors do not run after an error). */
export function withOwnSessionAttributes(handler: ErrorHandler): ErrorHandler {
  return {
    canHandle: (h, error) => handler.canHandle(h, error),
    async handle(h, error) {
      const response = await handler.handle(h, error);
      keepOwnSessionAttributes(h);
      return response;
    },
  };
}
