/**
 * The pain check-in's state: this session's (session attribute `progress`, validated on every read,
 * since the device sends it back) and the stored history (user record field `progress`, read through
 * core/progress/history.ts, which migrates and repairs it). Scores are stored only after the user's
 * yes; without it they live in the session alone. Nothing here logs a score.
 */
import type { HandlerInput } from 'ask-sdk-core';
import { getRoutine } from '../../core/catalogue';
import {
  PROGRESS_FIELD,
  readEntry,
  readHistory,
  storedHistory,
  withEntry,
  type ProgressHistory,
} from '../../core/progress/history';
import { isScore } from '../../core/progress/score';
import type { ScoreEntry } from '../../core/progress/types';
import { isRecord } from '../../core/record';
import { loadUser, saveUser } from '../../persistence/user-store';
import { sessionAttributes, updateSession } from '../conversation';
import { intentName, requestTime } from '../input';

export const CHECK_IN_ATTRIBUTE = 'progress';

/** The question the user is answering. */
export type Asking =
  /** "From 0 to 10, how is your back right now?" before a routine. */
  | 'before'
  /** "And now?" at the end of the routine. */
  | 'after'
  /** "The scale stops at 10. Shall I put down 10?" */
  | 'confirm'
  /** The short red-flag question after a 9 or 10, or pain clearly worse after a routine. */
  | 'flag'
  /** "Shall I keep track of these?" */
  | 'consent';

export interface CheckIn {
  /** The question before a routine was asked (or a score given) this session: never asked twice. */
  asked?: true;
  asking?: Asking;
  /** Which score a 'confirm' or 'flag' question is about. */
  stage?: 'before' | 'after';
  /** The routine the check-in is for. */
  routine?: string;
  /** The routine waiting to start was its breathing-only version. */
  breathingOnly?: true;
  before?: number;
  after?: number;
  /** The end of the scale offered for an off-scale number. */
  confirm?: number;
  /** "I don't know" was heard once at this question (the second time skips it). */
  again?: true;
  /** This session's scores, kept here when they are not stored. */
  scores?: ScoreEntry[];
  /** "Stop asking about pain" this session (also stored). */
  off?: true;
  /** The answer to the consent question this session. */
  consent?: 'yes' | 'no';
  /** The 4–6 week sentence was said this session. */
  reviewed?: true;
}

const ASKING: readonly Asking[] = ['before', 'after', 'confirm', 'flag', 'consent'];
/** Session scores kept at most (a session is a few routines). */
const MAX_SESSION_SCORES = 12;

/** The check-in in the session, every field checked; anything malformed is dropped. */
export function readCheckIn(h: HandlerInput): CheckIn {
  const raw = sessionAttributes(h)[CHECK_IN_ATTRIBUTE];
  if (!isRecord(raw)) return {};
  const out: CheckIn = {};
  if (raw.asked === true) out.asked = true;
  if (typeof raw.asking === 'string' && (ASKING as readonly string[]).includes(raw.asking))
    out.asking = raw.asking as Asking;
  if (raw.stage === 'before' || raw.stage === 'after') out.stage = raw.stage;
  if (typeof raw.routine === 'string' && getRoutine(raw.routine)) out.routine = raw.routine;
  if (raw.breathingOnly === true) out.breathingOnly = true;
  if (isScore(raw.before)) out.before = raw.before;
  if (isScore(raw.after)) out.after = raw.after;
  if (isScore(raw.confirm)) out.confirm = raw.confirm;
  if (raw.again === true) out.again = true;
  if (raw.off === true) out.off = true;
  if (raw.consent === 'yes' || raw.consent === 'no') out.consent = raw.consent;
  if (raw.reviewed === true) out.reviewed = true;
  if (Array.isArray(raw.scores)) {
    const today = todayOf(h);
    const scores = raw.scores
      .slice(0, MAX_SESSION_SCORES)
      .map((item: unknown) => readEntry(item, today))
      .filter((e): e is ScoreEntry => e !== undefined);
    if (scores.length > 0) out.scores = scores;
  }
  return out;
}

/** Request attribute: this request asked a check-in question (so it stays pending). */
const ASKED_NOW = 'progressAskedNow';

