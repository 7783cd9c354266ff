/**
 * "Is it safe if…" questions and health statements ("I have…", "I'm…", also the answer to the
 * routines' screening question). A red flag, or a stop-tier condition, gets the urgent-care answer
 * first and blocks routines for the rest of the session; other conditions join the session's safety
 * profile, which adjusts every routine started afterwards.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import {
  answer,
  blockers,
  breathingOnlyReasons,
  strictestAnswer,
  triage,
  type HealthRules,
  type Condition,
  type HealthMatch,
  type RedFlag,
  type StopSymptom,
} from '../../core/safety';
import { spokenPhrase } from '../../speech/bounded-text';
import { currentOffer, updateSession } from '../conversation';
import { catalogueOf, isIntent, readHealth, readPoint, translatorOf } from '../input';
import type { GuideHandler } from '../handler';
import { nowOf, readRoutine, writeRoutine } from '../routine/routine-attribute';
import { PROGRESS_FIELD } from '../routine/resume';
import { pauseAt, positionAt } from '../../core/routine/progress';
import { saveUser } from '../../persistence/user-store';
import type { Translate } from '../../i18n';
import {
  answerSpeech,
  clinicianShort,
  stopRules,
  stopSymptomSpeech,
  triageReason,
  triageReprompt,
  triageSpeech,
} from '../../speech/safety';
import { heardWords, ONE_BREATH_WORDS, sentencesOf, splitForBreath } from '../../speech/one-breath';
import { ssmlToText } from '../../speech/ssml';
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

/**
 * The urgent-care answer, in one breath: the care to get now, that no routine will start, and "Want
 * to know why?" (`SafetyWhyHandler` gives the reason). The routine offer on the table is dropped.
 */
export function triageResponse(h: HandlerInput, trigger: RedFlag | Condition): Response {
  const t = translatorOf(h);
  const state = readSafety(h);
  if ('why' in trigger) {
    if (!state.redFlags.includes(trigger.id)) patchSafety(h, { redFlags: [...state.redFlags, trigger.id] });
  } else {
    noteCondition(h, state, trigger);
  }
  const { care } = triage(trigger);
  if (care === 'clinician' && 'why' in trigger) return clinicianResponse(h, trigger, readSafety(h));
  if (care === 'adults-only') {
    updateSession(h, { offer: undefined });
    return ask(h, triageSpeech(t, trigger), t('safety.age.reprompt'));
  }
  updateSession(h, { offer: { kind: 'safety-why', trigger: trigger.id } });
  return ask(h, triageSpeech(t, trigger), triageReprompt(t, trigger));
}

const AGE_FLAGS = ['under-16', 'age-under-20', 'age-over-50'];

/** What an age means for this guide (section 4): adults only, and new back pain under 20 or over 50. */
function ageMatches(rules: HealthRules, age: number): HealthMatch[] {
  const id = age < 16 ? 'under-16' : age < 20 ? 'age-under-20' : age >= 50 ? 'age-over-50' : undefined;
  // The entries in the request's language: their names and advice are spoken.
  const found = [id ? rules.healthEntry(id) : undefined, age >= 70 ? rules.healthEntry('frail') : undefined];
  return found.filter((m): m is HealthMatch => m !== undefined);
}

/**
 * Everything a statement named goes into the session before anything is said, so a compound
 * ("I'm pregnant and I have a fever") loses nothing: conditions join the profile, red flags and
 * stop-rule symptoms are recorded. A new age replaces an earlier one (a misheard "fifteen").
 */
function noteAll(h: HandlerInput, matches: HealthMatch[], age?: number): SafetySession {
  const state = readSafety(h);
  const redFlags =
    age === undefined ? [...state.redFlags] : state.redFlags.filter((id) => !AGE_FLAGS.includes(id));
  const conditions = [...state.conditions];
  const symptoms = [...state.symptoms];
  for (const m of matches) {
    if (m.kind === 'red-flag' && !redFlags.includes(m.redFlag.id)) redFlags.push(m.redFlag.id);
    if (m.kind === 'condition' && !conditions.includes(m.condition.id)) conditions.push(m.condition.id);
    if (m.kind === 'stop-symptom' && !symptoms.includes(m.symptom.id)) symptoms.push(m.symptom.id);
  }
  return patchSafety(h, { redFlags, conditions, symptoms });
}

/**
 * A stop-rule symptom: what to do now. Mid-routine the hold has already stopped (this intent pauses
 * a playing routine the moment it arrives). Dizziness, faintness and new numbness or weakness end
 * the routine (and its saved place); pain turning sharp or pressure too hard leave the point alone
 * until the user chooses: carry on lighter, skip this point, or stop.
 */
