/**
 * What the safety feature keeps in the session (attribute `safety`) and, only when the user asks,
 * in the user's stored record (field `health`). Both are untrusted input: every reader keeps only
 * known condition and red-flag ids and well-formed changes, and drops everything else.
 */
import type * as Crypto from 'node:crypto';
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Translate } from '../../i18n';
import type { GuideHandler } from '../handler';
import { isIntent, translatorOf } from '../input';
import {
  getCondition,
  getRedFlag,
  getStopSymptom,
  safetyProfile,
  englishRules,
  type HealthRules,
  type RoutineChange,
  type SafetyProfile,
} from '../../core/safety';
import { getNeed, getPoint, getRoutine } from '../../core/catalogue';
import { TOOLS, type PointCode, type Tool } from '../../core/types';
import { loadUser } from '../../persistence/user-store';
import { isRecord } from '../../core/record';
import { lastOutput, sessionAttributes, updateSession } from '../conversation';

/** A yes/no question the safety feature asked and is waiting on. */
export type PendingConfirmation =
  | { action: 'remember'; conditions: string[]; asked: string }
  | { action: 'forget'; asked: string }
  /** "I have {words}" with words the skill does not know: is it a health condition? */
  | { action: 'unknown'; asked: string }
  /** "Has a clinician diagnosed it?" before a routine that needs a diagnosis (the disc routine). */
  | { action: 'diagnosis'; routine: string; asked: string }
  /** Words that hint at a red flag ("morning stiffness"): its question; `need` is what they asked for otherwise. */
  | { action: 'hint'; flag: string; need?: string; asked: string };

export interface SafetySession {
  /** Condition ids mentioned this session, or loaded from the user's stored record. */
  conditions: string[];
  /** Red flags mentioned this session: routines are refused until the session ends. */
  redFlags: string[];
  /** Stop-rule symptoms mentioned this session (dizziness, pain getting sharp…). */
  symptoms: string[];
  /** A condition was mentioned that the skill has no rules for. */
  unknown: boolean;
  /** An unclear statement ("my legs feel funny") has had its one clarifying question. */
  clarified: boolean;
  /** The full stop rules have been said this session; later routines get a one-line reminder. */
  stopRulesSaid: boolean;
  /** Routines the user said a clinician diagnosed the problem for (the disc routine). */
  diagnosed: string[];
  /** What a finger-width is has been said this session. */
  fingerWidthSaid: boolean;
  /** The user chose lighter pressure after a stop-rule symptom: every hold this session is light. */
  lighter: boolean;
  /**
   * The routine step (plan index) a stop-rule symptom stopped: it is not pressed again until the
   * user chooses (lighter, skip, stop); "resume" asks them to choose.
   */
  halted?: number;
  /** The stored record has been read into this session. */
  loaded: boolean;
  pending?: PendingConfirmation;
  /** The last routine adjustment, for "what did you change?". */
  adjusted?: { routineName: string; changes: RoutineChange[] };
}

const KEY = 'safety';
/** No plan has this many holds (a bound for the halted step's index). */
const MAX_STEP_INDEX = 200;

function ids(value: unknown, known: (id: string) => unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const v of value) if (typeof v === 'string' && known(v) && !out.includes(v)) out.push(v);
  return out;
}

const isReason = (id: string) => id === 'unknown' || Boolean(getCondition(id) ?? getRedFlag(id));

/** The user has told the skill about a condition or symptom this session (or it was remembered). */
export function healthStated(h: HandlerInput): boolean {
  const state = readSafety(h);
  return state.conditions.length > 0 || state.redFlags.length > 0 || state.unknown;
}

/** Well-formed changes only: known kinds, real point codes, known condition or red-flag ids. */
export function parseChanges(value: unknown): RoutineChange[] {
  if (!Array.isArray(value)) return [];
  const changes: RoutineChange[] = [];
  for (const raw of value) {
    if (!isRecord(raw)) continue;
    const because = ids(raw.because, isReason);
    if (because.length === 0) continue;
    const points = ids(raw.points, (code) => getPoint(code)) as PointCode[];
    switch (raw.kind) {
      case 'skipped':
      case 'palms-instead':
        if (points.length > 0) changes.push({ kind: raw.kind, points, because });
        break;
      case 'no-tools':
        changes.push({
          kind: 'no-tools',
          tools: ids(raw.tools, (t) => TOOLS.includes(t as Tool)) as Tool[],
          because,
        });
        break;
      case 'shorter':
        if (typeof raw.maxSeconds === 'number' && raw.maxSeconds >= 15 && raw.maxSeconds <= 180)
          changes.push({ kind: 'shorter', maxSeconds: Math.round(raw.maxSeconds), because });
        break;
      case 'breathing-only':
      case 'lighter':
      case 'keep-off-site':
        changes.push({ kind: raw.kind, because });
        break;
      default:
        break;
    }
  }
  return changes;
}

