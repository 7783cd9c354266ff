/**
 * Control during a routine: pause, resume, next, go back, repeat, start over, skip, how long is
 * left, shorter or longer holds, stop. Each works out where the user is from the time elapsed since
 * the turn began, then answers and (where it makes sense) carries on playing from there, since any
 * interruption stops the audio that was playing.
 *
 * These functions take a valid state; the handlers in ./index.ts decide when a routine is in
 * progress. They are exported so other inputs (the routine screen's Pause and Next buttons) can
 * call them directly.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { rescalePlan, stepHoldScale } from '../../core/routine/plan';
import { lightenPlan } from '../../core/safety';
import {
  carryHeldTime,
  nextSourceIndex,
  pauseAt,
  positionAt,
  resumable,
  resumePointOf,
  STATE_VERSION,
  type ResumePoint,
  type RoutinePosition,
  type RoutineState,
} from '../../core/routine/progress';
import { saveUser } from '../../persistence/user-store';
import { routineHelpSpeech } from '../../speech/controls';
import { formatDuration } from '../../speech/duration';
import { routinePhrasebook, stepWhat } from '../../speech/routine-cues';
import {
  fullStopRules,
  pausedSpeech,
  routineLeftSpeech,
  spokenSeconds,
  stoppedSpeech,
} from '../../speech/routine';
import { lastAnswerUsed } from '../conversation';
import { catalogueOf, translatorOf } from '../input';
import { offerAnotherRoutine, offerHoldAgain, playTurn } from './respond';
import { saveRoutineProgress, PROGRESS_FIELD } from './resume';
import { holdScaleOf } from './start';
import { nowOf, readRoutine, writeRoutine } from './routine-attribute';
import { ask, askKeys, sayAndEnd } from '../reply';
import { patchSafety, readSafety } from '../safety/health-profile';
import { endingPhrasebook } from '../progress/questions';

/** The routine is over: say its closing words, forget it, and clear any saved progress. */
async function finishRoutine(h: HandlerInput, state: RoutineState, lead: string[] = []): Promise<Response> {
  const t = translatorOf(h);
  writeRoutine(h, undefined);
  if (state.plan.source.type === 'routine') await saveUser(h, { [PROGRESS_FIELD]: undefined });
  const closing = endingPhrasebook(h, routinePhrasebook(t))({ type: 'finished', plan: state.plan });
  // The closing words ask one question ("Want to do it again?" after a timed hold, "Would you like
  // another routine?" after a routine), so the session stays open for the answer.
  h.responseBuilder.speak([...lead, closing].join(' '));
  if (state.plan.source.type === 'point') offerHoldAgain(h, state.plan.source.code);
  else offerAnotherRoutine(h, state.plan.source.id);
  return h.responseBuilder.getResponse();
}

function finishedAlready(h: HandlerInput): Response {
  writeRoutine(h, undefined);
  return askKeys(h, 'routine.finishedAlready', 'routine.nothingRunningReprompt');
}

/** Plays from `point`, or closes the routine when it is past the last hold. */
function playFrom(
  h: HandlerInput,
  state: RoutineState,
  point: ResumePoint,
  lead: string[] = [],
  order?: 'again' | 'first',
) {
  if (point.index >= state.plan.steps.length) return finishRoutine(h, state, lead);
  return playTurn(h, state.plan, point, { lead, order });
}

/** "Pause": remembers what is left of the hold, saves progress, and waits. */
export async function pauseRoutine(h: HandlerInput, state: RoutineState): Promise<Response> {
  const t = translatorOf(h);
  const now = nowOf(h);
  if (positionAt(state, now).at === 'finished') return finishedAlready(h);
  const paused = pauseAt(state, now);
  if (paused.paused && paused.paused.index >= paused.plan.steps.length) return finishRoutine(h, paused);
  writeRoutine(h, paused);
  const saved = await saveRoutineProgress(h, paused);
  const where = paused.paused ? pausedSpeech(t, paused.plan, paused.paused, 'paused') : '';
  const speech = [where, saved ? '' : t('common.storage.unavailable')];
  return ask(h, speech.filter(Boolean).join(' '), t('routine.reprompt.paused'));
}

/** "Resume" / "continue": the rest of a paused or interrupted hold, then on through the routine. */
export async function resumeRoutine(h: HandlerInput, state: RoutineState): Promise<Response> {
  const point = resumePointOf(positionAt(state, nowOf(h)));
  if (!point) return finishedAlready(h);
  return playFrom(h, state, resumable(state.plan, point));
}

