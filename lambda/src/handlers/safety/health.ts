/**
 * "Is it safe if…" questions and health statements ("I have…", "I'm…", also the answer to the
 * routines' screening question). A red flag, or a stop-tier condition, gets the urgent-care answer
 * first and blocks routines for the rest of the session; other conditions join the session's safety
 * profile, which adjusts every routine started afterwards.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { getRoutine, resolveNeed, routineFor } from '../../core/catalogue';
import {
  answer,
  blockers,
  breathingOnlyReasons,
  strictestAnswer,
  triage,
  type Condition,
  type RedFlag,
} from '../../core/safety';
import { spokenPhrase } from '../../speech/bounded-text';
import { currentOffer, updateSession } from '../conversation';
import { readHealth, readPoint, translatorOf } from '../input';
import type { Translate } from '../../i18n';
import { answerSpeech, stopRules, triageSpeech } from '../../speech/safety';
import {
  fingerprint,
  healthIntent,
  patchSafety,
  profileOf,
  readSafety,
  type SafetySession,
} from './health-profile';
import { ask, askKeys, sayAndEnd } from '../reply';
import { replanMidRoutine } from '../routine/replan';

/** The urgent-care answer. Emergencies close the session so nothing stands between the user and help. */
export function triageResponse(h: HandlerInput, trigger: RedFlag | Condition): Response {
  const t = translatorOf(h);
  const state = readSafety(h);
  if ('why' in trigger) {
    if (!state.redFlags.includes(trigger.id)) patchSafety(h, { redFlags: [...state.redFlags, trigger.id] });
  } else {
    noteCondition(h, state, trigger);
  }
  updateSession(h, { offer: undefined });
  const speech = triageSpeech(t, trigger);
  if (triage(trigger).care === 'emergency') return sayAndEnd(h, speech);
  return ask(h, speech, t('safety.reprompt'));
}

function noteCondition(h: HandlerInput, state: SafetySession, condition: Condition): SafetySession {
  if (state.conditions.includes(condition.id)) return state;
  return patchSafety(h, { conditions: [...state.conditions, condition.id] });
}

function respond(
  h: HandlerInput,
  t: Translate,
  stored: SafetySession,
  mode: 'question' | 'statement',
): Response {
  let state = stored;
  const health = readHealth(h);
  const point = readPoint(h);
  const askSafety = (speech: string, reprompt = t('safety.reprompt')) => ask(h, speech, reprompt);

  if (health.match?.kind === 'red-flag') return triageResponse(h, health.match.redFlag);
  if (health.match?.kind === 'condition') {
    const { condition } = health.match;
    if (condition.tier === 'stop') return triageResponse(h, condition);
    state = noteCondition(h, state, condition);
    // Said during a routine: the rest of it is re-planned from where the user is, and said in one sentence.
    const replanned = replanMidRoutine(h);
    if (replanned)
      return askSafety(
        `${t('safety.statement.noted', { you: condition.you })} ${replanned.speech}`,
        replanned.reprompt,
      );
    const reply = answerSpeech(t, answer(condition, point.found?.point.code));
    if (mode === 'question') return askSafety(`${reply} ${t('safety.anythingElse')}`);
    return askSafety(`${t('safety.statement.noted', { you: condition.you })} ${reply} ${followUp(h, state)}`);
  }
  if (health.given) {
    const need = health.spoken ? resolveNeed(health.spoken) : undefined;
    if (need?.inScope) return needReply(h, need.id, need.name, mode);
    if (mode === 'statement') {
      // "I'm {words}" may be a misheard "I'm ready": ask before treating it as a condition.
      const speech = t('safety.statement.unknownAsk', { spoken: spokenPhrase(health.spoken ?? '') });
      patchSafety(h, { pending: { action: 'unknown', asked: fingerprint(speech) } });
      return askSafety(speech, t('safety.confirmReprompt'));
    }
    // A condition the skill has no rules for: the conservative answer, and only breathing until checked.
    patchSafety(h, { unknown: true });
    return askSafety(`${answerSpeech(t, answer('unknown'), health.spoken)} ${t('safety.anythingElse')}`);
  }
  if (mode === 'statement')
    return askSafety(t('safety.statement.noWords'), t('safety.statement.noWordsReprompt'));

  const blocking = blockers(profileOf(state));
  if (blocking.length > 0) return triageResponse(h, blocking[0]);
  if (point.given && !point.found) {
    const spoken = point.spoken ?? '';
    return askSafety(
      `${t('safety.point.unknown', { spoken: spokenPhrase(spoken) })} ${stopRules(t)} ${t('safety.anythingElse')}`,
    );
  }
  const reply = answerSpeech(t, strictestAnswer(profileOf(state), point.found?.point.code));
  return askSafety(`${reply} ${t('safety.anythingElse')}`);
}

/** Back pain, sciatica, stiffness…: what this guide is for, with the matching routine on offer. */
function needReply(
  h: HandlerInput,
  needId: string,
  needName: string,
  mode: 'question' | 'statement',
): Response {
  const t = translatorOf(h);
  const routine = routineFor(needId);
  const lead = t(mode === 'question' ? 'safety.need.question' : 'safety.need.statement', { need: needName });
  if (!routine) return ask(h, `${lead} ${stopRules(t)} ${t('safety.anythingElse')}`, t('safety.reprompt'));
  updateSession(h, { offer: { kind: 'routine', routineId: routine.id } });
  const offer = t('safety.need.offer', { routine: routine.name });
  return ask(h, `${lead} ${stopRules(t)} ${offer}`, offer);
}

/** "Yes" or "no" to "is that a health condition?". */
export function unknownConfirmed(h: HandlerInput, yes: boolean): Response {
  const t = translatorOf(h);
  if (!yes) return askKeys(h, 'safety.statement.notCondition', 'safety.reprompt');
  const state = patchSafety(h, { unknown: true });
  const replanned = replanMidRoutine(h);
  if (replanned)
    return ask(h, `${t('safety.answer.unknownConfirmed')} ${replanned.speech}`, replanned.reprompt);
  const speech = [
    t('safety.answer.unknownConfirmed'),
    t('safety.answer.breathingMeanwhile'),
    stopRules(t),
    t('safety.reminder'),
    followUp(h, state),
  ].join(' ');
  return ask(h, speech, t('safety.reprompt'));
}

/** After a stated condition: offer the routine that was on the table, adjusted; else ask what next. */
function followUp(h: HandlerInput, state: SafetySession): string {
  const t = translatorOf(h);
  const offer = currentOffer(h);
  const routine = offer?.kind === 'routine' ? getRoutine(offer.routineId) : undefined;
  if (!routine) return t('safety.statement.next');
  if (breathingOnlyReasons(profileOf(state)).length > 0) return t('safety.statement.offerBreathing');
  return t('safety.statement.offerRoutine', { routine: routine.name });
}

export const SafetyCheckIntentHandler = healthIntent('SafetyCheckIntent', (h, t, state) =>
  respond(h, t, state, 'question'),
);

export const HealthStatementIntentHandler = healthIntent('HealthStatementIntent', (h, t, state) =>
  respond(h, t, state, 'statement'),
);
