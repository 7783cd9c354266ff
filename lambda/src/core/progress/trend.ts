/**
 * What the user's own scores say: averages over the last 7 and 28 days, the change each routine
 * went with (and how many sessions that rests on), the days practised, and the 4–6 week rule
 * (reference section 4: pain not better after about 4–6 weeks should be seen by a GP or physio).
 * Figures only: the wording, with no clinical claim, is the speech layer's.
 */
import { addDays, daysBetween } from './history';
import type { ScoreEntry } from './types';

/** Below this many scores the skill says there is not enough to go on yet. */
export const MIN_SCORES_FOR_TREND = 3;
/** The 4–6 week rule looks at scores spanning at least this many days … */
export const REVIEW_AFTER_DAYS = 28;
/** … within this window (six weeks) … */
export const REVIEW_WINDOW_DAYS = 42;
/** … comparing the first and the last two weeks of it … */
const REVIEW_PART_DAYS = 14;
/** … and counts less than this fall (points on the 0–10 scale) as no improvement. */
export const IMPROVEMENT_POINTS = 1;
/** The sentence is said at most once in this many days. */
export const REVIEW_REPEAT_DAYS = 7;

/** How bad the back was that session: the score before the routine, else the one after. */
export function sessionScore(entry: ScoreEntry): number | undefined {
  return entry.before ?? entry.after;
}

/** How many scores (before and after each count) the entries hold. */
export function scoreCount(entries: readonly ScoreEntry[]): number {
  return entries.reduce((n, e) => n + (e.before === undefined ? 0 : 1) + (e.after === undefined ? 0 : 1), 0);
}

function mean(values: number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Entries dated within the last `days` days, today included. */
export function within(entries: readonly ScoreEntry[], today: string, days: number): ScoreEntry[] {
  const first = addDays(today, -(days - 1));
  return entries.filter((e) => e.date >= first && e.date <= today);
}

/** The average session score over the last `days` days (undefined with no score). */
export function averageOver(entries: readonly ScoreEntry[], today: string, days: number): number | undefined {
  return mean(
    within(entries, today, days)
      .map(sessionScore)
      .filter((s): s is number => s !== undefined),
  );
}

/** Distinct days with a check-in in the last `days` days. */
export function daysPractised(entries: readonly ScoreEntry[], today: string, days: number): number {
  return new Set(within(entries, today, days).map((e) => e.date)).size;
}

export interface RoutineChange {
  routine: string;
  /** Average of after minus before (negative: lower after the routine). */
  change: number;
  /** Sessions with both scores that it rests on. */
  sessions: number;
}

/** Per routine, the average change from before to after, over the sessions that have both; best first. */
export function routineChanges(entries: readonly ScoreEntry[]): RoutineChange[] {
  const by = new Map<string, number[]>();
  for (const e of entries) {
    if (e.before === undefined || e.after === undefined) continue;
    const list = by.get(e.routine) ?? [];
    list.push(e.after - e.before);
    by.set(e.routine, list);
  }
  return [...by.entries()]
    .map(([routine, changes]) => ({ routine, change: mean(changes) ?? 0, sessions: changes.length }))
    .sort((a, b) => a.change - b.change || b.sessions - a.sessions || (a.routine < b.routine ? -1 : 1));
}

export interface Trend {
  scores: number;
  week?: number;
  month?: number;
  daysThisWeek: number;
  daysThisMonth: number;
  changes: RoutineChange[];
}

/** Everything "how am I doing" answers from, over the last 28 days. */
export function trendOf(entries: readonly ScoreEntry[], today: string): Trend {
  const month = within(entries, today, 28);
  return {
    scores: scoreCount(entries),
    week: averageOver(entries, today, 7),
    month: averageOver(entries, today, 28),
    daysThisWeek: daysPractised(entries, today, 7),
    daysThisMonth: daysPractised(entries, today, 28),
    changes: routineChanges(month),
  };
}

/**
 * The 4–6 week rule: scores spanning four weeks or more (within the last six) whose last two weeks
 * average is not at least `IMPROVEMENT_POINTS` lower than the first two weeks' (or is higher).
 */
export function noImprovement(entries: readonly ScoreEntry[], today: string): boolean {
  const recent = within(entries, today, REVIEW_WINDOW_DAYS).filter((e) => sessionScore(e) !== undefined);
  if (recent.length === 0) return false;
  const first = recent.reduce((a, e) => (e.date < a ? e.date : a), recent[0].date);
  if (daysBetween(first, today) < REVIEW_AFTER_DAYS) return false;
  const early = recent.filter((e) => daysBetween(first, e.date) < REVIEW_PART_DAYS).map(sessionScore);
  const late = recent.filter((e) => daysBetween(e.date, today) < REVIEW_PART_DAYS).map(sessionScore);
  const earlyMean = mean(early.filter((s): s is number => s !== undefined));
  const lateMean = mean(late.filter((s): s is number => s !== undefined));
  if (early.length < 2 || late.length < 2 || earlyMean === undefined || lateMean === undefined) return false;
  return lateMean > earlyMean - IMPROVEMENT_POINTS;
}

/** Whether the 4–6 week sentence is due today: no improvement, and not said in the last week. */
export function reviewDue(entries: readonly ScoreEntry[], today: string, lastSaid?: string): boolean {
  if (lastSaid !== undefined && daysBetween(lastSaid, today) < REVIEW_REPEAT_DAYS) return false;
  return noImprovement(entries, today);
}
