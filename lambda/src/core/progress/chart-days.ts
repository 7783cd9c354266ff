/**
 * The last `days` days of check-ins as one row a day, oldest first, for the progress chart (the APL
 * chart and the simulator's SVG draw from this): each day's average before and after (one decimal),
 * and the routines done that day. A day without a check-in has no scores and no routines.
 */
import { addDays } from './history';
import type { ChartDay, ScoreEntry } from './types';

function average(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

export function chartDays(entries: readonly ScoreEntry[], today: string, days = 28): ChartDay[] {
  const count = Math.max(0, Math.min(366, Math.floor(days)));
  const out: ChartDay[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const date = addDays(today, -i);
    const that = entries.filter((e) => e.date === date);
    const day: ChartDay = { date, routines: [...new Set(that.map((e) => e.routine))] };
    const before = average(that.flatMap((e) => (e.before === undefined ? [] : [e.before])));
    const after = average(that.flatMap((e) => (e.after === undefined ? [] : [e.after])));
    if (before !== undefined) day.before = before;
    if (after !== undefined) day.after = after;
    out.push(day);
  }
  return out;
}