/**
 * "Continue", "ok go", "ready": mid-hold the hold carries on where it is (never skipped); paused,
 * the rest of the hold; between holds, the next one.
 */
export async function goOnInRoutine(h: HandlerInput, state: RoutineState): Promise<Response> {
  const position = positionAt(state, nowOf(h));
  if (position.at === 'holding' || position.at === 'announcing')
    return playFrom(h, state, carryOnPoint(state, position));
  return resumeRoutine(h, state);
}

/**
 * Where a hold that was playing carries on. While a resumed hold is still being announced ("Back to
 * B L 23…"), its remainder is the resumed turn's hold (the position carries it), not the whole hold
 * again: two questions a few seconds apart never give the time already held back.
 */
function carryOnPoint(state: RoutineState, position: RoutinePosition & { index: number }): ResumePoint {
  return resumable(state.plan, resumePointOf(position) ?? { index: position.index });
}

/**
 * An answer said in the middle of a routine, then the routine where it was: mid-hold the hold
 * carries on; paused, the routine waits; between holds, it waits for "next".
 */
export async function answerAndCarryOn(
  h: HandlerInput,
  state: RoutineState,
  lead: string[],
): Promise<Response> {
  const t = translatorOf(h);
  const position = positionAt(state, nowOf(h));
  const said = lead.filter(Boolean);
  switch (position.at) {
    case 'finished':
      writeRoutine(h, undefined);
      return ask(h, [...said, t('controls.anythingElse')].join(' '), t('routine.nothingRunningReprompt'));
    case 'paused':
      return ask(h, [...said, t('controls.carryOn')].join(' '), t('routine.reprompt.paused'));
    case 'between':
      return ask(h, [...said, t('routine.reprompt.next')].join(' '), t('routine.reprompt.next'));
    default:
      return playFrom(h, state, carryOnPoint(state, position), said);
  }
}

/** "Next": the next hold (skipping the rest of the current one); when paused, carries on instead. */
export async function nextInRoutine(h: HandlerInput, state: RoutineState): Promise<Response> {
  const position = positionAt(state, nowOf(h));
  switch (position.at) {
    case 'finished':
      return finishedAlready(h);
    case 'between':
      return playFrom(h, state, { index: position.index });
    case 'paused':
      // "Continue" and "carry on" are GoOnIntent (goOnInRoutine); "next" while paused means the next hold.
      return playFrom(h, state, { index: position.index + 1 });
    default:
      return playFrom(h, state, { index: position.index + 1 });
  }
}

/** The hold the user is at: the current one, or (between holds) the one coming up. */
function currentIndex(state: RoutineState, now: number): number | undefined {
  const position = positionAt(state, now);
  return position.at === 'finished' ? undefined : position.index;
}

/** "Go back": the hold before the current one (between holds: the one just done). */
export async function previousInRoutine(h: HandlerInput, state: RoutineState): Promise<Response> {
  const t = translatorOf(h);
  const index = currentIndex(state, nowOf(h)) ?? state.plan.steps.length;
  if (index <= 0) return playFrom(h, state, { index: 0 }, [t('routine.previous.first')], 'again');
  return playFrom(h, state, { index: index - 1 }, [t('routine.previous.lead')], 'again');
}

/** "Repeat": the current hold again from its instructions (between holds: the one just done). */
export async function repeatInRoutine(h: HandlerInput, state: RoutineState): Promise<Response> {
  const position = positionAt(state, nowOf(h));
  const index =
    position.at === 'finished'
      ? state.plan.steps.length - 1
      : position.at === 'between'
        ? Math.max(0, position.index - 1)
        : position.index;
  return playFrom(h, state, { index }, [], 'again');
}

/**
 * A point a stop-rule symptom halted is not pressed again until the user chooses: "resume",
 * "continue" and "yes" ask them to choose (lighter, skip, stop) instead of carrying on.
 */
export function haltedChoice(h: HandlerInput): Response | undefined {
  if (readSafety(h).halted === undefined) return undefined;
  // Asked again straight after, the question is shorter and worded differently.
  const again = lastAnswerUsed(h, 'safety.stop.choicesAgain')
    ? 'safety.stop.choicesShort'
    : 'safety.stop.choicesAgain';
  return askKeys(h, again, 'safety.stop.choicesReprompt');
}

/**
 * "Carry on lighter": light pressure for the rest of the session. Mid-routine the current hold
 * starts again, lighter, and so does every hold after it; otherwise every routine or hold started
 * later in the session is light (the safety gate applies it).
 */
