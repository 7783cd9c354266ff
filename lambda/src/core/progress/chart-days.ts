/**
 * The progress chart's days (issue 14): the last `days` calendar days up to `today`, each with the
 * day's average score before and after (rounded to one decimal) and the routines done that day, in
 * the order they were done.
 *
 * Choice: a day with no check-in is left out. The list holds only days practised (oldest first), so
 * its length is the number of days practised; the chart places each day by its date, and a gap in
 * the dates is a day without practice. Entries outside the window, with a date that is not a real
 * `YYYY-MM-DD`, or with a score off the 0–10 scale are ignored (a score off the scale is dropped,
 * the rest of its entry kept). A routine done twice in a day is named once.
 */
import { addDays, daysBetween as wholeDays, isDate } from './history';
import type { ChartDay, ScoreEntry } from './types';

/** Milliseconds at UTC midnight of a `YYYY-MM-DD` date, or undefined when it is not a real date. */
export function dateMs(date: unknown): number | undefined {
  return isDate(date) ? Date.parse(`${date}T00:00:00Z`) : undefined;
}

export { addDays };

/** Days from `from` to `to` (both `YYYY-MM-DD`); undefined when either is not a real date. */
export function daysBetween(from: string, to: string): number | undefined {
  return isDate(from) && isDate(to) ? wholeDays(from, to) : undefined;
}

/** A score on the 0–10 scale, or undefined. */
function score(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 10 ? value : undefined;
}

const average = (values: number[]): number | undefined =>
  values.length === 0 ? undefined : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

/** The chart's days: the last `days` days up to and including `today`, only those with a check-in. */
export function chartDays(entries: ScoreEntry[], today: string, days = 28): ChartDay[] {
  if (dateMs(today) === undefined || !Number.isInteger(days) || days < 1) return [];
  const byDate = new Map<string, { before: number[]; after: number[]; routines: string[] }>();
  for (const entry of entries) {
    const offset = daysBetween(entry.date, today);
    if (offset === undefined || offset < 0 || offset >= days) continue;
    if (typeof entry.routine !== 'string' || entry.routine === '') continue;
    let day = byDate.get(entry.date);
    if (!day) byDate.set(entry.date, (day = { before: [], after: [], routines: [] }));
    const before = score(entry.before);
    const after = score(entry.after);
    if (before !== undefined) day.before.push(before);
    if (after !== undefined) day.after.push(after);
    if (!day.routines.includes(entry.routine)) day.routines.push(entry.routine);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, day]) => {
      const chartDay: ChartDay = { date, routines: day.routines };
      const before = average(day.before);
      const after = average(day.after);
      if (before !== undefined) chartDay.before = before;
      if (after !== undefined) chartDay.after = after;
      return chartDay;
    });
}

/** The average of the days' scores (each day counts once), to one decimal, per series. */
export function dayAverages(days: readonly ChartDay[]): { before?: number; after?: number } {
  const of = (series: 'before' | 'after') =>
    average(days.flatMap((d) => (typeof d[series] === 'number' ? [d[series]] : [])));
  return { before: of('before'), after: of('after') };
}

/** How many scores (before and after each count) the days rest on. */
export function scoreCount(entries: readonly ScoreEntry[], today: string, days = 28): number {
  return entries
    .filter((e) => {
      const offset = daysBetween(e.date, today);
      return offset !== undefined && offset >= 0 && offset < days;
    })
    .reduce(
      (n, e) => n + (score(e.before) === undefined ? 0 : 1) + (score(e.after) === undefined ? 0 : 1),
      0,
    );
}
