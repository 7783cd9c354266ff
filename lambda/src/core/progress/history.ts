/**
 * The pain check-in history as stored in the user record (field `progress`), with a schema version.
 * Stored data is untrusted: it may be older than this code (schema 0: a bare list of `ScoreEntry`
 * objects, or `{ scores: ScoreEntry[] }` without a version), written by something else, or corrupt.
 * Reading always succeeds: every entry that checks out is kept, the rest is dropped, and `repaired`
 * says the stored copy should be written back in the current shape.
 *
 * Current shape (schema 1), compact so a year of daily use stays a few kilobytes:
 *   { v: 1, consent?: 'yes' | 'no', off?: true, reviewed?: 'YYYY-MM-DD',
 *     scores: [['2026-11-25', 'evening', 6, 4], ['2026-11-26', 'quick', 5, null], …] }
 * Only the date, the routine and the two scores are kept, for `KEEP_DAYS` days, at most
 * `MAX_ENTRIES` of them.
 */
import { getRoutine } from '../catalogue';
import { isRecord } from '../record';
import { isScore } from './score';
import type { ScoreEntry } from './types';

export const PROGRESS_SCHEMA_VERSION = 1;
/** Scores older than this many days are pruned whenever the history is read or written. */
export const KEEP_DAYS = 180;
/** At most this many entries are kept (newest first to stay): a few routines a day for months. */
export const MAX_ENTRIES = 240;
/** The user record field that holds the history. */
export const PROGRESS_FIELD = 'progress';

export interface ProgressHistory {
  /** The answer to "Shall I keep track of these?" (asked once); scores are stored only with 'yes'. */
  consent?: 'yes' | 'no';
  /** "Stop asking about pain": no check-ins until the user asks for them again. */
  off?: boolean;
  /** When the 4–6 week sentence was last said (it is said at most once a week). */
  reviewed?: string;
  /** Oldest first. */
  scores: ScoreEntry[];
}

/** A stored entry: `[date, routine, before, after]`, a missing score as null. */
export type StoredEntry = [string, string, number | null, number | null];

export interface StoredProgress {
  v: typeof PROGRESS_SCHEMA_VERSION;
  consent?: 'yes' | 'no';
  off?: true;
  reviewed?: string;
  scores: StoredEntry[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A stored list longer than this is not read item by item (it is foreign or corrupt). */
const MAX_READ_ITEMS = 5000;

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar date written `YYYY-MM-DD`. */
export function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > MONTH_DAYS[month - 1]) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month !== 2 || day <= 28 || leap;
}

/** The calendar date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** One entry from either stored form (tuple or object), or undefined when it does not check out. */
export function readEntry(raw: unknown, today: string): ScoreEntry | undefined {
  return entryUpTo(raw, addDays(today, 1));
}

/** One entry dated no later than `latest`, or undefined. */
function entryUpTo(raw: unknown, latest: string): ScoreEntry | undefined {
  let date: unknown, routine: unknown, before: unknown, after: unknown;
  if (Array.isArray(raw)) [date, routine, before, after] = raw as unknown[];
  else if (isRecord(raw)) ({ date, routine, before, after } = raw);
  else return undefined;
  if (!isDate(date) || date > latest) return undefined;
  if (typeof routine !== 'string' || !getRoutine(routine)) return undefined;
  const entry: ScoreEntry = { date, routine };
  if (isScore(before)) entry.before = before;
  else if (before !== undefined && before !== null) return undefined;
  if (isScore(after)) entry.after = after;
  else if (after !== undefined && after !== null) return undefined;
  if (entry.before === undefined && entry.after === undefined) return undefined;
  return entry;
}

