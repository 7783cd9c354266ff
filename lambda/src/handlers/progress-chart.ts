/**
 * "Show my progress" (issue 14): on a screen device, the last 28 days' pain scores as a chart with a
 * spoken summary; on a speaker, the summary. Both end with an offer of a routine. With fewer than
 * three scores there is no chart: the skill says so. A touched day of the chart (a UserEvent
 * `["progressDay", "YYYY-MM-DD"]`) is named by voice, and marked on the chart.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { chartDays, dateMs, daysBetween, scoreCount } from '../core/progress/chart-days';
import type { ScoreEntry } from '../core/progress/types';
import { isRecord } from '../core/record';
import { loadUser } from '../persistence/user-store';
import {
  CHART_WINDOW,
  chartSummary,
  daySpeech,
  MIN_CHART_SCORES,
  PROGRESS_DAY_EVENT,
  tooFewScores,
} from '../speech/progress-chart';
import { lastAnswerUsed, sessionAttributes, updateSession } from './conversation';
import type { GuideHandler } from './handler';
import { isIntent, localeOf, requestTime, requestType, translatorOf } from './input';
import { ask } from './reply';
import { readRoutine } from './routine/routine-attribute';
import { showProgressChart } from './screen';
import { USER_EVENT } from './screen-events';

/** The most check-ins read from one place (a year of a few a day); a longer list is not ours. */
const MAX_ENTRIES = 2000;

/** Score entries from an untrusted value: anything that is not a `ScoreEntry` is left out. */
export function scoreEntries(value: unknown): ScoreEntry[] {
  if (!Array.isArray(value)) return [];
  const entries: ScoreEntry[] = [];
  const score = (v: unknown) =>
    typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 10 ? v : undefined;
  for (const item of value.slice(0, MAX_ENTRIES)) {
    if (!isRecord(item) || dateMs(item.date) === undefined || typeof item.routine !== 'string') continue;
    if (item.routine === '' || item.routine.length > 100) continue;
    const entry: ScoreEntry = { date: item.date as string, routine: item.routine };
    const before = score(item.before);
    const after = score(item.after);
    if (before !== undefined) entry.before = before;
    if (after !== undefined) entry.after = after;
    entries.push(entry);
  }
  return entries;
}

/**
 * The user's check-ins: those stored in the user record's `scores` (kept with consent) and this
 * session's (session attribute `scores`, kept there without consent). The one place the chart
 * reads scores from. `ok` is false when the store could not be read.
 */
export async function readScoreHistory(h: HandlerInput): Promise<{ entries: ScoreEntry[]; ok: boolean }> {
  const { record, ok, configured } = await loadUser(h);
  const stored = scoreEntries(record.scores);
  const seen = new Set(stored.map((e) => JSON.stringify(e)));
  const session = scoreEntries(sessionAttributes(h).scores).filter((e) => !seen.has(JSON.stringify(e)));
  return { entries: [...stored, ...session], ok: ok || !configured };
}

/** Today as the request's date (`YYYY-MM-DD`, UTC): time is read from the request, never the clock. */
function todayOf(h: HandlerInput, entries: ScoreEntry[]): string | undefined {
  const ms = requestTime(h);
  if (ms !== undefined) return new Date(ms).toISOString().slice(0, 10);
  return entries
    .map((e) => e.date)
    .sort()
    .pop();
}

/**
 * The question that ends a chart turn: a routine, or, mid-routine, carrying on with it. Asked in
 * other words when the last answer asked it (never the same prompt twice in a row).
 */
function offerRoutine(
  h: HandlerInput,
  speech: string,
  offerKey: 'chart.speech.offer' | 'chart.speech.dayOffer',
): Response {
  const t = translatorOf(h);
  if (readRoutine(h).status === 'active') {
    const carryOn = t('routine.reprompt.paused');
    return ask(h, `${speech} ${carryOn}`, carryOn);
  }
  // "Yes" asks which routine; "no" says goodbye (the routine handlers answer this offer).
  const asked = lastAnswerUsed(h, offerKey) ? `${offerKey}Again` : offerKey;
  const reprompt =
    offerKey === 'chart.speech.dayOffer' ? 'chart.speech.dayReprompt' : 'chart.speech.reprompt';
  updateSession(h, { offer: { kind: 'another-routine' } });
  return ask(h, `${speech} ${t(asked)}`, t(reprompt));
}

export const ShowProgressIntentHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => isIntent(h, 'ShowProgressIntent'),
  async handle(h) {
    const t = translatorOf(h);
    const { entries, ok } = await readScoreHistory(h);
    const today = todayOf(h, entries);
    const count = today ? scoreCount(entries, today, CHART_WINDOW) : 0;
    if (!ok && count === 0) return offerRoutine(h, t('chart.speech.unavailable'), 'chart.speech.offer');
    if (!today || count < MIN_CHART_SCORES)
      return offerRoutine(h, tooFewScores(t, count), 'chart.speech.offer');
    const days = chartDays(entries, today, CHART_WINDOW);
    const shown = showProgressChart(h, days, today);
    return offerRoutine(h, chartSummary(t, days, shown), 'chart.speech.offer');
  },
};

/** The date a touched day's UserEvent names, when it is a real date; anything else is refused. */
function touchedDate(h: HandlerInput): string | undefined {
  const request: unknown = h.requestEnvelope.request;
  if (!isRecord(request) || !Array.isArray(request.arguments)) return undefined;
  const [kind, date] = request.arguments as unknown[];
  return kind === PROGRESS_DAY_EVENT && dateMs(date) !== undefined ? (date as string) : undefined;
}

export const ProgressDayEventHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle(h) {
    if (requestType(h) !== USER_EVENT) return false;
    const request: unknown = h.requestEnvelope.request;
    return (
      isRecord(request) && Array.isArray(request.arguments) && request.arguments[0] === PROGRESS_DAY_EVENT
    );
  },
  async handle(h) {
    const t = translatorOf(h);
    const { entries } = await readScoreHistory(h);
    const today = todayOf(h, entries);
    const date = touchedDate(h);
    const ago = date && today ? daysBetween(date, today) : undefined;
    if (!date || !today || ago === undefined || ago < 0 || ago >= CHART_WINDOW)
      return offerRoutine(h, t('chart.speech.notOnChart'), 'chart.speech.dayOffer');
    const days = chartDays(entries, today, CHART_WINDOW);
    const day = days.find((d) => d.date === date);
    // The chart comes back with the day marked, as on the screen that was touched.
    if (scoreCount(entries, today, CHART_WINDOW) >= MIN_CHART_SCORES) showProgressChart(h, days, today, date);
    return offerRoutine(h, daySpeech(t, localeOf(h), date, day), 'chart.speech.dayOffer');
  },
};

export const progressChartHandlers: GuideHandler[] = [ShowProgressIntentHandler, ProgressDayEventHandler];
