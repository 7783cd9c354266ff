/**
 * Guided routine handlers, in order. The routine's own intents are always handled here; Amazon's
 * built-in controls (pause, next, repeat, stop …) are claimed only while a routine is in progress,
 * paused, or its state came back broken, and otherwise left to the built-in handlers.
 */
import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { pauseAt, positionAt } from '../../core/routine/progress';
import type { Routine } from '../../core/types';
import { spokenPhrase } from '../../speech/bounded-text';
import { routineListSpeech } from '../../speech/routine';
import { speakableCode } from '../../speech/ssml';
import { currentOffer, lastPointCode, sessionAttributes, updateSession } from '../conversation';
import { SessionEndedRequestHandler, welcome } from '../builtin';
import { pointNotPressed, unknownPoint } from '../find-point';
import {
  catalogueOf,
  intentName,
  isIntent,
  readNeed,
  readPoint,
  readRoutineName,
  requestType,
  translatorOf,
} from '../input';
import {
  byRoutine,
  changeHoldLength,
  haltedChoice,
  lighterInRoutine,
  lostTrack,
  nextInRoutine,
  pauseRoutine,
  previousInRoutine,
  repeatInRoutine,
  resumeRoutine,
  routineHelp,
  skipInRoutine,
  startOverRoutine,
  stopRoutine,
  stopRulesAnswer,
  stopRulesInRoutine,
  timeLeftInRoutine,
} from './controls';
import { questionHandlers } from './questions';
import { hintQuestion } from '../safety/health';
import { saveUser } from '../../persistence/user-store';
import { offerResume, PROGRESS_FIELD, readSaved, resumeSaved, saveRoutineProgress } from './resume';
import { screeningYes } from './screening';
import { beginScreened, startScreened } from './start';
import { nowOf, readRoutine, ROUTINE_ATTRIBUTE, writeRoutine } from './routine-attribute';
import type { RoutineState } from '../../core/routine/progress';
import { ask, askKeys, sayAndEnd } from '../reply';
import type { GuideHandler } from '../handler';

export { startRoutine, startPointHold, beginScreened } from './start';
export { screeningYes } from './screening';
export { routineAudioInterceptor } from './routine-attribute';

/**
 * The routines, three at a time (`routine.list.*`): the first three in `speech`'s `{{list}}`, and
 * "…and four more. Want to hear them?" with the offer that reads on.
 */
function listRoutines(h: HandlerInput, speech: (list: string) => string, from = 0): Response {
  const t = translatorOf(h);
  const list = routineListSpeech(t, from);
  if (list.next === undefined) {
    updateSession(h, { offer: undefined });
    return ask(h, speech(list.speech), t('routine.unknownRoutineReprompt'));
  }
  updateSession(h, { offer: { kind: 'routine-list', from: list.next } });
  return ask(h, speech(list.speech), t('routine.list.moreReprompt'));
}

/** The routine the request asks for: by name, by need, the one just offered, else the general one. */
function routineFromRequest(h: HandlerInput): { routine?: Routine; problem?: Response } {
  const t = translatorOf(h);
  const unknown = (key: string, values: Record<string, unknown> = {}) => ({
    problem: listRoutines(h, (list) => t(key, { ...values, list })),
  });
  const named = readRoutineName(h);
  if (named.given) {
    if (named.found) return { routine: named.found };
    return named.spoken
      ? unknown('routine.unknownRoutine', { spoken: spokenPhrase(named.spoken) })
      : unknown('routine.unknownRoutineNoWords');
  }
  const { found: need, spoken, given } = readNeed(h);
  if (given) {
    if (!need) {
      return spoken
        ? unknown('routine.unknownNeedRoutine', { spoken: spokenPhrase(spoken) })
        : unknown('routine.unknownRoutineNoWords');
    }
    if (!need.inScope) return unknown('routine.outOfScope', { need: need.name });
    // "A routine for morning stiffness": one question about night pain before the morning routine.
    const hint = hintQuestion(h, spoken, need.id);
    if (hint) return { problem: hint };
    return { routine: catalogueOf(h).routineFor(need.id) ?? catalogueOf(h).getRoutine('general') };
  }
  const offer = currentOffer(h);
  const offered = offer?.kind === 'routine' ? catalogueOf(h).getRoutine(offer.routineId) : undefined;
  return { routine: offered ?? catalogueOf(h).getRoutine('general') };
}

