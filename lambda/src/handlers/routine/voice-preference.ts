/**
 * "Speak slower", "faster", "normal speed", "fewer cues", "more cues" (issue 13, item 6): the
 * routine's pace and cue density, remembered like the hold length. The preference is kept in the
 * user's record (`pace`, `cues`) and, for this session, in the session (`voice`), so it holds with
 * no store at all and through a storage outage (which the user hears about, as for any save).
 * Mid-routine it applies from the next cue: the running plan takes the new style and, mid-hold, the
 * hold carries on where it is.
 */
import type { HandlerInput, ResponseInterceptor } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import {
  atPace,
  DEFAULT_VOICE,
  isCueDensity,
  isPace,
  stepPace,
  voiceStyleOf,
  type VoiceStyle,
} from '../../core/routine/voice';
import { isRecord } from '../../core/record';
import type { RoutineState } from '../../core/routine/progress';
import { loadUser, saveUserOrNotice } from '../../persistence/user-store';
import { sessionAttributes, updateSession } from '../conversation';
import { translatorOf } from '../input';
import { ask } from '../reply';
import { answerAndCarryOn } from './controls';
import { readRoutine, writeRoutine } from './routine-attribute';
import { MAX_SSML_CHARACTERS } from '../../speech/ssml-check';

export const VOICE_ATTRIBUTE = 'voice';

/** What the user asked for. */
export type VoiceChange = 'slower' | 'faster' | 'normal-pace' | 'fewer-cues' | 'more-cues';

/** The voice style kept in the session, if it is one the skill makes. */
export function sessionVoice(h: HandlerInput): VoiceStyle | undefined {
  const value = sessionAttributes(h)[VOICE_ATTRIBUTE];
  if (!isRecord(value) || !isPace(value.pace) || !isCueDensity(value.cues)) return undefined;
  return { pace: value.pace, cues: value.cues };
}

/**
 * The user's voice style: this session's, else the remembered one (which then holds for the rest
 * of the session, answers included), else the default.
 */
export async function voiceOf(h: HandlerInput): Promise<VoiceStyle> {
  const said = sessionVoice(h);
  if (said) return said;
  const { record } = await loadUser(h);
  const remembered = voiceStyleOf(record.pace, record.cues);
  if (remembered.pace !== DEFAULT_VOICE.pace || remembered.cues !== DEFAULT_VOICE.cues)
    updateSession(h, { [VOICE_ATTRIBUTE]: remembered });
  return remembered;
}

function changed(style: VoiceStyle, change: VoiceChange): VoiceStyle {
  switch (change) {
    case 'slower':
      return { ...style, pace: stepPace(style.pace, 'slower') };
    case 'faster':
      return { ...style, pace: stepPace(style.pace, 'faster') };
    case 'normal-pace':
      return { ...style, pace: DEFAULT_VOICE.pace };
    case 'fewer-cues':
      return { ...style, cues: 'fewer' };
    case 'more-cues':
      return { ...style, cues: DEFAULT_VOICE.cues };
  }
}

/** The one line that acknowledges a change (or says it is already so). */
function acknowledgement(before: VoiceStyle, after: VoiceStyle, change: VoiceChange): string {
  if (change === 'fewer-cues' || change === 'more-cues') {
    if (before.cues === after.cues) return after.cues === 'fewer' ? 'fewerAlready' : 'moreAlready';
    return after.cues === 'fewer' ? 'fewer' : 'more';
  }
  if (before.pace === after.pace) {
    if (change === 'normal-pace') return 'normalAlready';
    return change === 'slower' ? 'slowest' : 'fastest';
  }
  return after.pace === 'normal' ? 'normal' : after.pace;
}

/**
 * Applies a change: remembered (session and record), and mid-routine from the next cue. With no
 * routine running it is confirmed and kept for the next one.
 */
export async function changeVoice(
  h: HandlerInput,
  change: VoiceChange,
  state: RoutineState | undefined,
): Promise<Response> {
  const t = translatorOf(h);
  const before = state?.plan.voice ?? (await voiceOf(h));
  const after = changed(before, change);
  updateSession(h, { [VOICE_ATTRIBUTE]: after });
  const notice = await saveUserOrNotice(h, t, { pace: after.pace, cues: after.cues });
  const said = t(`controls.voice.${acknowledgement(before, after, change)}`);
  if (!state) {
    const speech = [said, notice, t('controls.voice.kept')].filter(Boolean).join(' ');
    return ask(h, speech, t('controls.voice.keptReprompt'));
  }
  const voiced: RoutineState = { ...state, plan: { ...state.plan, voice: after } };
  writeRoutine(h, voiced);
  return answerAndCarryOn(h, voiced, [said, notice]);
}

/** The pace in force for this session's answers: the running routine's, else the one said this session. */
function sessionPace(h: HandlerInput): VoiceStyle['pace'] {
  const routine = readRoutine(h);
  if (routine.status === 'active' && routine.state.plan.voice) return routine.state.plan.voice.pace;
  return sessionVoice(h)?.pace ?? DEFAULT_VOICE.pace;
}

function paced(ssml: string, pace: VoiceStyle['pace']): string {
  const inner = /^<speak>([\s\S]*)<\/speak>$/.exec(ssml.trim())?.[1];
  // A routine turn sent as SSML carries its pace already.
  if (inner === undefined || /<prosody\b[^>]*\brate=/.test(inner)) return ssml;
  const wrapped = `<speak>${atPace(inner, pace)}</speak>`;
  return wrapped.length < MAX_SSML_CHARACTERS ? wrapped : ssml;
}

/**
 * After every handler (and after "what was said" is kept for "repeat"): the answers of a session
 * whose user asked for a slower or faster pace are said at that pace too, not only the routine's cues.
 */
export const PaceInterceptor: ResponseInterceptor = {
  process(h, response?: Response) {
    if (!response) return;
    const pace = sessionPace(h);
    if (pace === 'normal') return;
    if (response.outputSpeech?.type === 'SSML')
      response.outputSpeech.ssml = paced(response.outputSpeech.ssml, pace);
    const reprompt = response.reprompt?.outputSpeech;
    if (reprompt?.type === 'SSML') reprompt.ssml = paced(reprompt.ssml, pace);
  },
};
