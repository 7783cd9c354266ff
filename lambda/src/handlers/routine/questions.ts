/**
 * The routine's questions and the small controls people say mid-hold (issue 13): go on, where am I,
 * which side, how many more, what's next, slower, faster, fewer cues, louder, firmer, I can't reach
 * it, thank you, I'm done, what is acupressure. Each answers from the routine's state (playing,
 * paused, between holds, finished, none); mid-hold an answer is said and the hold carries on.
 * data/phrasings/en-US/controls.json lists the words for each and what they must do in each state.
 */
import type { HandlerInput } from 'ask-sdk-core';
import { pauseAt, positionAt, resumePointOf, type RoutineState } from '../../core/routine/progress';
import { lastOutput } from '../conversation';
import {
  betweenFallbackSpeech,
  howManySpeech,
  pausedFallbackSpeech,
  whatsNextSpeech,
  whereSpeech,
  whichSideSpeech,
} from '../../speech/controls';
import type { GuideHandler } from '../handler';
import { isIntent, translatorOf } from '../input';
import { ask, askKeys, sayAndEnd } from '../reply';
import { readSafety } from '../safety/health-profile';
import { answerAndCarryOn, byRoutine, goOnInRoutine, haltedChoice, lostTrack, stopRoutine } from './controls';
import { readSaved, resumeSaved } from './resume';
import { changeVoice, type VoiceChange } from './voice-preference';
import { beginScreened } from './start';
import { nowOf, readRoutine, writeRoutine } from './routine-attribute';

const noRoutine = (h: HandlerInput) => askKeys(h, 'controls.noRoutine', 'routine.nothingRunningReprompt');

/** An answer that needs no routine: said, then the routine (if any) carries on where it was. */
function answer(intent: string, speech: (h: HandlerInput, state?: RoutineState) => string): GuideHandler {
  return {
    duringRoutine: 'continues',
    canHandle: (h) => isIntent(h, intent),
    handle: (h) =>
      byRoutine(
        h,
        (state) => answerAndCarryOn(h, state, [speech(h, state)]),
        () => {
          const t = translatorOf(h);
          return ask(h, `${speech(h)} ${t('controls.anythingElse')}`, t('controls.help.reprompt'));
        },
      ),
  };
}

/** A question about where the routine is: answered from the position, or "no routine running". */
function routineQuestion(
  intent: string,
  speech: (h: HandlerInput, state: RoutineState) => string | undefined,
): GuideHandler {
  return {
    duringRoutine: 'continues',
    canHandle: (h) => isIntent(h, intent),
    handle: (h) =>
      byRoutine(
        h,
        (state) => {
          const said = speech(h, state);
          return said === undefined
            ? askKeys(h, 'routine.finishedAlready', 'routine.nothingRunningReprompt')
            : answerAndCarryOn(h, state, [said]);
        },
        () => noRoutine(h),
      ),
  };
}

export const GoOnIntentHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) => isIntent(h, 'GoOnIntent'),
  handle: (h) =>
    byRoutine(
      h,
      (state) => haltedChoice(h) ?? goOnInRoutine(h, state),
      async () => {
        const saved = await readSaved(h);
        if ('ok' in saved && saved.ok) return beginScreened(h, { type: 'resume' });
        return resumeSaved(h);
      },
    ),
};

export const WhereAmIIntentHandler = routineQuestion('WhereAmIIntent', (h, state) => {
  const t = translatorOf(h);
  const position = positionAt(state, nowOf(h));
  if (position.at === 'finished') return undefined;
  const point = resumePointOf(position) ?? { index: position.index };
  return whereSpeech(t, state.plan, position.at, point);
});

export const WhichSideIntentHandler = routineQuestion('WhichSideIntent', (h, state) => {
  const position = positionAt(state, nowOf(h));
  if (position.at === 'finished') return undefined;
  const between = position.at === 'between';
  return whichSideSpeech(translatorOf(h), state.plan, position.index, between);
});

export const HowManyMoreIntentHandler = routineQuestion('HowManyMoreIntent', (h, state) => {
  const position = positionAt(state, nowOf(h));
  if (position.at === 'finished') return undefined;
  return howManySpeech(translatorOf(h), state.plan, { index: position.index }, position.at === 'between');
});

export const WhatsNextIntentHandler = routineQuestion('WhatsNextIntent', (h, state) => {
  const position = positionAt(state, nowOf(h));
  if (position.at === 'finished') return undefined;
  const next = position.at === 'between' ? position.index : position.index + 1;
  // Both sides of one step are one step: "what's next" names the next step, not the other side.
  const source = state.plan.steps[position.index]?.source;
  let index = next;
  if (position.at !== 'between') while (state.plan.steps[index]?.source === source) index += 1;
  return whatsNextSpeech(translatorOf(h), state.plan, index);
});

