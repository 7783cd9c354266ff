/**
 * Pain check-ins (issue 14): the answer to the question before a routine and to "And now?" after
 * it, the off-scale check, the short red-flag question after a 9 or 10 (or pain clearly worse), the
 * one-time consent question, "stop asking about pain", the spoken trend ("how am I doing", "how was
 * my week", "what helped me most"), the returning welcome that knows the last routine, and the 4–6
 * week sentence (reference section 4). Sentences come from speech/progress.ts; figures from
 * core/progress. A score is never logged.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { scoreReaderFor, type ScoreReading } from '../../core/progress/score';
import { MIN_SCORES_FOR_TREND, reviewDue, scoreCount, trendOf } from '../../core/progress/trend';
import type { ScoreEntry } from '../../core/progress/types';
import { withEntry, type ProgressHistory } from '../../core/progress/history';
import { isRecord } from '../../core/record';
import {
  bestSpeech,
  lastTimeSpeech,
  overallSpeech,
  resultSpeech,
  reviewSpeech,
  routineName,
  weekSpeech,
} from '../../speech/progress';
import { loadUser } from '../../persistence/user-store';
import { lastAnswerUsed, updateSession, type ScreenedStart } from '../conversation';
import { catalogueOf, isIntent, readSlot, requestType, translatorOf } from '../input';
import { ask, sayAndEnd } from '../reply';
import type { GuideHandler } from '../handler';
import { beginScreened } from '../routine/start';
import { screeningYes } from '../routine/screening';
import { nowOf, readRoutine, SCREENED_ATTRIBUTE, writeRoutine } from '../routine/routine-attribute';
import { positionAt } from '../../core/routine/progress';
import {
  consentOf,
  keepEntry,
  knownScores,
  patchCheckIn,
  readCheckIn,
  storedCheckIns,
  todayOf,
  updateStored,
  type CheckIn,
} from './state';

export { dropStaleQuestion } from './state';

/** A score of this or more gets the caring line and the short red-flag question. */
export const HIGH_SCORE = 9;
/** After a routine, this many points higher counts as clearly worse. */
export const WORSE_BY = 2;

/** Said while a check-in score is pending, these answers mean "skip it". */
const SKIP_INTENTS = [
  'PainSkipIntent',
  'AMAZON.NoIntent',
  'AMAZON.NextIntent',
  'SkipPointIntent',
  'GoOnIntent',
];
/** These mean "I can't say": asked once more, then skipped. */
const UNSURE_INTENTS = ['AMAZON.FallbackIntent', 'AMAZON.YesIntent'];

/** The score the user said: the number slot, or an age said as "I'm 6" (HealthStatementIntent). */
function spokenScore(h: HandlerInput): ScoreReading {
  const slot = readSlot(h, isIntent(h, 'HealthStatementIntent') ? 'age' : 'score');
  // Number words in the request's language: "sechseinhalb", "moins deux", "seis de diez".
  return scoreReaderFor(catalogueOf(h).spoken).read(slot.spoken);
}

/** "I'm 6" while a score is asked: only an age, with no health words (those go to the safety feature). */
function onlyAnAge(h: HandlerInput): boolean {
  if (!isIntent(h, 'HealthStatementIntent')) return false;
  return (
    readSlot(h, 'age').spoken !== undefined &&
    ['statement', 'state', 'other'].every((name) => readSlot(h, name).spoken === undefined)
  );
}

/** The routine has played out (or is gone), so "And now?" has been asked. */
function routineOverOrNone(h: HandlerInput): boolean {
  const read = readRoutine(h);
  if (read.status === 'none') return true;
  return read.status === 'active' && positionAt(read.state, nowOf(h)).at === 'finished';
}

function thenOf(checkIn: CheckIn): Extract<ScreenedStart, { type: 'routine' }> {
  return {
    type: 'routine',
    routineId: checkIn.routine ?? 'general',
    ...(checkIn.breathingOnly ? { breathingOnly: true as const } : {}),
  };
}

/** `lead` said before whatever the response already says (SSML from `t()` calls). */
function withLead(response: Response, lead: string): Response {
  if (!lead) return response;
  const speech = response.outputSpeech;
  if (speech && speech.type === 'SSML') {
    const inner = speech.ssml.replace(/^<speak>/, '').replace(/<\/speak>$/, '');
    return { ...response, outputSpeech: { type: 'SSML', ssml: `<speak>${lead} ${inner}</speak>` } };
  }
  return { ...response, outputSpeech: { type: 'SSML', ssml: `<speak>${lead}</speak>` } };
}