export const StartRoutineIntentHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) => isIntent(h, 'StartRoutineIntent'),
  async handle(h) {
    const { routine, problem } = routineFromRequest(h);
    if (problem || !routine) return problem ?? lostTrack(h);
    return beginScreened(h, { type: 'routine', routineId: routine.id });
  },
};

export const TimeHoldIntentHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) => isIntent(h, 'TimeHoldIntent'),
  async handle(h) {
    const t = translatorOf(h);
    const slot = readPoint(h);
    const point = slot.given ? slot.found?.point : catalogueOf(h).getPoint(lastPointCode(h) ?? '');
    if (slot.given && !point) return unknownPoint(h, slot.spoken);
    if (!point) {
      return askKeys(h, 'routine.hold.whichPoint', 'routine.hold.whichPointReprompt');
    }
    if (!point.inRoutines) {
      return ask(
        h,
        t('routine.hold.notRoutinePoint', { code: speakableCode(point.code) }),
        t('find.unknownPointReprompt'),
      );
    }
    const refused = await pointNotPressed(h, point);
    if (refused) return refused;
    updateSession(h, { lastPoint: point.code });
    return beginScreened(h, { type: 'point', code: point.code });
  },
};

/** "Resume my routine" / "resume" with nothing in this session: the saved routine, if any. */
async function resumeFromStorage(h: HandlerInput): Promise<Response> {
  const saved = await readSaved(h);
  if ('ok' in saved && saved.ok) return beginScreened(h, { type: 'resume' });
  return resumeSaved(h);
}

/** A routine command with no routine in this session. */
const nothingRunning = (h: HandlerInput, key: string) => askKeys(h, key, 'routine.nothingRunningReprompt');

export const ResumeRoutineIntentHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) => isIntent(h, 'ResumeRoutineIntent'),
  handle: (h) =>
    byRoutine(
      h,
      (state) => haltedChoice(h) ?? resumeRoutine(h, state),
      () => resumeFromStorage(h),
    ),
};

/** "Yes" to the safety question, to a routine offer, to "carry on?", or "okay" between turns. */
export const RoutineYesHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle(h) {
    if (!isIntent(h, 'AMAZON.YesIntent')) return false;
    const offer = currentOffer(h);
    if (offer && offer.kind !== 'hold-again')
      return (
        offer.kind === 'screen' ||
        offer.kind === 'routine' ||
        offer.kind === 'resume' ||
        offer.kind === 'carry-on' ||
        offer.kind === 'another-routine' ||
        offer.kind === 'routine-list'
      );
    return offer?.kind === 'hold-again' || readRoutine(h).status !== 'none';
  },
  async handle(h) {
    const offer = currentOffer(h);
    if (offer?.kind === 'hold-again' && holdIsOver(h))
      return beginScreened(h, { type: 'point', code: offer.code });
    if (offer?.kind === 'screen') return screeningYes(h, offer.then);
    if (offer?.kind === 'routine') {
      const { routineId, breathingOnly } = offer;
      return beginScreened(h, { type: 'routine', routineId, ...(breathingOnly ? { breathingOnly } : {}) });
    }
    if (offer?.kind === 'resume') return beginScreened(h, { type: 'resume' });
    if (offer?.kind === 'routine-list') {
      const t = translatorOf(h);
      return listRoutines(h, (list) => t('routine.list.also', { list }), offer.from);
    }
    if (offer?.kind === 'another-routine') {
      // The routine played out: "yes" to another asks which (a bare yes names no routine).
      await endFinishedRoutine(h);
      updateSession(h, { offer: undefined });
      return askKeys(h, 'routine.another.which', 'routine.another.whichReprompt');
    }
    updateSession(h, { offer: undefined });
    const read = readRoutine(h);
    if (read.status !== 'active') return lostTrack(h);
    return haltedChoice(h) ?? nextInRoutine(h, read.state);
  },
};