export async function lighterInRoutine(h: HandlerInput, state: RoutineState | undefined): Promise<Response> {
  const t = translatorOf(h);
  patchSafety(h, { lighter: true });
  const position = state ? positionAt(state, nowOf(h)) : undefined;
  if (!state || !position || position.at === 'finished') {
    if (state) writeRoutine(h, undefined);
    return askKeys(h, 'routine.lighter.noRoutine', 'routine.lighter.noRoutineReprompt');
  }
  const plan = lightenPlan(state.plan, 0, catalogueOf(h).safety);
  return playFrom(h, { ...state, plan }, { index: position.index }, [t('routine.lighter.lead')]);
}

/** "Start over": the routine from its first hold. */
export async function startOverRoutine(h: HandlerInput, state: RoutineState): Promise<Response> {
  return playFrom(h, state, { index: 0 }, [translatorOf(h)('routine.startOver')], 'first');
}

/** "Skip this point": on to the next routine step (both sides of a left-then-right step go). */
export async function skipInRoutine(h: HandlerInput, state: RoutineState): Promise<Response> {
  const t = translatorOf(h);
  const index = currentIndex(state, nowOf(h));
  if (index === undefined) return finishedAlready(h);
  const lead = [t('routine.skip.lead', { what: stepWhat(t, state.plan.steps[index]) })];
  return playFrom(h, state, { index: nextSourceIndex(state.plan, index) }, lead);
}

/** "How long is left": the rest of this hold (and of the routine's holds), then carries on. */
export async function timeLeftInRoutine(h: HandlerInput, state: RoutineState): Promise<Response> {
  const t = translatorOf(h);
  const position = positionAt(state, nowOf(h));
  const routineLeft = (point: ResumePoint, currentMs: number) =>
    routineLeftSpeech(t, state.plan, point, currentMs);
  switch (position.at) {
    case 'finished':
      return finishedAlready(h);
    case 'paused':
      return ask(h, pausedSpeech(t, state.plan, position, 'timeLeft'), t('routine.reprompt.paused'));
    case 'holding': {
      const point = { index: position.index, remainingMs: position.remainingMs };
      const lead = [
        t('routine.timeLeft.holding', { duration: formatDuration(t, spokenSeconds(position.remainingMs)) }),
        routineLeft(point, position.remainingMs),
      ];
      return playFrom(h, state, resumable(state.plan, point), lead);
    }
    case 'announcing': {
      // A resumed hold being announced has only what was left of it to play.
      const point = resumable(state.plan, resumePointOf(position) ?? { index: position.index });
      const holdSeconds = Math.round(
        (point.remainingMs ?? state.plan.steps[position.index].seconds * 1000) / 1000,
      );
      const lead = [t('routine.timeLeft.announcing', { duration: formatDuration(t, holdSeconds) })];
      return playFrom(h, state, point, lead);
    }
    case 'between': {
      const speech = [t('routine.timeLeft.between'), routineLeft({ index: position.index }, 0)];
      return ask(h, speech.filter(Boolean).join(' '), t('routine.reprompt.next'));
    }
  }
}

/**
 * "Make the holds shorter / longer": moves the remembered preference one step (holds stay within
 * 30–180 s) and, mid-routine, applies it from the current hold on.
 */