/** Goes on with the routine that was waiting for the score before it. */
async function goOnBefore(h: HandlerInput, lead: string): Promise<Response> {
  const then = thenOf(readCheckIn(h));
  patchCheckIn(h, { asking: undefined, stage: undefined, again: undefined, confirm: undefined });
  return withLead(await beginScreened(h, then), lead);
}

/** The question after the routine's result: consent once, else another routine (with the 4–6 week sentence when due). */
async function afterResult(h: HandlerInput, said: string[]): Promise<Response> {
  const t = translatorOf(h);
  const checkIn = readCheckIn(h);
  const entry: ScoreEntry = { date: todayOf(h), routine: checkIn.routine ?? 'general' };
  if (checkIn.before !== undefined) entry.before = checkIn.before;
  if (checkIn.after !== undefined) entry.after = checkIn.after;
  const { configured } = await loadUser(h);
  const consent = await consentOf(h);
  const hasScore = entry.before !== undefined || entry.after !== undefined;
  if (hasScore) await keepEntry(h, entry);
  // This routine's check-in is done: the next routine this session has none (never asked twice).
  patchCheckIn(h, { before: undefined, after: undefined, again: undefined, confirm: undefined });
  updateSession(h, { offer: { kind: 'another-routine' } });
  if (hasScore && consent === undefined && configured) {
    patchCheckIn(h, { asking: 'consent', stage: undefined });
    return ask(h, [...said, t('progress.consent.ask')].join(' '), t('progress.consent.reprompt'));
  }
  patchCheckIn(h, { asking: undefined, stage: undefined });
  const review = await reviewIfDue(h);
  return ask(
    h,
    [...said, review, t('progress.next')].filter(Boolean).join(' '),
    t('routine.another.reprompt'),
  );
}

/** The 4–6 week sentence when due (and then remembered as said), else ''. */
async function reviewIfDue(h: HandlerInput): Promise<string> {
  const checkIn = readCheckIn(h);
  if (checkIn.reviewed) return '';
  const { history, ok } = await storedCheckIns(h);
  if (!ok || history.consent !== 'yes') return '';
  const today = todayOf(h);
  if (!reviewDue(history.scores, today, history.reviewed)) return '';
  patchCheckIn(h, { reviewed: true });
  await updateStored(h, (stored) => ({ ...stored, reviewed: today }));
  return reviewSpeech(translatorOf(h));
}

/** A score on the scale for the question being answered. */
async function scoreGiven(h: HandlerInput, stage: 'before' | 'after', score: number, rounded: boolean) {
  const t = translatorOf(h);
  const checkIn = readCheckIn(h);
  const heard = rounded ? t('progress.heard.rounded', { score }) : t('progress.heard.score');
  if (stage === 'before') {
    patchCheckIn(h, { before: score });
    if (score >= HIGH_SCORE) {
      patchCheckIn(h, { asking: 'flag', stage: 'before', confirm: undefined, again: undefined });
      return ask(
        h,
        `${t('progress.high.before')} ${t('progress.high.question')}`,
        t('progress.high.reprompt'),
      );
    }
    // A plain score needs no words of its own: the next question shows it was heard (and keeps a
    // returning user's talk before the first press within 20 s); a rounded one is said back.
    return goOnBefore(h, rounded ? heard : '');
  }
  patchCheckIn(h, { after: score });
  const before = checkIn.before;
  const lead = rounded ? [heard] : [];
  if (before !== undefined && (score >= HIGH_SCORE || score - before >= WORSE_BY)) {
    // One caring line and the short red-flag question; no other routine is offered.
    const caring =
      score > before
        ? t('progress.high.after', { before, after: score })
        : t('progress.high.afterStill', { before, after: score });
    patchCheckIn(h, { asking: 'flag', stage: 'after', confirm: undefined, again: undefined });
    updateSession(h, { offer: undefined });
    return ask(h, [...lead, caring, t('progress.high.question')].join(' '), t('progress.high.reprompt'));
  }
  return afterResult(h, [
    ...lead,
    before !== undefined ? resultSpeech(t, before, score) : t('progress.heard.score'),
  ]);
}

