/**
 * Safety answers as speech. Every sentence comes from i18n/en/safety.json; values from data are
 * escaped by the translator, and already-built SSML is passed with `{{- x}}`.
 */
import { catalogueFor } from '../core/catalogue';
import {
  strictestCare,
  triage,
  type CareLevel,
  type Condition,
  type RedFlag,
  type RoutineChange,
  type SafetyAnswer,
} from '../core/safety';
import type { PointCode, Tool } from '../core/types';
import type { Translate } from '../i18n';
import { escapeSsml } from '../i18n/escape';
import { spokenPhrase } from './bounded-text';
import { formatDuration, formatList } from './duration';
import { speakableCode } from './ssml';

export function pointList(t: Translate, codes: PointCode[]): string {
  return formatList(
    t,
    codes.map((c) => speakableCode(c)),
  );
}

/** "you're pregnant and you take blood thinners", for conditions by id (unknown ids are left out). */
export function youList(t: Translate, ids: string[]): string {
  const rules = catalogueFor(t.language).safety;
  const phrases = ids
    .map((id) => rules.getCondition(id)?.you)
    .filter((you): you is string => you !== undefined);
  return formatList(t, phrases.map(escapeSsml));
}

export function careSentence(t: Translate, care: CareLevel): string {
  switch (care) {
    case 'emergency':
      return t('safety.care.emergency');
    case 'urgent':
      return t('safety.care.urgent');
    case 'clinician':
      return t('safety.care.clinician');
    case 'adults-only':
      return t('safety.care.adultsOnly');
  }
}

/** Why no routine will start this session (each red flag or stop-tier condition), and what care to get. */
export function blockedSpeech(
  t: Translate,
  blocking: ReadonlyArray<RedFlag | Condition>,
  key = 'safety.change.blocked',
): string {
  return t(key, {
    reasons: reasons(
      t,
      blocking.map((b) => b.id),
    ),
    care: careSentence(t, strictestCare(blocking)),
  });
}

/**
 * The urgent-care answer in one breath (voice guide): the level of care first, from the market's
 * care words (an emergency: call the emergency number now), then that no routine will start, then
 * one question: "Want to know why?" (the reason is `triageReason`). A reason that itself escalates
 * ("if it was a serious accident … call emergency services now") has its escalation said here, in
 * the market's words (`safety.triage.escalation.<id>`), so it is never only behind the question.
 * Clinician and adults-only triggers keep their own sentence (the reason is the answer).
 */
export function triageSpeech(t: Translate, trigger: RedFlag | Condition): string {
  const { care, why } = triage(trigger);
  const values = { care: careSentence(t, care), why };
  switch (care) {
    case 'emergency':
      return t('safety.triage.emergency', values);
    case 'urgent': {
      const escalation = escalationSentence(t, trigger);
      return escalation
        ? t('safety.triage.urgentEscalated', { ...values, escalation })
        : t('safety.triage.urgent', values);
    }
    case 'clinician':
      return t('safety.triage.clinician', values);
    case 'adults-only':
      return t('safety.triage.adultsOnly', values);
  }
}

/** The emergency a same-day trigger's reason calls for in some cases, in the market's words, or ''. */
export function escalationSentence(t: Translate, trigger: RedFlag | Condition): string {
  return t(`safety.triage.escalation.${trigger.id}`, { call: t('safety.care.call'), defaultValue: '' });
}

/** Said again after a silence: an emergency repeats the call for help with the question. */
export function triageReprompt(t: Translate, trigger: RedFlag | Condition): string {
  const { care } = triage(trigger);
  if (care === 'emergency') return t('safety.triage.emergencyReprompt', { care: careSentence(t, care) });
  return t('safety.triage.whyReprompt');
}

/** The short clinician answer when its reason and what comes next do not fit in one breath. */
export function clinicianShort(t: Translate): string {
  return t('safety.triage.clinicianShort', { care: careSentence(t, 'clinician') });
}

/**
 * "Why?" (or yes, or "tell me more") after the urgent-care answer: the catalogue's reason; an
 * emergency then closes so the user can get help; `next` is what a clinician answer asks next.
 */
export function triageReason(t: Translate, trigger: RedFlag | Condition, next: string): string {
  const { care, why } = triage(trigger);
  if (care === 'emergency') return t('safety.triage.because.emergency', { why });
  if (care === 'clinician') return t('safety.triage.because.clinician', { why, next });
  return t('safety.triage.because.urgent', { why });
}

/**
 * The urgent-care answer as a statement, the reason included and no question (where another
 * question follows it, as "shall I remember that?").
 */
export function triageStatement(t: Translate, trigger: RedFlag | Condition): string {
  const { care, why } = triage(trigger);
  if (care !== 'emergency' && care !== 'urgent') return triageSpeech(t, trigger);
  return t('safety.triage.statement', { care: careSentence(t, care), why });
}

