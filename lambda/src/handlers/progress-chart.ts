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
import { readCheckIn, storedCheckIns, todayOf } from './progress/state';
import {
  CHART_WINDOW,
  chartSummary,
  daySpeech,
  MIN_CHART_SCORES,
  PROGRESS_DAY_EVENT,
  tooFewScores,
} from '../speech/progress-chart';
import { lastAnswerUsed, updateSession } from './conversation';
import type { GuideHandler } from './handler';
import { isIntent, localeOf, requestType, translatorOf } from './input';
import { ask } from './reply';
import { readRoutine } from './routine/routine-attribute';
import { showProgressChart } from './screen';
import { USER_EVENT } from './screen-events';

/**
 * The user's check-ins: the stored ones (the record's `progress`, kept with consent, migrated and
 * repaired on read), otherwise this session's (kept in the check-in session attribute). The one
 * place the chart reads scores from. `ok` is false when the store could not be read.
 */
export async function readScoreHistory(h: HandlerInput): Promise<{ entries: ScoreEntry[]; ok: boolean }> {
  const { history, ok, configured } = await storedCheckIns(h);
  const entries = history.consent === 'yes' ? history.scores : (readCheckIn(h).scores ?? []);
  return { entries, ok: ok || !configured };
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
    const today = todayOf(h);
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
    const today = todayOf(h);
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