/** The score skipped ("skip", silence's "no", a second "I don't know"). */
async function skipped(h: HandlerInput, stage: 'before' | 'after'): Promise<Response> {
  const t = translatorOf(h);
  // Before a routine a skip says nothing of its own: the routine (or its safety question) follows at once.
  if (stage === 'before') return goOnBefore(h, '');
  return afterResult(h, [t('progress.heard.skipped')]);
}

/** The answer to "how is your back?" (before or after). */
async function answerScore(h: HandlerInput, stage: 'before' | 'after'): Promise<Response> {
  const t = translatorOf(h);
  const checkIn = readCheckIn(h);
  if (isIntent(h, ...SKIP_INTENTS)) return skipped(h, stage);
  const reading: ScoreReading = isIntent(h, ...UNSURE_INTENTS) ? { kind: 'none' } : spokenScore(h);
  if (reading.kind === 'score') return scoreGiven(h, stage, reading.score, reading.rounded);
  if (reading.kind === 'off-scale') {
    patchCheckIn(h, { asking: 'confirm', stage, confirm: reading.nearest });
    return ask(
      h,
      t(reading.nearest === 0 ? 'progress.offScale.low' : 'progress.offScale.high'),
      t('progress.offScale.reprompt', { score: reading.nearest }),
    );
  }
  // "I don't know", "ouch": once more in other words, then skipped.
  if (checkIn.again) return skipped(h, stage);
  patchCheckIn(h, { asking: stage, stage, again: true });
  return ask(h, t('progress.ask.again'), t('progress.ask.againReprompt'));
}

/** A check-in question is pending and this request answers it. */
function answersCheckIn(h: HandlerInput): boolean {
  if (requestType(h) !== 'IntentRequest') return false;
  const { asking } = readCheckIn(h);
  if (asking === 'before' || (asking === 'after' && routineOverOrNone(h)))
    return (
      isIntent(h, 'PainScoreIntent', ...SKIP_INTENTS, ...UNSURE_INTENTS) ||
      (onlyAnAge(h) && asking !== undefined)
    );
  if (asking === 'confirm')
    return (
      isIntent(h, 'AMAZON.YesIntent', 'AMAZON.NoIntent', 'PainScoreIntent', 'PainSkipIntent') || onlyAnAge(h)
    );
  if (asking === 'flag' || asking === 'consent') return isIntent(h, 'AMAZON.YesIntent', 'AMAZON.NoIntent');
  return false;
}

export const CheckInAnswerHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: answersCheckIn,
  async handle(h) {
    const t = translatorOf(h);
    const checkIn = readCheckIn(h);
    const stage = checkIn.stage ?? (checkIn.asking === 'after' ? 'after' : 'before');
    const yes = isIntent(h, 'AMAZON.YesIntent');
    switch (checkIn.asking) {
      case 'before':
      case 'after':
        return answerScore(h, checkIn.asking);
      case 'confirm': {
        if (isIntent(h, 'PainScoreIntent', 'HealthStatementIntent')) return answerScore(h, stage);
        if (isIntent(h, 'PainSkipIntent')) return skipped(h, stage);
        if (yes && checkIn.confirm !== undefined) return scoreGiven(h, stage, checkIn.confirm, false);
        patchCheckIn(h, { asking: stage, stage, confirm: undefined });
        return ask(h, t('progress.offScale.which'), t('progress.offScale.whichReprompt'));
      }
      case 'flag':
        return flagAnswered(h, stage, yes);
      case 'consent':
        return consentAnswered(h, yes);
      default:
        return ask(h, t('common.fallback.speech'), t('common.fallback.reprompt'));
    }
  },
};

/** The short red-flag question: yes goes to the safety feature's triage; no never starts a routine by itself. */
async function flagAnswered(h: HandlerInput, stage: 'before' | 'after', yes: boolean): Promise<Response> {
  const t = translatorOf(h);
  const checkIn = readCheckIn(h);
  patchCheckIn(h, { asking: undefined, stage: undefined });
  if (yes) {
    if (stage === 'before') return screeningYes(h, thenOf(checkIn));
    updateSession(h, { offer: undefined, [SCREENED_ATTRIBUTE]: 'yes' });
    return ask(h, t('routine.screen.which'), t('routine.screen.whichReprompt'));
  }
  if (stage === 'before') {
    const routine = routineName(t, checkIn.routine ?? 'general');
    const then = thenOf(checkIn);
    updateSession(h, {
      offer: {
        kind: 'routine',
        routineId: then.routineId,
        ...(then.breathingOnly ? { breathingOnly: true } : {}),
      },
    });
    return ask(h, t('progress.high.noBefore', { routine }), t('progress.high.noBeforeReprompt', { routine }));
  }
  // After a routine that left the pain worse: keep the scores (as agreed), rest, and end.
  const entry: ScoreEntry = { date: todayOf(h), routine: checkIn.routine ?? 'general' };
  if (checkIn.before !== undefined) entry.before = checkIn.before;
  if (checkIn.after !== undefined) entry.after = checkIn.after;
  await keepEntry(h, entry);
  patchCheckIn(h, { before: undefined, after: undefined });
  writeRoutine(h, undefined);
  updateSession(h, { offer: undefined });
  return sayAndEnd(h, t('progress.high.noAfter', { who: t('safety.review.who') }));
}

