/**
 * Pain check-ins and the trend as speech, from i18n/en/progress.json. The numbers are the user's
 * own, said as they are ("about 2 points lower after, on average, over 5 sessions"), with nothing
 * that sounds like a clinical claim; lists stop at three.
 */
import { catalogueFor } from '../core/catalogue';
import type { Trend, RoutineChange } from '../core/progress/trend';
import type { ScoreEntry } from '../core/progress/types';
import type { Translate } from '../i18n';

/** Routines read aloud in one answer. */
export const MAX_SPOKEN_ROUTINES = 3;

/** A routine's name in the translator's language ("die Ischias-Routine", not the English name). */
export function routineName(t: Translate, id: string): string {
  return catalogueFor(t.language).getRoutine(id)?.name ?? id;
}

/** An average as said: a whole number ("about 5" is implied by "averaged"). */
function spoken(value: number): number {
  return Math.round(value);
}

/** "From 6 to 4. Nice work." / "Still 5, the same as before." / "From 4 to 5, a little higher." */
export function resultSpeech(t: Translate, before: number, after: number): string {
  if (after < before) return t('progress.result.lower', { before, after });
  if (after === before) return t('progress.result.same', { after });
  return t('progress.result.higher', { before, after });
}

/** One routine's change, as a sentence. */
export function changeSpeech(t: Translate, change: RoutineChange): string {
  const points = Math.round(Math.abs(change.change));
  const values = { routine: routineName(t, change.routine), count: change.sessions, points };
  if (points === 0) return t('progress.trend.change.same', values);
  if (change.change < 0)
    return t(points === 1 ? 'progress.trend.change.lowerOne' : 'progress.trend.change.lower', values);
  return t('progress.trend.change.higher', values);
}

/** "How am I doing": the two averages, the days practised, and the routine that went best. */
export function overallSpeech(t: Translate, trend: Trend): string {
  const parts: string[] = [];
  if (trend.month !== undefined) {
    parts.push(
      trend.week !== undefined
        ? t('progress.trend.averages', { month: spoken(trend.month), week: spoken(trend.week) })
        : t('progress.trend.monthOnly', { month: spoken(trend.month) }),
    );
    parts.push(t('progress.trend.days', { count: trend.daysThisMonth }));
  }
  const best = trend.changes[0];
  if (best) parts.push(changeSpeech(t, best));
  return parts.join(' ');
}

/** "How was my week": this week's average and days, else the four-week figure. */
export function weekSpeech(t: Translate, trend: Trend): string {
  if (trend.week !== undefined)
    return t('progress.trend.week', { week: spoken(trend.week), days: trend.daysThisWeek });
  return t('progress.trend.weekNone', { month: spoken(trend.month ?? 0) });
}

/** "What helped me most": up to three routines, best first, each with its sessions. */
export function bestSpeech(t: Translate, trend: Trend): string {
  if (trend.changes.length === 0) return t('progress.trend.bestNone');
  const said = trend.changes.slice(0, MAX_SPOKEN_ROUTINES).map((change) => changeSpeech(t, change));
  const rest = trend.changes.length - MAX_SPOKEN_ROUTINES;
  if (rest > 0) said.push(t('progress.trend.more', { count: rest }));
  return said.join(' ');
}

/** "Last time: the sciatica routine, 6 down to 4." */
export function lastTimeSpeech(t: Translate, entry: ScoreEntry): string {
  const routine = routineName(t, entry.routine);
  const { before, after } = entry;
  if (before === undefined || after === undefined) return t('progress.welcome.lastRoutine', { routine });
  if (after < before) return t('progress.welcome.lastBoth', { routine, before, after });
  if (after > before) return t('progress.welcome.lastUp', { routine, before, after });
  return t('progress.welcome.lastSame', { routine, after });
}

/** The 4–6 week sentence, with the market's own words for whom to see. */
export function reviewSpeech(t: Translate): string {
  return t('progress.review', { who: t('safety.review.who') });
}