/** A voice preference (pace, cue density): remembered, and mid-routine applied from the next cue. */
function voiceHandler(intent: string, change: VoiceChange): GuideHandler {
  return {
    duringRoutine: 'continues',
    canHandle: (h) => isIntent(h, intent),
    handle: (h) =>
      byRoutine(
        h,
        (state) => changeVoice(h, change, state),
        () => changeVoice(h, change, undefined),
      ),
  };
}

export const SlowerIntentHandler = voiceHandler('SlowerIntent', 'slower');
export const FasterIntentHandler = voiceHandler('FasterIntent', 'faster');
export const NormalPaceIntentHandler = voiceHandler('NormalPaceIntent', 'normal-pace');
export const FewerCuesIntentHandler = voiceHandler('FewerCuesIntent', 'fewer-cues');
export const MoreCuesIntentHandler = voiceHandler('MoreCuesIntent', 'more-cues');
export const LouderIntentHandler = answer('LouderIntent', (h) => translatorOf(h)('controls.louder'));
export const CantReachIntentHandler = answer('CantReachIntent', (h) => translatorOf(h)('controls.cantReach'));
export const ThanksIntentHandler = answer('ThanksIntent', (h) => translatorOf(h)('controls.thanks'));

/**
 * "Press harder": firmer only where the hold allows it. A light hold (the profile, "carry on
 * lighter", a palm or breathing step) keeps light pressure.
 */
export const FirmerPressureIntentHandler = answer('FirmerPressureIntent', (h, state) => {
  const t = translatorOf(h);
  const safety = readSafety(h);
  let light = safety.lighter || safety.conditions.length > 0;
  if (state) {
    const position = positionAt(state, nowOf(h));
    const step = position.at === 'finished' ? undefined : state.plan.steps[position.index];
    if (step && (step.pressure === 'light' || step.pressure === 'none' || step.kind !== 'point'))
      light = true;
  }
  return t(light ? 'controls.firmer.light' : 'controls.firmer.ok');
});

/** "I'm done": a routine stops and its place is kept; otherwise goodbye. */
export const DoneIntentHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) => isIntent(h, 'DoneIntent'),
  handle: (h) =>
    byRoutine(
      h,
      (state) => stopRoutine(h, state),
      () => sayAndEnd(h, translatorOf(h)('controls.goodbye')),
    ),
};

/** "What is acupressure": a plain answer; a routine playing is paused while the user listens. */
export const AboutAcupressureIntentHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => isIntent(h, 'AboutAcupressureIntent'),
  handle(h) {
    const t = translatorOf(h);
    const read = readRoutine(h);
    if (read.status === 'active' && positionAt(read.state, nowOf(h)).at !== 'finished')
      return answerAndCarryOn(h, read.state, [t('controls.about')]);
    return ask(h, `${t('controls.about')} ${t('controls.anythingElse')}`, t('controls.help.reprompt'));
  },
};

/**
 * Words the model could not place, during a routine (a playing hold was paused first, see
 * `pausingRoutine`): where the user is and three things to say. A second miss in a row is shorter
 * and worded differently, so the same prompt is never said twice in a row.
 */
export const RoutineFallbackHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => isIntent(h, 'AMAZON.FallbackIntent') && readRoutine(h).status !== 'none',
  handle(h) {
    const t = translatorOf(h);
    const read = readRoutine(h);
    if (read.status !== 'active') return lostTrack(h);
    let state = read.state;
    let position = positionAt(state, nowOf(h));
    if (position.at === 'holding' || position.at === 'announcing') {
      state = pauseAt(state, nowOf(h));
      writeRoutine(h, state);
      position = positionAt(state, nowOf(h));
    }
    const last = lastOutput(h)?.speech;
    const firstOrAgain = (first: string, again: string, reprompt: string) =>
      ask(h, last === first ? t(again) : first, t(reprompt));
    switch (position.at) {
      case 'paused':
        return firstOrAgain(
          pausedFallbackSpeech(t, state.plan, position),
          'controls.fallback.pausedAgain',
          'controls.fallback.reprompt',
        );
      case 'between':
        return firstOrAgain(
          betweenFallbackSpeech(t, state.plan, position.index),
          'controls.fallback.betweenAgain',
          'routine.reprompt.next',
        );
      default:
        return firstOrAgain(
          t('controls.fallback.finished'),
          'controls.fallback.finishedAgain',
          'routine.nothingRunningReprompt',
        );
    }
  },
};

export const questionHandlers: GuideHandler[] = [
  RoutineFallbackHandler,
  GoOnIntentHandler,
  WhereAmIIntentHandler,
  WhichSideIntentHandler,
  HowManyMoreIntentHandler,
  WhatsNextIntentHandler,
  SlowerIntentHandler,
  FasterIntentHandler,
  NormalPaceIntentHandler,
  FewerCuesIntentHandler,
  MoreCuesIntentHandler,
  LouderIntentHandler,
  CantReachIntentHandler,
  ThanksIntentHandler,
  FirmerPressureIntentHandler,
  DoneIntentHandler,
  AboutAcupressureIntentHandler,
];