async function consentAnswered(h: HandlerInput, yes: boolean): Promise<Response> {
  const t = translatorOf(h);
  const checkIn = readCheckIn(h);
  const today = todayOf(h);
  // With a yes, this session's scores go into the store (merged with what is there at the moment of writing).
  const pending = yes ? (checkIn.scores ?? []) : [];
  const saved = await updateStored(h, (history) =>
    yes
      ? pending.reduce<ProgressHistory>((next, entry) => withEntry(next, entry, today), {
          ...history,
          consent: 'yes',
        })
      : { ...history, consent: 'no' as const, scores: [] },
  );
  // Once stored, the session's copies go; with a no (or a failed save) they stay in the session only.
  patchCheckIn(h, {
    asking: undefined,
    consent: saved ? (yes ? 'yes' : 'no') : undefined,
    scores: yes && saved ? undefined : checkIn.scores,
  });
  updateSession(h, { offer: { kind: 'another-routine' } });
  const answer = !saved
    ? t('progress.consent.unsaved')
    : t(yes ? 'progress.consent.yes' : 'progress.consent.no');
  return ask(h, `${answer} ${t('progress.next')}`, t('routine.another.reprompt'));
}

/** A score said when no check-in was asked: kept as the score before the next routine, which is offered. */
export const UnaskedScoreHandler: GuideHandler = {
  duringRoutine: 'pauses',
  // Not mid-routine (a number there is not an answer to anything): before one, or after it played out.
  canHandle: (h) => isIntent(h, 'PainScoreIntent') && routineOverOrNone(h),
  handle(h) {
    const t = translatorOf(h);
    const reading = spokenScore(h);
    const checkIn = readCheckIn(h);
    // A 9 or 10: the caring line and the short red-flag question, never a routine offered on top.
    if (reading.kind === 'score' && reading.score >= HIGH_SCORE) {
      updateSession(h, { offer: undefined });
      patchCheckIn(h, {
        asked: true,
        before: reading.score,
        routine: 'general',
        asking: 'flag',
        stage: 'before',
      });
      return ask(
        h,
        `${t('progress.high.before')} ${t('progress.high.question')}`,
        t('progress.high.reprompt'),
      );
    }
    if (reading.kind === 'score' && !checkIn.asked)
      patchCheckIn(h, { asked: true, before: reading.score, after: undefined });
    updateSession(h, { offer: { kind: 'routine', routineId: 'general' } });
    return ask(h, t('progress.unasked'), t('progress.unaskedReprompt'));
  },
};

/** "Stop asking about pain" / "ask about my pain again": remembered in the record (not health data). */
export const CheckInSwitchHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => isIntent(h, 'StopPainQuestionsIntent', 'StartPainQuestionsIntent'),
  async handle(h) {
    const t = translatorOf(h);
    const off = isIntent(h, 'StopPainQuestionsIntent');
    const waiting = readCheckIn(h).asking === 'before';
    patchCheckIn(h, { off: off ? true : undefined, asked: off ? true : undefined });
    const { ok } = await loadUser(h);
    const saved = ok ? await updateStored(h, (history) => ({ ...history, off })) : false;
    const notice = saved || !ok ? '' : t('common.storage.unavailable');
    // Said while the question before a routine was waiting: the routine goes ahead.
    if (off && waiting)
      return goOnBefore(h, [t('progress.checkIns.offShort'), notice].filter(Boolean).join(' '));
    const speech = [t(off ? 'progress.checkIns.off' : 'progress.checkIns.on'), notice].filter(Boolean);
    return ask(h, speech.join(' '), t('progress.checkIns.reprompt'));
  },
};