async function stopSymptomResponse(h: HandlerInput, symptom: StopSymptom): Promise<Response> {
  const t = translatorOf(h);
  const routine = readRoutine(h);
  const position = routine.status === 'active' ? positionAt(routine.state, nowOf(h)) : undefined;
  if (routine.status !== 'active' || !position || position.at === 'finished') {
    const { speech, reprompt } = stopSymptomSpeech(t, symptom.advice, 'next');
    return ask(h, speech, reprompt);
  }
  if (symptom.stopsRoutine) {
    writeRoutine(h, undefined);
    patchSafety(h, { halted: undefined });
    if (routine.state.plan.source.type === 'routine') await saveUser(h, { [PROGRESS_FIELD]: undefined });
    return sayAndEnd(h, stopSymptomSpeech(t, symptom.advice, 'stopped').speech);
  }
  if (!routine.state.paused) writeRoutine(h, pauseAt(routine.state, nowOf(h)));
  patchSafety(h, { halted: position.index });
  const { speech, reprompt } = stopSymptomSpeech(t, symptom.advice, 'choose');
  return ask(h, speech, reprompt);
}

/**
 * Worth seeing a clinician (not better after weeks, new back pain after fifty): said once, self-care
 * goes on. A reason too long for one breath with what comes next is offered ("Want to know why?").
 */
function clinicianResponse(h: HandlerInput, flag: RedFlag, state: SafetySession): Response {
  const t = translatorOf(h);
  const whole = `${triageSpeech(t, flag)} ${followUp(h, state)}`;
  if (heardWords(whole) <= ONE_BREATH_WORDS) return ask(h, whole, t('safety.reprompt'));
  const offer = currentOffer(h);
  const routineId = offer?.kind === 'routine' ? offer.routineId : undefined;
  updateSession(h, { offer: { kind: 'safety-why', trigger: flag.id, ...(routineId ? { routineId } : {}) } });
  return ask(h, clinicianShort(t), triageReprompt(t, flag));
}

/**
 * The answer to "Want to know why?" after the urgent-care (or a clinician) answer: yes, "why" or
 * "tell me more" gives the catalogue's reason, and no goes on without it. An emergency closes the
 * session either way, so nothing more stands between the user and help; a clinician answer then
 * asks what it would have asked (the routine on offer before, if any).
 */
export const SafetyWhyHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) =>
    isIntent(h, 'AMAZON.YesIntent', 'AMAZON.NoIntent', 'PointDetailIntent', 'WhyIntent') &&
    currentOffer(h)?.kind === 'safety-why',
  handle: (h) => {
    const t = translatorOf(h);
    const offer = currentOffer(h);
    const id = offer?.kind === 'safety-why' ? offer.trigger : '';
    const rules = catalogueOf(h).safety;
    const trigger = rules.getRedFlag(id) ?? rules.getCondition(id);
    const routineId = offer?.kind === 'safety-why' ? offer.routineId : undefined;
    updateSession(h, { offer: routineId ? { kind: 'routine', routineId } : undefined });
    if (!trigger) return askKeys(h, 'safety.statement.next', 'safety.reprompt');
    const { care } = triage(trigger);
    const declined = isIntent(h, 'AMAZON.NoIntent');
    if (care === 'emergency')
      return sayAndEnd(h, declined ? t('safety.triage.declined.emergency') : triageReason(t, trigger, ''));
    const next = followUp(h, readSafety(h));
    if (declined) return ask(h, next, t('safety.reprompt'));
    return ask(h, triageReason(t, trigger, next), t('safety.reprompt'));
  },
};

