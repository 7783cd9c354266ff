/**
 * What the skill says about the progress chart (issue 14): a summary of at most 35 words (days
 * practised, the average before and after over the window: the user's own numbers, nothing that
 * sounds like a clinical claim), and a touched day's routines and scores. Also the words the chart
 * screen shows for a day, so the screen and the voice name a day alike.
 */
import type { ChartDay } from '../core/progress/types';
import { dayAverages } from '../core/progress/chart-days';
import { catalogueFor } from '../core/catalogue';
import type { Translate } from '../i18n';

/** The UserEvent a touched day of the chart sends: `["progressDay", "YYYY-MM-DD"]`. */
export const PROGRESS_DAY_EVENT = 'progressDay';
/** Days the chart shows, and the small round screen's chart. */
export const CHART_WINDOW = 28;
export const ROUND_WINDOW = 7;
/** With fewer scores than this, there is no chart: the skill says so. */
export const MIN_CHART_SCORES = 3;

/**
 * A `YYYY-MM-DD` date in the request's language; a locale the runtime does not know (a malformed
 * request) falls back to US English rather than throwing.
 */
export function formatDate(
  locale: string | undefined,
  date: string,
  options: Intl.DateTimeFormatOptions,
): string {
  return formatter(locale, options).format(new Date(`${date}T00:00:00Z`));
}

/** Formatters are costly to make (a fraction of a millisecond each): one per locale and style, kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 64;

function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) {
    try {
      made = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    } catch {
      made = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    // Locales come from requests: the cache stays small whatever they send.
    if (formatters.size < MAX_FORMATTERS) formatters.set(key, made);
  }
  return made;
}

/** A date as a sentence names it ("Tuesday, November 24"). */
export function longDate(locale: string | undefined, date: string): string {
  return formatDate(locale, date, { weekday: 'long', day: 'numeric', month: 'long' });
}

/** A date as the screen shows it under the chart ("Oct 29"). */
export function shortDate(locale: string | undefined, date: string): string {
  return formatDate(locale, date, { day: 'numeric', month: 'short' });
}

/** The day's routines by name, in the order done ("the evening and quick routines"). */
export function routineNames(t: Translate, routines: readonly string[]): string {
  const catalogue = catalogueFor(t.language);
  const names = routines
    .map((id) => catalogue.getRoutine(id)?.name)
    .filter((n): n is string => n !== undefined);
  const unique = names.filter((n, i) => names.indexOf(n) === i);
  if (unique.length === 0) return t('chart.unknownRoutine');
  const list =
    unique.length === 1
      ? unique[0]
      : t('common.list.two', { first: unique.slice(0, -1).join(', '), second: unique[unique.length - 1] });
  return t('chart.routines', { count: unique.length, names: list });
}

export type DayKey = 'both' | 'before' | 'after' | 'none' | 'empty';

/** Which sentence a day takes (`chart.detail.*` on screen, `chart.speech.day.*` spoken), and its values. */
export function dayWords(
  t: Translate,
  day: ChartDay | undefined,
): { key: DayKey; values: Record<string, string> } {
  if (!day) return { key: 'empty', values: {} };
  const values: Record<string, string> = { routines: routineNames(t, day.routines) };
  if (day.before !== undefined) values.before = String(day.before);
  if (day.after !== undefined) values.after = String(day.after);
  const key: DayKey =
    day.before !== undefined && day.after !== undefined
      ? 'both'
      : day.before !== undefined
        ? 'before'
        : day.after !== undefined
          ? 'after'
          : 'none';
  return { key, values };
}

/**
 * The spoken summary of the chart's days: how many days practised and the averages before and
 * after; on a screen, how to use it. The question that follows is the caller's.
 */
export function chartSummary(t: Translate, days: readonly ChartDay[], screen: boolean): string {
  const { before, after } = dayAverages(days);
  const average =
    before !== undefined && after !== undefined
      ? t('chart.speech.averageBoth', { before: String(before), after: String(after) })
      : before !== undefined
        ? t('chart.speech.averageBefore', { before: String(before) })
        : after !== undefined
          ? t('chart.speech.averageAfter', { after: String(after) })
          : '';
  return [
    t('chart.speech.days', { count: days.length, window: CHART_WINDOW }),
    average,
    screen ? t('chart.speech.touch') : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Why there is no chart yet: no scores, or fewer than three. */
export function tooFewScores(t: Translate, count: number): string {
  return count === 0 ? t('chart.speech.none') : t('chart.speech.tooFew', { count });
}

/** A touched day, spoken: its date, routines and scores. */
export function daySpeech(t: Translate, locale: string | undefined, date: string, day?: ChartDay): string {
  const { key, values } = dayWords(t, day);
  return t(`chart.speech.day.${key}`, { ...values, date: longDate(locale, date) });
}