/** "How am I doing", "how was my week", "what helped me most": the user's own numbers. */
export const TrendHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => isIntent(h, 'ProgressIntent', 'ProgressWeekIntent', 'ProgressBestIntent'),
  async handle(h) {
    const t = translatorOf(h);
    const scores = await knownScores(h);
    const count = scoreCount(scores);
    if (count < MIN_SCORES_FOR_TREND) {
      updateSession(h, { offer: { kind: 'routine', routineId: 'general' } });
      const speech = count === 0 ? t('progress.trend.none') : t('progress.trend.few', { count });
      return ask(h, speech, t('progress.trend.fewReprompt'));
    }
    updateSession(h, { offer: undefined });
    const trend = trendOf(scores, todayOf(h));
    const answer = isIntent(h, 'ProgressWeekIntent')
      ? weekSpeech(t, trend)
      : isIntent(h, 'ProgressBestIntent')
        ? bestSpeech(t, trend)
        : overallSpeech(t, trend);
    const review = await reviewIfDue(h);
    return ask(
      h,
      [answer, review, t('progress.trend.next')].filter(Boolean).join(' '),
      t('progress.trend.reprompt'),
    );
  },
};

/**
 * Launch with stored check-ins: "Welcome back. Last time: the sciatica routine, 6 down to 4. Same
 * again?" (yes starts it, after the short safety line). When the 4–6 week sentence is due it is said
 * instead of the last-time line, within the same short welcome.
 */
export const ProgressLaunchHandler: GuideHandler = {
  duringRoutine: 'continues',
  async canHandle(h) {
    if (requestType(h) !== 'LaunchRequest') return false;
    const { record, ok } = await loadUser(h);
    if (!ok || record.welcomed !== true) return false;
    const { history } = await storedCheckIns(h);
    return history.consent === 'yes' && history.scores.length > 0;
  },
  async handle(h) {
    const t = translatorOf(h);
    const { history } = await storedCheckIns(h);
    const last = history.scores[history.scores.length - 1];
    const review = await reviewIfDue(h);
    if (review || !last || !catalogueOf(h).getRoutine(last.routine)) {
      updateSession(h, { offer: undefined });
      const speech = [t('common.launch.welcomeBack'), review, t('progress.welcome.ask')].filter(Boolean);
      return ask(h, speech.join(' '), t('common.launch.reprompt'));
    }
    updateSession(h, { offer: { kind: 'routine', routineId: last.routine } });
    const routine = routineName(t, last.routine);
    const speech = [t('common.launch.welcomeBack'), lastTimeSpeech(t, last), t('progress.welcome.same')];
    return ask(h, speech.join(' '), t('progress.welcome.sameReprompt', { routine }));
  },
};

/**
 * A bare number said right after the skill asked for an age ("If I misheard, how old are you?")
 * reaches the model's number intent: it is the age, for the safety feature.
 */
export function ageAnswerAsScore(h: HandlerInput): boolean {
  return (
    isIntent(h, 'PainScoreIntent') &&
    readCheckIn(h).asking === undefined &&
    lastAnswerUsed(h, 'safety.triage.adultsOnly')
  );
}

export const AgeNumberInterceptor = {
  process(h: HandlerInput): void {
    if (!ageAnswerAsScore(h)) return;
    const request = h.requestEnvelope.request as unknown as Record<string, unknown>;
    const intent = isRecord(request.intent) ? request.intent : {};
    const slots = isRecord(intent.slots) ? intent.slots : {};
    const score = isRecord(slots.score) ? slots.score : {};
    const age = { ...score, name: 'age' };
    const health = {
      ...request,
      intent: { name: 'HealthStatementIntent', confirmationStatus: 'NONE', slots: { age } },
    };
    h.requestEnvelope = { ...h.requestEnvelope, request: health } as unknown as typeof h.requestEnvelope;
  },
};

/** Handlers that answer a pending check-in come before every other (the red-flag words still win: see skill.ts). */
export const checkInAnswerHandlers: GuideHandler[] = [CheckInAnswerHandler];
/** "Pass", "no score" with no check-in asked: nothing to skip, so what next. */
export const IdleSkipHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => isIntent(h, 'PainSkipIntent'),
  handle(h) {
    const t = translatorOf(h);
    updateSession(h, { offer: undefined });
    return ask(h, t('common.home.speech'), t('common.launch.reprompt'));
  },
};

export const progressHandlers: GuideHandler[] = [
  CheckInSwitchHandler,
  TrendHandler,
  UnaskedScoreHandler,
  IdleSkipHandler,
];