/** Why a change was made, as "you take blood thinners and you have varicose veins". */
export function reasons(t: Translate, ids: string[]): string {
  const rules = catalogueFor(t.language).safety;
  const parts = ids.map((id) => {
    if (id === 'unknown') return t('safety.reason.unknown');
    const condition = rules.getCondition(id);
    if (condition) return t('safety.reason.condition', { you: condition.you });
    const flag = rules.getRedFlag(id);
    return flag ? t('safety.reason.redFlag', { name: flag.name }) : '';
  });
  return formatList(
    t,
    parts.filter((p) => p !== ''),
  );
}

export function stopRules(t: Translate): string {
  return t('safety.stopRules');
}

/** The graded answer to "is it safe if…", ending with the not-medical-advice reminder. */
export function answerSpeech(t: Translate, answer: SafetyAnswer, spoken?: string): string {
  const { condition } = answer;
  const point = answer.point ? catalogueFor(t.language).getPoint(answer.point) : undefined;
  let body: string;
  if (condition === 'unknown') {
    body = spoken
      ? t('safety.answer.unknown', { spoken: spokenPhrase(spoken) })
      : t('safety.answer.unknownNoWords');
    body = `${body} ${t('safety.answer.breathingMeanwhile')} ${stopRules(t)}`;
  } else if (condition === undefined) {
    if (point) {
      const cautions = point.cautions.join(' ');
      body = point.inRoutines
        ? t('safety.point.only', { code: speakableCode(point.code), name: point.names[0], cautions })
        : t('safety.point.onlySafetyPoint', {
            code: speakableCode(point.code),
            name: point.names[0],
            cautions,
          });
    } else {
      body = `${t('safety.answer.general')} ${stopRules(t)} ${t('safety.answer.tellMe')}`;
    }
  } else if (answer.grade === 'get-help') {
    return triageStatement(t, condition);
  } else if (point) {
    const code = speakableCode(point.code);
    const values = { code, name: point.names[0], you: condition.you, advice: condition.advice };
    if (answer.avoid.length > 0) body = t('safety.point.avoid', values);
    else if (answer.palmsInstead.length > 0) body = t('safety.point.palms', values);
    else if (answer.grade === 'check-first' && answer.breathingOnly)
      body = t('safety.point.breathingOnly', values);
    else if (answer.grade === 'check-first') body = t('safety.point.checkFirst', values);
    else if (answer.grade === 'lighter') body = t('safety.point.lighter', values);
    else body = t('safety.point.ok', values);
  } else {
    const { advice } = condition;
    if (answer.grade === 'check-first' && answer.breathingOnly) {
      // Pregnancy (rule 3.2, E-11): no pressure at all, so no list of codes and no "unless checked".
      body = `${t('safety.answer.breathingOnly', { advice })} ${t('safety.answer.breathingMeanwhile')}`;
    } else if (answer.grade === 'check-first') {
      body = t('safety.answer.checkFirst', { advice });
      if (answer.avoid.length > 0)
        body = `${body} ${t('safety.answer.pointsToSkip', { points: pointList(t, answer.avoid) })}`;
      if (answer.breathingOnly) body = `${body} ${t('safety.answer.breathingMeanwhile')}`;
    } else if (answer.grade === 'lighter') {
      body = t('safety.answer.lighter', { advice });
      if (answer.palmsInstead.length > 0)
        body = `${body} ${t('safety.answer.palmsInstead', { points: pointList(t, answer.palmsInstead) })}`;
      if (answer.avoid.length > 0)
        body = `${body} ${t('safety.answer.alsoSkip', { points: pointList(t, answer.avoid) })}`;
    } else if (answer.avoid.length > 0) {
      body = t('safety.answer.skipPoints', { advice, points: pointList(t, answer.avoid) });
    } else {
      body = t('safety.answer.keepOff', { advice });
    }
  }
  return `${body} ${t('safety.reminder')}`;
}

function toolWords(t: Translate, tools: Tool[]): string {
  return formatList(
    t,
    tools.map((tool) =>
      tool === 'ball'
        ? t('safety.tool.ball')
        : tool === 'towel-roll'
          ? t('safety.tool.towelRoll')
          : t('safety.tool.fists'),
    ),
  );
}

/** One change as a clause that follows "I've": "left out B L 40". */
function changeClause(t: Translate, change: RoutineChange): string {
  switch (change.kind) {
    case 'breathing-only':
      return t('safety.change.breathingOnly');
    case 'skipped':
      return t('safety.change.skipped', { points: pointList(t, change.points) });
    case 'palms-instead':
      return t('safety.change.palmsInstead', { points: pointList(t, change.points) });
    case 'no-tools':
      return t('safety.change.noTools', { tools: toolWords(t, change.tools) });
    case 'lighter':
      return t('safety.change.lighter');
    case 'shorter':
      return t('safety.change.shorter', { duration: formatDuration(t, change.maxSeconds) });
    case 'keep-off-site':
      return '';
  }
}