/** "My legs feel funny": one short clarifying question; asked twice, the careful answer. */
function unclearResponse(h: HandlerInput): Response {
  const t = translatorOf(h);
  const state = readSafety(h);
  if (!state.clarified) {
    patchSafety(h, { clarified: true });
    return askKeys(h, 'safety.statement.unclear', 'safety.statement.unclearReprompt');
  }
  return ask(h, `${t('safety.statement.unclearAgain')} ${t('safety.anythingElse')}`, t('safety.reprompt'));
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
): Response | Promise<Response> {
  let state = stored;
  const health = readHealth(h);
  const point = readPoint(h);
  const askSafety = (speech: string, reprompt = t('safety.reprompt')) => ask(h, speech, reprompt);

  const rules = catalogueOf(h).safety;
  const matches = [
    ...health.matches,
    ...(health.age === undefined ? [] : ageMatches(rules, health.age)),
  ].sort((a, b) => rules.urgency(a) - rules.urgency(b));
  const top = matches[0];
  if (top) state = noteAll(h, matches, health.age);
  if (top?.kind === 'red-flag') {
    if (top.redFlag.care === 'clinician') return clinicianResponse(h, top.redFlag, state);
    return triageResponse(h, top.redFlag);
  }
  if (top?.kind === 'stop-symptom') return stopSymptomResponse(h, top.symptom);
  if (top?.kind === 'condition') {
    const condition = top.condition;
    if (condition.tier === 'stop') return triageResponse(h, condition);
    const clinician = matches.find((m) => m.kind === 'red-flag' && m.redFlag.care === 'clinician');
    const also = clinician?.kind === 'red-flag' ? ` ${triageSpeech(t, clinician.redFlag)}` : '';
    // Said during a routine: the rest of it is re-planned from where the user is, and said in one sentence.
    const replanned = replanMidRoutine(h);
    if (replanned)
      return askSafety(
        `${t('safety.statement.noted', { you: condition.you })}${also} ${replanned.speech}`,
        replanned.reprompt,
      );
    const reply = answerSpeech(t, answer(condition, point.found?.point.code));
    if (mode === 'question')
      return oneBreathAnswer(h, reply, { condition: condition.id, point: point.found?.point.code });
    return askSafety(
      `${t('safety.statement.noted', { you: condition.you })} ${reply}${also} ${followUp(h, state)}`,
    );
  }
  if (health.age !== undefined) return askSafety(`${t('safety.age.noted')} ${followUp(h, state)}`);
  if (health.given) {
    const need = health.spoken ? catalogueOf(h).resolveNeed(health.spoken) : undefined;
    const hint = hintQuestion(h, health.spoken, need?.id);
    if (hint) return hint;
    if (need?.inScope) return needReply(h, need.id, need.name, mode);
    if (need && mode === 'statement')
      return askSafety(`${t('find.outOfScope', { need: need.name })} ${t('safety.statement.next')}`);
    if (mode === 'statement' && health.spoken && catalogueOf(h).phrasings.soundsLikeSymptom(health.spoken))
      return unclearResponse(h);
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

  const blocking = blockers(profileOf(state, catalogueOf(h).safety));
  if (blocking.length > 0) return triageResponse(h, blocking[0]);
  if (point.given && !point.found) {
    const spoken = point.spoken ?? '';
    return askSafety(
      `${t('safety.point.unknown', { spoken: spokenPhrase(spoken) })} ${stopRules(t)} ${t('safety.anythingElse')}`,
    );
  }
  const reply = answerSpeech(
    t,
    strictestAnswer(profileOf(state, catalogueOf(h).safety), point.found?.point.code),
  );
  return oneBreathAnswer(h, reply, { point: point.found?.point.code });
}

/**
 * A graded answer in one breath (voice guide): its leading sentences, the grade and the one thing to
 * do, then "Want more detail?"; the rest of it (what else to skip, the not-medical-advice reminder)
 * on yes or "tell me more". An answer that fits is said whole, with "Anything else…?".
 */
function oneBreathAnswer(
  h: HandlerInput,
  reply: string,
  about: { condition?: string; point?: string },
): Response {
  const t = translatorOf(h);
  const whole = `${reply} ${t('safety.anythingElse')}`;
  if (heardWords(whole) <= ONE_BREATH_WORDS) return ask(h, whole, t('safety.reprompt'));
  const { first, rest } = cutForBreath(t, reply);
  if (!rest) return ask(h, whole, t('safety.reprompt'));
  const { condition, point } = about;
  updateSession(h, {
    offer: { kind: 'safety-more', ...(condition ? { condition } : {}), ...(point ? { point } : {}) },
  });
  return ask(h, `${part(t, first)} ${t('safety.moreOffer')}`, t('safety.moreOfferReprompt'));
}

/**
 * Part of an answer as one translator call (its plain words, escaped again by the translator), so
 * "repeat" can render it again from the session like any other sentence.
 */
function part(t: Translate, ssml: string): string {
  return t('safety.part', { text: ssmlToText(ssml) });
}

/**
 * A graded answer too long for one breath, cut: what fits with "Want more detail?", and the rest
 * (at least its last sentence, since "Anything else…?" is longer than the offer).
 */
function cutForBreath(t: Translate, reply: string): { first: string; rest: string } {
  const cut = splitForBreath(reply, ONE_BREATH_WORDS - heardWords(t('safety.moreOffer')));
  if (cut.rest) return cut;
  const sentences = sentencesOf(reply);
  if (sentences.length < 2) return cut;
  return { first: sentences.slice(0, -1).join(' '), rest: sentences[sentences.length - 1] };
}

/** Yes (or "tell me more") to "Want more detail?" after a safety answer: the rest of it. */
export const SafetyMoreHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) =>
    isIntent(h, 'AMAZON.YesIntent', 'PointDetailIntent') && currentOffer(h)?.kind === 'safety-more',
  handle: (h) => {
    const t = translatorOf(h);
    const offer = currentOffer(h);
    const about = offer?.kind === 'safety-more' ? offer : { condition: undefined, point: undefined };
    const rules = catalogueOf(h).safety;
    const condition = about.condition ? rules.getCondition(about.condition) : undefined;
    const found = condition
      ? answer(condition, about.point)
      : strictestAnswer(profileOf(readSafety(h), rules), about.point);
    const reply = answerSpeech(t, found);
    const { rest } = cutForBreath(t, reply);
    updateSession(h, { offer: undefined });
    return ask(h, `${part(t, rest || reply)} ${t('safety.anythingElse')}`, t('safety.reprompt'));
  },
};