/** After "Would you like another routine?": the routine that played out is forgotten. */
async function endFinishedRoutine(h: HandlerInput): Promise<void> {
  const read = readRoutine(h);
  if (read.status === 'none') return;
  writeRoutine(h, undefined);
  await saveUser(h, { [PROGRESS_FIELD]: undefined });
}

/** The timed hold has played to its end (or is gone), so "yes" answers "Want to do it again?". */
function holdIsOver(h: HandlerInput): boolean {
  const read = readRoutine(h);
  return read.status !== 'active' || positionAt(read.state, nowOf(h)).at === 'finished';
}

/** "No" to the safety question starts the routine; "no" to "carry on?" keeps the place for later. */
export const RoutineNoHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle(h) {
    const offer = currentOffer(h);
    return (
      isIntent(h, 'AMAZON.NoIntent') &&
      (offer?.kind === 'screen' ||
        offer?.kind === 'resume' ||
        offer?.kind === 'carry-on' ||
        offer?.kind === 'another-routine')
    );
  },
  async handle(h) {
    const offer = currentOffer(h);
    if (offer?.kind === 'another-routine') {
      await endFinishedRoutine(h);
      updateSession(h, { offer: undefined });
      return sayAndEnd(h, translatorOf(h)('common.goodbye'));
    }
    if (offer?.kind === 'screen') return startScreened(h, offer.then);
    if (offer?.kind === 'carry-on') {
      // The re-planned routine stays paused where it is; "resume" or "stop" are the user's to say.
      updateSession(h, { offer: undefined });
      return askKeys(h, 'routine.replan.declined', 'routine.reprompt.paused');
    }
    updateSession(h, { offer: undefined });
    return askKeys(h, 'routine.resume.declined', 'common.launch.reprompt');
  },
};

/** Amazon's built-in intents that control a routine in progress, and what each does. */
const ROUTINE_CONTROLS: Record<
  string,
  (h: HandlerInput, state: RoutineState) => Response | Promise<Response>
> = {
  'AMAZON.PauseIntent': pauseRoutine,
  'AMAZON.ResumeIntent': resumeRoutine,
  'AMAZON.NextIntent': nextInRoutine,
  'AMAZON.PreviousIntent': previousInRoutine,
  'AMAZON.RepeatIntent': repeatInRoutine,
  'AMAZON.StartOverIntent': startOverRoutine,
  'AMAZON.StopIntent': stopRoutine,
  'AMAZON.CancelIntent': stopRoutine,
  'AMAZON.HelpIntent': routineHelp,
};

/** Amazon's controls while a routine is in progress or paused (or its state came back broken). */
export const RoutineControlHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) => isIntent(h, ...Object.keys(ROUTINE_CONTROLS)) && readRoutine(h).status !== 'none',
  handle(h) {
    const read = readRoutine(h);
    const control = ROUTINE_CONTROLS[intentName(h) ?? ''];
    if (read.status !== 'active' || !control) return lostTrack(h);
    const halted = isIntent(h, 'AMAZON.ResumeIntent', 'AMAZON.NextIntent') ? haltedChoice(h) : undefined;
    return halted ?? control(h, read.state);
  },
};

/** Next, previous, start over, pause and resume with no routine in this session. */
export const IdleRoutineControlHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) =>
    isIntent(
      h,
      'AMAZON.ResumeIntent',
      'AMAZON.NextIntent',
      'AMAZON.PreviousIntent',
      'AMAZON.StartOverIntent',
      'AMAZON.PauseIntent',
    ),
  handle(h) {
    if (isIntent(h, 'AMAZON.ResumeIntent')) return resumeFromStorage(h);
    // "Wait" with nothing playing: nothing to pause, and no reason to end the session.
    if (isIntent(h, 'AMAZON.PauseIntent')) return nothingRunning(h, 'controls.pauseNone');
    return nothingRunning(h, 'routine.nothingRunning');
  },
};

/** A routine command: with a routine in progress it runs, without one `noneKey` says so. */
function routineCommand(
  intent: string,
  run: (h: HandlerInput, state: RoutineState) => Promise<Response>,
  noneKey: string,
): GuideHandler {
  return {
    duringRoutine: 'continues',
    canHandle: (h) => isIntent(h, intent),
    handle: (h) =>
      byRoutine(
        h,
        (state) => run(h, state),
        () => nothingRunning(h, noneKey),
      ),
  };
}