/** Oldest first, nothing older than `KEEP_DAYS`, at most `MAX_ENTRIES` (the newest). */
export function prune(scores: readonly ScoreEntry[], today: string): ScoreEntry[] {
  const oldest = addDays(today, -KEEP_DAYS);
  const kept = scores
    .filter((entry) => entry.date > oldest)
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => (a.entry.date === b.entry.date ? a.i - b.i : a.entry.date < b.entry.date ? -1 : 1))
    .map(({ entry }) => entry);
  return kept.length > MAX_ENTRIES ? kept.slice(kept.length - MAX_ENTRIES) : kept;
}

/**
 * The history in a stored record field, migrated and pruned. `repaired` is true when what was
 * stored differs from what would be written now (older schema, dropped entries, pruning).
 */
export function readHistory(raw: unknown, today: string): { history: ProgressHistory; repaired: boolean } {
  // A stored object is read once per day it is read on (requests read one record several times).
  if (typeof raw === 'object' && raw !== null) {
    const known = readCache.get(raw);
    if (known && known.today === today) return copy(known.read);
    const read = uncachedReadHistory(raw, today);
    readCache.set(raw, { today, read });
    return copy(read);
  }
  return uncachedReadHistory(raw, today);
}

interface HistoryRead {
  history: ProgressHistory;
  repaired: boolean;
}
const readCache = new WeakMap<object, { today: string; read: HistoryRead }>();

/** A copy callers may change without changing the cached reading. */
function copy(read: HistoryRead): HistoryRead {
  return { history: { ...read.history, scores: [...read.history.scores] }, repaired: read.repaired };
}

function uncachedReadHistory(raw: unknown, today: string): HistoryRead {
  if (raw === undefined) return { history: { scores: [] }, repaired: false };
  let list: unknown;
  let repaired = false;
  const history: ProgressHistory = { scores: [] };
  if (Array.isArray(raw)) {
    // Schema 0: a bare list of entries, kept only with the user's yes (so the yes is implied).
    list = raw;
    history.consent = 'yes';
    repaired = true;
  } else if (isRecord(raw)) {
    list = raw.scores;
    if (raw.v !== PROGRESS_SCHEMA_VERSION) repaired = true;
    if (raw.consent === 'yes' || raw.consent === true) history.consent = 'yes';
    else if (raw.consent === 'no' || raw.consent === false) history.consent = 'no';
    if (raw.consent !== undefined && typeof raw.consent !== 'string') repaired = true;
    if (raw.off === true) history.off = true;
    if (isDate(raw.reviewed)) history.reviewed = raw.reviewed;
  } else {
    return { history, repaired: true };
  }
  if (list === undefined) list = [];
  if (!Array.isArray(list) || list.length > MAX_READ_ITEMS) return { history, repaired: true };
  const entries: ScoreEntry[] = [];
  const latest = addDays(today, 1);
  for (const item of list) {
    const entry = entryUpTo(item, latest);
    if (entry) entries.push(entry);
    // Older schema entries are objects; the current one writes tuples.
    if (!entry || !Array.isArray(item)) repaired = true;
  }
  history.scores = prune(entries, today);
  if (history.scores.length !== entries.length) repaired = true;
  // Scores are never kept without a yes: a record that has them otherwise is repaired by dropping them.
  if (history.consent !== 'yes' && history.scores.length > 0) {
    history.scores = [];
    repaired = true;
  }
  return { history, repaired };
}

/** The history in its stored shape (schema 1). */
export function storedHistory(history: ProgressHistory): StoredProgress {
  const stored: StoredProgress = {
    v: PROGRESS_SCHEMA_VERSION,
    scores:
      history.consent === 'yes'
        ? history.scores.map((e) => [e.date, e.routine, e.before ?? null, e.after ?? null])
        : [],
  };
  if (history.consent) stored.consent = history.consent;
  if (history.off) stored.off = true;
  if (history.reviewed) stored.reviewed = history.reviewed;
  return stored;
}

/** The history with one more entry (pruned and capped). */
export function withEntry(history: ProgressHistory, entry: ScoreEntry, today: string): ProgressHistory {
  return { ...history, scores: prune([...history.scores, entry], today) };
}