/** Back pain, sciatica, stiffness…: what this guide is for, with the matching routine on offer. */
function needReply(
  h: HandlerInput,
  needId: string,
  needName: string,
  mode: 'question' | 'statement',
): Response {
  const t = translatorOf(h);
  const routine = catalogueOf(h).routineFor(needId);
  const lead = t(mode === 'question' ? 'safety.need.question' : 'safety.need.statement', { need: needName });
  if (!routine) return ask(h, `${lead} ${stopRules(t)} ${t('safety.anythingElse')}`, t('safety.reprompt'));
  updateSession(h, { offer: { kind: 'routine', routineId: routine.id } });
  const offer = t('safety.need.offer', { routine: routine.name });
  return ask(h, `${lead} ${stopRules(t)} ${offer}`, offer);
}

/**
 * Words that are a need on their own but a sign with something else ("morning stiffness": with
 * night pain, in a younger person, the inflammatory pattern) get that one question first, wherever
 * they are said: a statement, "which point helps …", "start a routine for …". Undefined when the
 * words hint at nothing, or the sign was already noted this session.
 */
export function hintQuestion(
  h: HandlerInput,
  spoken: string | undefined,
  needId?: string,
): Response | undefined {
  const hinted = spoken ? catalogueOf(h).safety.hintedRedFlag(spoken) : undefined;
  if (!hinted?.askFirst || readSafety(h).redFlags.includes(hinted.id)) return undefined;
  const t = translatorOf(h);
  const question = t('safety.hint.ask', { question: hinted.askFirst.question });
  patchSafety(h, {
    pending: {
      action: 'hint',
      flag: hinted.id,
      need: needId ?? hinted.askFirst.need,
      asked: fingerprint(question),
    },
  });
  return ask(h, question, t('safety.confirmReprompt'));
}

/** "Yes" or "no" to a red flag's own question ("does it also hurt at night?"). */
export function hintAnswered(
  h: HandlerInput,
  flagId: string,
  needId: string | undefined,
  yes: boolean,
): Response {
  const flag = catalogueOf(h).safety.getRedFlag(flagId);
  if (yes && flag) {
    noteAll(h, [{ kind: 'red-flag', redFlag: flag }]);
    return triageResponse(h, flag);
  }
  const need = needId ? catalogueOf(h).getNeed(needId) : undefined;
  if (need) return needReply(h, need.id, need.name, 'statement');
  return askKeys(h, 'safety.statement.next', 'safety.reprompt');
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
  const routine = offer?.kind === 'routine' ? catalogueOf(h).getRoutine(offer.routineId) : undefined;
  if (!routine) return t('safety.statement.next');
  if (breathingOnlyReasons(profileOf(state, catalogueOf(h).safety)).length > 0)
    return t('safety.statement.offerBreathing');
  return t('safety.statement.offerRoutine', { routine: routine.name });
}

export const SafetyCheckIntentHandler = healthIntent('SafetyCheckIntent', (h, t, state) =>
  respond(h, t, state, 'question'),
);

export const HealthStatementIntentHandler = healthIntent('HealthStatementIntent', (h, t, state) =>
  respond(h, t, state, 'statement'),
);