export const SkipPointIntentHandler = routineCommand('SkipPointIntent', skipInRoutine, 'routine.skip.none');

/** "Carry on lighter" (one of the choices after a stop-rule symptom): light pressure from now on. */
export const LighterPressureIntentHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) => isIntent(h, 'LighterPressureIntent'),
  handle(h) {
    const read = readRoutine(h);
    if (read.status === 'broken') return lostTrack(h);
    return lighterInRoutine(h, read.status === 'active' ? read.state : undefined);
  },
};

/** "When should I stop?": the stop rules, any time; mid-hold the routine then carries on. */
export const StopRulesIntentHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) => isIntent(h, 'StopRulesIntent'),
  handle(h) {
    const read = readRoutine(h);
    return read.status === 'active' ? stopRulesInRoutine(h, read.state) : stopRulesAnswer(h);
  },
};

export const TimeLeftIntentHandler = routineCommand(
  'TimeLeftIntent',
  timeLeftInRoutine,
  'routine.timeLeft.none',
);

export const HoldLengthIntentHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) => isIntent(h, 'ShorterHoldsIntent', 'LongerHoldsIntent'),
  handle(h) {
    const read = readRoutine(h);
    if (read.status === 'broken') return lostTrack(h);
    const direction = isIntent(h, 'ShorterHoldsIntent') ? 'shorter' : 'longer';
    return changeHoldLength(h, direction, read.status === 'active' ? read.state : undefined);
  },
};

/** Launch with an unfinished routine saved: the usual welcome, then the offer to carry on. */
export const RoutineLaunchHandler: GuideHandler = {
  duringRoutine: 'continues',
  async canHandle(h) {
    if (requestType(h) !== 'LaunchRequest') return false;
    const saved = await readSaved(h);
    return 'ok' in saved && saved.ok;
  },
  async handle(h) {
    const saved = await readSaved(h);
    if (!('ok' in saved && saved.ok)) return resumeSaved(h);
    const offer = await offerResume(h, saved.value);
    return ask(h, await welcome(h, offer.speech), offer.reprompt);
  },
};

/** The session ends (timeout, "Alexa, stop" outside the skill, an error): the place is saved. */
export const RoutineSessionEndedHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) => requestType(h) === 'SessionEndedRequest' && ROUTINE_ATTRIBUTE in sessionAttributes(h),
  async handle(h) {
    const read = readRoutine(h);
    if (read.status === 'active') await saveRoutineProgress(h, read.state);
    return SessionEndedRequestHandler.handle(h);
  },
};

export const routineHandlers: GuideHandler[] = [
  ...questionHandlers,
  RoutineLaunchHandler,
  RoutineSessionEndedHandler,
  StartRoutineIntentHandler,
  TimeHoldIntentHandler,
  ResumeRoutineIntentHandler,
  RoutineYesHandler,
  RoutineNoHandler,
  RoutineControlHandler,
  IdleRoutineControlHandler,
  SkipPointIntentHandler,
  LighterPressureIntentHandler,
  StopRulesIntentHandler,
  TimeLeftIntentHandler,
  HoldLengthIntentHandler,
];

/**
 * Registers a handler so that, when it `pauses` a routine (see `GuideHandler`), a routine whose turn
 * was playing when the request arrived (the user asked something else mid-hold, which stops the
 * audio) is paused at that moment before the handler answers, so "resume" picks up exactly there.
 */
export function pausingRoutine(handler: GuideHandler): RequestHandler {
  return {
    canHandle: (h) => handler.canHandle(h),
    handle(h) {
      const during =
        typeof handler.duringRoutine === 'function' ? handler.duringRoutine(h) : handler.duringRoutine;
      if (during === 'pauses' && intentName(h) !== undefined) pausePlaying(h);
      return handler.handle(h);
    },
  };
}

function pausePlaying(h: HandlerInput): void {
  const read = readRoutine(h);
  if (read.status !== 'active' || read.state.paused) return;
  const now = nowOf(h);
  const at = positionAt(read.state, now).at;
  if (at === 'announcing' || at === 'holding') writeRoutine(h, pauseAt(read.state, now));
}