/** Merges a patch into the session check-in (undefined deletes a field). */
export function patchCheckIn(h: HandlerInput, patch: Partial<Record<keyof CheckIn, unknown>>): void {
  const next: Record<string, unknown> = { ...readCheckIn(h) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  if (patch.asking !== undefined) h.attributesManager.getRequestAttributes()[ASKED_NOW] = true;
  updateSession(h, { [CHECK_IN_ATTRIBUTE]: Object.keys(next).length > 0 ? next : undefined });
}

/**
 * After every handler: a check-in question is pending only while it is the last thing asked. Any
 * other answer (the user asked something else) drops it, so a later "yes" or number is not taken
 * for it; "repeat" keeps it.
 */
export function dropStaleQuestion(h: HandlerInput): void {
  if (h.attributesManager.getRequestAttributes()[ASKED_NOW] === true) return;
  if (intentName(h) === 'AMAZON.RepeatIntent') return;
  const checkIn = readCheckIn(h);
  if (checkIn.asking === undefined) return;
  patchCheckIn(h, { asking: undefined, confirm: undefined, again: undefined, stage: undefined });
}

/** The user's calendar date for this request (`YYYY-MM-DD`, from the request's timestamp, UTC). */
export function todayOf(h: HandlerInput): string {
  const ms = requestTime(h) ?? Date.now();
  return new Date(ms).toISOString().slice(0, 10);
}

export interface StoredCheckIns {
  history: ProgressHistory;
  /** The store answered (false: down, or none configured). */
  ok: boolean;
  configured: boolean;
}

/**
 * The stored history, migrated. A record that needed repair (older schema, corrupt or foreign
 * entries, pruning) is written back in the current shape; a failure to do so changes nothing now.
 */
export async function storedCheckIns(h: HandlerInput): Promise<StoredCheckIns> {
  const today = todayOf(h);
  const { record, ok, configured } = await loadUser(h);
  const { history, repaired } = readHistory(record[PROGRESS_FIELD], today);
  if (ok && repaired) {
    await saveUser(h, (stored) => ({
      [PROGRESS_FIELD]: storedHistory(readHistory(stored[PROGRESS_FIELD], today).history),
    }));
  }
  return { history, ok, configured };
}

/** Changes the stored history, as a function of what is stored at the moment of writing (no lost update). */
export async function updateStored(
  h: HandlerInput,
  change: (history: ProgressHistory) => ProgressHistory,
): Promise<boolean> {
  const today = todayOf(h);
  return saveUser(h, (stored) => ({
    [PROGRESS_FIELD]: storedHistory(change(readHistory(stored[PROGRESS_FIELD], today).history)),
  }));
}

/** Whether scores are kept: the user said yes (this session, or stored). */
export async function consentOf(h: HandlerInput): Promise<'yes' | 'no' | undefined> {
  const session = readCheckIn(h).consent;
  if (session) return session;
  return (await storedCheckIns(h)).history.consent;
}

/** Whether check-ins are off ("stop asking about pain"). */
export async function checkInsOff(h: HandlerInput): Promise<boolean> {
  if (readCheckIn(h).off) return true;
  return (await storedCheckIns(h)).history.off === true;
}

/**
 * Keeps a finished check-in: stored when the user said yes (merged with what is stored at the
 * moment of writing), otherwise in the session only. False when the store failed.
 */
export async function keepEntry(h: HandlerInput, entry: ScoreEntry): Promise<boolean> {
  const consent = await consentOf(h);
  const session = readCheckIn(h);
  if (consent === 'yes') {
    const today = todayOf(h);
    return updateStored(h, (history) =>
      history.consent === 'yes' || session.consent === 'yes'
        ? withEntry({ ...history, consent: 'yes' }, entry, today)
        : history,
    );
  }
  const scores = [...(session.scores ?? []), entry].slice(-MAX_SESSION_SCORES);
  patchCheckIn(h, { scores });
  return true;
}

/** The scores the trend is told from: the stored ones with consent, else this session's. */
export async function knownScores(h: HandlerInput): Promise<ScoreEntry[]> {
  const { history } = await storedCheckIns(h);
  const session = readCheckIn(h);
  if (history.consent === 'yes') return history.scores;
  return session.scores ?? [];
}