/** The one sentence said when a routine starts with changes ("Because you…, I've …."). */
export function changesSentence(
  t: Translate,
  changes: RoutineChange[],
  key = 'safety.change.sentence',
): string {
  if (changes.length === 0) return '';
  const clauses = changes.map((c) => changeClause(t, c)).filter((c) => c !== '');
  const because = [...new Set(changes.flatMap((c) => c.because))];
  const site = changes.find((c) => c.kind === 'keep-off-site');
  if (clauses.length === 0 && site)
    return t('safety.change.keepOffSiteOnly', { reasons: reasons(t, site.because) });
  const sentence = t(key, {
    reasons: reasons(t, because),
    changes: formatList(t, clauses),
  });
  return site ? `${sentence} ${t('safety.change.keepOffSite')}` : sentence;
}

/** "What did you change?": each change with its own reason. */
export function changesExplained(t: Translate, routineName: string, changes: RoutineChange[]): string {
  const items = changes.map((c) =>
    c.kind === 'keep-off-site'
      ? t('safety.change.explainKeepOff', { reasons: reasons(t, c.because) })
      : t('safety.change.explain', { change: changeClause(t, c), reasons: reasons(t, c.because) }),
  );
  return t('safety.change.explained', { routine: routineName, items: items.join(' ') });
}

/** Whether any of these texts speaks of finger-widths. */
/** Whether catalogue text speaks of finger-widths, by the language's own word for the unit (`safety.fingerWidthWord`). */
export function mentionsFingerWidths(t: Translate, texts: string[]): boolean {
  const word = t('safety.fingerWidthWord').toLowerCase();
  return word !== '' && texts.some((text) => text.toLowerCase().includes(word));
}

/** What a finger-width is (said once a session). */
export function fingerWidthSpeech(t: Translate): string {
  return t('safety.fingerWidth');
}

/**
 * The pre-routine safety question in three groups: history (cancer only, when pregnancy is already
 * known), nerve signs (either leg before the disc routine), and fever or a fall.
 */
export function screeningSpeech(
  t: Translate,
  {
    pregnancyKnown,
    eitherLeg,
    returning = false,
  }: { pregnancyKnown: boolean; eitherLeg: boolean; returning?: boolean },
): { speech: string; reprompt: string } {
  // A user who has answered it before hears one line about what may be new, with the same groups
  // (numbness or weakness anywhere, so the disc routine's "either leg" is included).
  if (returning) {
    const speech = t('safety.screen.returning', {
      history: pregnancyKnown ? t('safety.screen.returningCancer') : t('safety.screen.returningHistory'),
      signs: t('safety.screen.returningSigns'),
    });
    return { speech, reprompt: t('safety.screen.returningReprompt') };
  }
  const history = pregnancyKnown ? t('safety.screen.cancer') : t('safety.screen.history');
  const signs = eitherLeg ? t('safety.screen.signsAnyLeg') : t('safety.screen.signs');
  const question = t('safety.screen.question', { history, signs, other: t('safety.screen.other') });
  return { speech: `${t('safety.screen.lead')} ${question}`, reprompt: t('safety.screen.reprompt') };
}

/** The stop rules at a routine's start: in full the first time in a session, then a reminder. */
export function routineStopRulesSpeech(
  t: Translate,
  { full, sciatica }: { full: boolean; sciatica: boolean },
): string {
  if (!full) {
    return t(sciatica ? 'safety.routineStopRules.reminderSciatica' : 'safety.routineStopRules.reminder');
  }
  const leg = sciatica ? t('safety.routineStopRules.legSciatica') : t('safety.routineStopRules.leg');
  return t('safety.routineStopRules.full', { leg });
}

/**
 * What a stop-rule symptom gets: what to do now, then (mid-routine) the three choices, or that the
 * routine has stopped, or (outside a routine) what next.
 */
export function stopSymptomSpeech(
  t: Translate,
  advice: string,
  then: 'choose' | 'stopped' | 'next',
): { speech: string; reprompt: string } {
  const now = t('safety.stop.advice', { advice });
  if (then === 'choose')
    return { speech: `${now} ${t('safety.stop.choices')}`, reprompt: t('safety.stop.choicesReprompt') };
  if (then === 'stopped') return { speech: `${now} ${t('safety.stop.routineStopped')}`, reprompt: '' };
  return { speech: `${now} ${t('safety.stop.next')}`, reprompt: t('safety.reprompt') };
}