function parsePending(value: unknown): PendingConfirmation | undefined {
  if (!isRecord(value) || typeof value.asked !== 'string') return undefined;
  if (value.action === 'forget' || value.action === 'unknown')
    return { action: value.action, asked: value.asked };
  if (
    value.action === 'diagnosis' &&
    typeof value.routine === 'string' &&
    getRoutine(value.routine)?.needsDiagnosis
  )
    return { action: 'diagnosis', routine: value.routine, asked: value.asked };
  if (value.action === 'hint' && typeof value.flag === 'string' && getRedFlag(value.flag)) {
    const need = typeof value.need === 'string' && getNeed(value.need) ? value.need : undefined;
    return { action: 'hint', flag: value.flag, need, asked: value.asked };
  }
  if (value.action === 'remember') {
    const conditions = ids(value.conditions, getCondition);
    if (conditions.length > 0) return { action: 'remember', conditions, asked: value.asked };
  }
  return undefined;
}

export function readSafety(h: HandlerInput): SafetySession {
  const raw = sessionAttributes(h)[KEY];
  const s = isRecord(raw) ? raw : {};
  const adjusted =
    isRecord(s.adjusted) && typeof s.adjusted.routineName === 'string'
      ? { routineName: s.adjusted.routineName.slice(0, 60), changes: parseChanges(s.adjusted.changes) }
      : undefined;
  return {
    conditions: ids(s.conditions, getCondition),
    redFlags: ids(s.redFlags, getRedFlag),
    symptoms: ids(s.symptoms, getStopSymptom),
    unknown: s.unknown === true,
    clarified: s.clarified === true,
    stopRulesSaid: s.stopRulesSaid === true,
    diagnosed: ids(s.diagnosed, (id) => getRoutine(id)?.needsDiagnosis),
    fingerWidthSaid: s.fingerWidthSaid === true,
    lighter: s.lighter === true,
    halted:
      typeof s.halted === 'number' && Number.isInteger(s.halted) && s.halted >= 0 && s.halted < MAX_STEP_INDEX
        ? s.halted
        : undefined,
    loaded: s.loaded === true,
    pending: parsePending(s.pending),
    adjusted: adjusted && adjusted.changes.length > 0 ? adjusted : undefined,
  };
}

export function writeSafety(h: HandlerInput, next: SafetySession): void {
  updateSession(h, { [KEY]: JSON.parse(JSON.stringify(next)) as unknown });
}

export function patchSafety(h: HandlerInput, patch: Partial<SafetySession>): SafetySession {
  const next = { ...readSafety(h), ...patch };
  writeSafety(h, next);
  return next;
}

/** The session's profile, its entries in the rules' language (the request's: `catalogueOf(h).safety`). */
export function profileOf(s: SafetySession, rules: HealthRules = englishRules): SafetyProfile {
  return safetyProfile(s.conditions, s.redFlags, s.unknown, rules);
}

/** The condition ids in the user's stored record, if any (stored data is untrusted too). */
export function storedConditions(record: Record<string, unknown>): string[] {
  return isRecord(record.health) ? ids(record.health.conditions, getCondition) : [];
}

/**
 * Brings the user's remembered conditions into this session, once per session. When storage is
 * down the session goes on without them and the next request tries again.
 */
export async function loadStoredProfile(h: HandlerInput): Promise<SafetySession> {
  const current = readSafety(h);
  if (current.loaded || !h.requestEnvelope.session) return current;
  const { record, ok } = await loadUser(h);
  if (!ok) return current;
  const stored = storedConditions(record);
  return patchSafety(h, {
    loaded: true,
    conditions: [...current.conditions, ...stored.filter((id) => !current.conditions.includes(id))],
  });
}

/**
 * A short fingerprint of a spoken question, to tell later whether it was the last thing said.
 * node:crypto is required here, on first use: loading it costs about 3 ms of every cold start, and
 * most requests ask no question.
 */
export function fingerprint(speech: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('node:crypto') as typeof Crypto;
  return createHash('sha256').update(speech.trim()).digest('base64url').slice(0, 16);
}

/**
 * The confirmation waiting for a yes or no, only while its question is still the last thing the
 * skill said ("repeat" keeps it; any other answer in between makes it stale).
 */
export function livePending(h: HandlerInput): PendingConfirmation | undefined {
  const pending = readSafety(h).pending;
  const last = lastOutput(h)?.speech;
  return pending && last !== undefined && fingerprint(last) === pending.asked ? pending : undefined;
}

/**
 * A safety intent's handler. Every safety answer must take the user's remembered conditions into
 * account, so the stored profile is loaded into the session before `answer` runs; a safety question
 * is not about the routine, so it pauses one that is playing.
 */
export function healthIntent(
  intent: string,
  answer: (h: HandlerInput, t: Translate, state: SafetySession) => Response | Promise<Response>,
): GuideHandler {
  return {
    duringRoutine: 'pauses',
    canHandle: (h) => isIntent(h, intent),
    async handle(h) {
      return answer(h, translatorOf(h), await loadStoredProfile(h));
    },
  };
}