export async function changeHoldLength(
  h: HandlerInput,
  direction: 'shorter' | 'longer',
  state: RoutineState | undefined,
): Promise<Response> {
  const t = translatorOf(h);
  const current = state?.plan.holdScale ?? (await holdScaleOf(h));
  const scale = stepHoldScale(current, direction);
  const position = state ? positionAt(state, nowOf(h)) : undefined;
  if (scale === undefined) {
    const speech = t(direction === 'shorter' ? 'routine.holds.atShortest' : 'routine.holds.atLongest');
    // Mid-hold the question stopped the audio: carry on from where the user is.
    if (state && position && (position.at === 'holding' || position.at === 'announcing')) {
      const point = resumePointOf(position) ?? { index: position.index };
      return playFrom(h, state, resumable(state.plan, point), [speech]);
    }
    return ask(h, speech, t('routine.holds.reprompt'));
  }
  const saved = await saveUser(h, { holdScale: scale });
  const lead = [
    t(direction === 'shorter' ? 'routine.holds.shorter' : 'routine.holds.longer'),
    saved ? '' : t('common.storage.unavailable'),
  ];
  if (!state || !position) {
    return ask(h, lead.filter(Boolean).join(' '), t('routine.holds.reprompt'));
  }
  const now = nowOf(h);
  const plan = rescalePlan(state.plan, scale);
  if (position.at === 'finished') {
    writeRoutine(h, undefined);
    return ask(h, lead.filter(Boolean).join(' '), t('routine.holds.reprompt'));
  }
  const step = plan.steps[position.index];
  const thisOne = t('routine.holds.thisOne', { duration: formatDuration(t, step.seconds) });
  // Time already held stays held: the new hold's remainder is its new length minus that.
  let point: ResumePoint = { index: position.index };
  if (position.at === 'holding' || (position.at === 'paused' && position.remainingMs !== undefined)) {
    const remaining = position.at === 'holding' ? position.remainingMs : (position.remainingMs ?? 0);
    point = carryHeldTime(state.plan, plan, position.index, remaining);
  }
  if (position.at === 'paused' || position.at === 'between') {
    // Nothing is playing: keep the new plan and wait where we are.
    writeRoutine(h, { v: STATE_VERSION, plan, updatedAt: now, paused: point });
    const speech = [...lead, point.index === position.index ? thisOne : ''].filter(Boolean).join(' ');
    return ask(h, speech, t(position.at === 'paused' ? 'routine.reprompt.paused' : 'routine.reprompt.next'));
  }
  return playFrom(h, { ...state, plan }, point, [...lead, point.index === position.index ? thisOne : '']);
}

/** "Stop" / "cancel" during a routine: ends the session, keeping the user's place. */
export async function stopRoutine(h: HandlerInput, state: RoutineState): Promise<Response> {
  const finished = positionAt(state, nowOf(h)).at === 'finished';
  const saved = await saveRoutineProgress(h, state);
  writeRoutine(h, undefined);
  return sayAndEnd(h, stoppedSpeech(translatorOf(h), state.plan, finished, saved));
}

/** The stop rules on their own (no routine running). */
export function stopRulesAnswer(h: HandlerInput): Response {
  const t = translatorOf(h);
  return ask(h, `${fullStopRules(t)} ${t('safety.anythingElse')}`, t('safety.reprompt'));
}

/** The stop rules during a routine: said, then the routine carries on from where the user is. */
export async function stopRulesInRoutine(h: HandlerInput, state: RoutineState): Promise<Response> {
  const t = translatorOf(h);
  const position = positionAt(state, nowOf(h));
  if (position.at === 'holding' || position.at === 'announcing') {
    const point = resumePointOf(position) ?? { index: position.index };
    return playFrom(h, state, resumable(state.plan, point), [fullStopRules(t)]);
  }
  const reprompt = t(position.at === 'paused' ? 'routine.reprompt.paused' : 'routine.reprompt.next');
  return ask(h, fullStopRules(t), reprompt);
}

/** Help during a routine (the routine is paused while the user listens). */
export function routineHelp(h: HandlerInput, state: RoutineState): Response {
  const t = translatorOf(h);
  const position = positionAt(state, nowOf(h));
  if (position.at === 'finished') {
    writeRoutine(h, undefined);
    return askKeys(h, 'controls.help.finished', 'controls.help.reprompt');
  }
  if (position.at === 'between') return askKeys(h, 'controls.help.between', 'routine.reprompt.next');
  const paused = state.paused ? state : pauseAt(state, nowOf(h));
  writeRoutine(h, paused);
  if (!paused.paused || paused.paused.index >= paused.plan.steps.length)
    return askKeys(h, 'controls.help.finished', 'controls.help.reprompt');
  return ask(h, routineHelpSpeech(t, paused.plan, paused.paused), t('routine.reprompt.paused'));
}

/** A routine state that could not be trusted: drop it and say so plainly. */
export function lostTrack(h: HandlerInput): Response {
  writeRoutine(h, undefined);
  return askKeys(h, 'routine.lostTrack', 'routine.lostTrackReprompt');
}

/**
 * What a routine command does: `active` with the routine in progress, `none` without one. A routine
 * state that came back broken is dropped, and the user hears that the skill lost track.
 */
export function byRoutine(
  h: HandlerInput,
  active: (state: RoutineState) => Response | Promise<Response>,
  none: () => Response | Promise<Response>,
): Response | Promise<Response> {
  const read = readRoutine(h);
  if (read.status === 'active') return active(read.state);
  if (read.status === 'broken') return lostTrack(h);
  return none();
}
