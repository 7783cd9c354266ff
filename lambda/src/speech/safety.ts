/**
 * Safety answers as speech. Every sentence comes from i18n/en/safety.json; values from data are
 * escaped by the translator, and already-built SSML is passed with `{{- x}}`.
 */
import { getPoint } from '../core/catalogue';
import {
  getCondition,
  getRedFlag,
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
  const phrases = ids.map((id) => getCondition(id)?.you).filter((you): you is string => you !== undefined);
  return formatList(t, phrases.map(escapeSsml));
}

export function careSentence(t: Translate, care: CareLevel): string {
  return care === 'emergency' ? t('safety.care.emergency') : t('safety.care.urgent');
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

/** The urgent-care answer: the level of care first, then why, then what happens to routines. */
export function triageSpeech(t: Translate, trigger: RedFlag | Condition): string {
  const { care, why } = triage(trigger);
  const values = { care: careSentence(t, care), why };
  return care === 'emergency' ? t('safety.triage.emergency', values) : t('safety.triage.urgent', values);
}

/** Why a change was made, as "you take blood thinners and you have varicose veins". */
export function reasons(t: Translate, ids: string[]): string {
  const parts = ids.map((id) => {
    if (id === 'unknown') return t('safety.reason.unknown');
    const condition = getCondition(id);
    if (condition) return t('safety.reason.condition', { you: condition.you });
    const flag = getRedFlag(id);
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
  const point = answer.point ? getPoint(answer.point) : undefined;
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
    return triageSpeech(t, condition);
  } else if (point) {
    const code = speakableCode(point.code);
    const values = { code, name: point.names[0], you: condition.you, advice: condition.advice };
    if (answer.avoid.length > 0) body = t('safety.point.avoid', values);
    else if (answer.palmsInstead.length > 0) body = t('safety.point.palms', values);
    else if (answer.grade === 'check-first') body = t('safety.point.checkFirst', values);
    else if (answer.grade === 'lighter') body = t('safety.point.lighter', values);
    else body = t('safety.point.ok', values);
  } else {
    const { advice } = condition;
    if (answer.grade === 'check-first') {
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
