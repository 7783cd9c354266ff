/**
 * Find-a-point answers as speech: a point's short answer, its full detail, how long to hold it and
 * where it is. Every sentence comes from i18n/en/find.json; values from data are escaped by the
 * translator.
 */
import { catalogueFor, type PointMatch } from '../core/catalogue';
import { type Condition, type PointAdvice, type RedFlag, type StepText } from '../core/safety';
import type { Need, Point, Routine } from '../core/types';
import type { Translate } from '../i18n';
import { formatDuration, formatList } from './duration';
import { speakableCode } from './ssml';
import { heardWords, ONE_BREATH_WORDS } from './one-breath';
import { spokenPhrase } from './bounded-text';
import { blockedSpeech, pointList, reasons } from './safety';

/** How long to hold a point, in words ("2 minutes", "1 minute on each side"). */
export function holdPhrase(t: Translate, point: Point, seconds = point.holdSeconds): string {
  const duration = formatDuration(t, seconds);
  return point.sides === 'left-then-right' ? t('common.duration.eachSide', { duration }) : duration;
}

/** The first of `answers` (most to least complete) that fits one breath; the last one otherwise. */
function oneBreath(answers: string[], extra = ''): string {
  const budget = ONE_BREATH_WORDS - heardWords(extra);
  return answers.find((a) => heardWords(a) <= budget) ?? answers[answers.length - 1];
}

/**
 * The short, speakable answer for a point: name and code, its landmark and how long to hold it (how
 * to press it is "tell me more" and "how do I press it"). With `offer` (the question that follows)
 * it fits one breath: when the landmark is too long for that, the answer names the body region and
 * the landmark comes on "tell me more" or "where exactly".
 */
export function pointShortSpeech(t: Translate, match: PointMatch, offer = ''): string {
  const { point } = match;
  const code = speakableCode(point.code);
  const renumbered = match.via === 'article-label' ? `${t('find.renumbered')} ` : '';
  const gach = point.gach.find((g) => g.replace(/\D/g, '') !== point.code.replace(/\D/g, ''));
  const alias = gach ? t('find.alias', { gach: speakableCode(gach) }) : '';
  const region = t('find.region', { region: point.region });
  if (!point.inRoutines) {
    const only = (find: string) =>
      renumbered +
      t('find.safetyOnlyShort', { name: point.names[0], code, find, caution: point.cautions[0] });
    return oneBreath([only(point.find.short), only(region)], offer);
  }
  const short = (find: string, aka: string) =>
    renumbered +
    t('find.short', { name: point.names[0], code, alias: aka, find, hold: holdPhrase(t, point) });
  // Asked by a chart's number ("B 47"), the answer keeps that number and gives up the landmark first.
  const byChart = match.via === 'gach' || match.via === 'article-label';
  const answers = byChart
    ? [short(point.find.short, alias), short(region, alias)]
    : [short(point.find.short, alias), short(point.find.short, ''), short(region, alias), short(region, '')];
  return oneBreath(answers, offer);
}

/**
 * "Tell me more", in at most 70 words: where the point is, anatomically (the first answer gave the
 * landmark, "where exactly" gives the steps to find it), and its cautions. How to press it in detail
 * is the next answer, on request (`pointPressSpeech`).
 */
export function pointDetailSpeech(t: Translate, point: Point): string {
  // A point outside the routines had its first caution in the first answer: not said twice.
  const cautions = point.inRoutines ? point.cautions : point.cautions.slice(1);
  return [
    t('find.detail', { code: speakableCode(point.code), location: point.location }),
    cautions.length > 0 ? t('find.cautions', { cautions: cautions.join(' ') }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** "Want to hear how to press it?" answered yes: the technique in detail, then one question. */
export function pointPressSpeech(t: Translate, point: Point): { speech: string; reprompt: string } {
  const code = speakableCode(point.code);
  const press = t('find.press', { techniqueDetail: point.technique.detail });
  return point.inRoutines
    ? { speech: `${press} ${t('find.pressOffer')}`, reprompt: t('find.pressOfferReprompt', { code }) }
    : { speech: `${press} ${t('find.pressNoHold', { code })}`, reprompt: t('find.afterFollowUpReprompt') };
}

/** "Hold B L 23 for 2 minutes." */
export function pointHoldSpeech(t: Translate, point: Point): string {
  return t('find.hold', { code: speakableCode(point.code), hold: holdPhrase(t, point) });
}

/** Where the point is: its region and how to find it. */
export function pointWhereSpeech(t: Translate, point: Point): string {
  return t('find.where', {
    code: speakableCode(point.code),
    region: point.region,
    findDetail: point.find.detail,
  });
}

/**
 * The answer to "where is …" for a point the profile allows: the short answer (adjusted when the
 * profile says so), what a finger-width is when that is said for the first time (`note` gives the
 * sentence; it is added, and `explained` is true, only when it fits the breath), then the offer.
 */
export function pointAnswerSpeech(
  t: Translate,
  match: PointMatch,
  advice: PointAdvice,
  note: (answer: string) => string = () => '',
): { speech: string; reprompt: string; explained: boolean } {
  const routinePoint = match.point.inRoutines;
  const palms = advice.kind === 'adjusted' && advice.technique === 'palms';
  const offer = palms
    ? t('find.profile.offerDetail')
    : t(routinePoint ? 'find.offer' : 'find.safetyOnlyOffer');
  const reprompt = palms
    ? t('find.profile.offerDetailReprompt')
    : t(routinePoint ? 'find.offerReprompt' : 'find.safetyOnlyOfferReprompt');
  const answer = pointShortUnderProfile(t, match, advice, offer);
  const explain = note(answer);
  const fits = explain !== '' && heardWords(`${answer} ${explain} ${offer}`) <= ONE_BREATH_WORDS;
  return {
    speech: [answer, fits ? explain : '', offer].filter(Boolean).join(' '),
    reprompt,
    explained: fits,
  };
}

/**
 * A follow-up's answer ("how long do I hold it"), what a finger-width is when that is said for the
 * first time (`explained`), then what the user can ask next about the point.
 */
export function followUpSpeech(t: Translate, answer: string, point: Point, explained = ''): string {
  return [answer, explained, t('find.afterFollowUp', { code: speakableCode(point.code) })]
    .filter(Boolean)
    .join(' ');
}

/** "I don't know the point …": a point the catalogue does not have. */
export function unknownPointSpeech(t: Translate, spoken: string | undefined): string {
  return spoken ? t('find.unknownPoint', { spoken: spokenPhrase(spoken) }) : t('find.unknownPointNoWords');
}

/** A point in a spoken list: its name only (voice guide: never a list of codes). */
function needItem(t: Translate, point: Point): string {
  return t('find.needItem', { name: point.names[0] });
}

/**
 * The points for a need (at most three, as lists read aloud stop there), the need's note, and the
 * offer: the matching routine when there is one, else the first point.
 */
export function pointsForNeedSpeech(t: Translate, need: Need, points: Point[], routine?: Routine): string {
  if (points.length === 1) return t('find.needOnePoint', { need: need.name, item: needItem(t, points[0]) });
  const note = t(`find.needNote.${need.id}`, { defaultValue: '' });
  const offer = routine ? t('find.needOfferRoutine', { routine: routine.name }) : t('find.needOfferPoint');
  return [
    t('find.needList', {
      need: need.name,
      list: formatList(
        t,
        points.map((p) => needItem(t, p)),
      ),
    }),
    note,
    offer,
  ]
    .filter(Boolean)
    .join(' ');
}

// ---------------------------------------------------------------------------------------------
// Under the session's safety profile (core/safety/point.ts decides; these word it)

type Adjusted = Extract<PointAdvice, { kind: 'adjusted' }>;
type NotPressed = Extract<PointAdvice, { kind: 'ruled-out' | 'blocked' }>;

/** "pregnancy and varicose veins": what the ids name (conditions, red flags, or an unknown one). */
export function conditionNames(t: Translate, ids: string[]): string {
  const rules = catalogueFor(t.language).safety;
  return formatList(
    t,
    ids.map((id) => {
      if (id === 'unknown') return t('find.profile.unknownName');
      return t('find.profile.name', {
        name: rules.getCondition(id)?.name ?? rules.getRedFlag(id)?.name ?? '',
      });
    }),
  );
}

/** How to press a point the profile adjusts (or as written), with how long, in one or two sentences. */
function adjustedHow(t: Translate, point: Point, advice: Adjusted): string {
  const hold = holdPhrase(t, point, advice.holdSeconds);
  const why = reasons(t, advice.because);
  let how: string;
  if (advice.technique === 'palms') how = t('find.profile.palms', { reasons: why, hold });
  else if (advice.technique === 'light' && advice.handsOnly)
    how = t('find.profile.lightHands', { reasons: why, cue: advice.handsOnly.cue, hold });
  else if (advice.technique === 'light') how = t('find.profile.light', { reasons: why, hold });
  else how = t('find.profile.asWritten', { technique: point.technique.short, hold });
  return advice.keepOffSite ? `${how} ${t('find.profile.keepOffSite')}` : how;
}

/**
 * Why a point is not to be pressed now: briefly, in one sentence (and the care, when blocked).
 * `again` for a follow-up about the same point, so the answer is never the same twice in a row.
 */
export function notPressedSpeech(t: Translate, point: Point, advice: NotPressed, again = false): string {
  if (advice.kind === 'blocked') {
    const rules = catalogueFor(t.language).safety;
    const triggers = advice.because
      .map((id) => rules.getRedFlag(id) ?? rules.getCondition(id))
      .filter((x): x is RedFlag | Condition => x !== undefined);
    return blockedSpeech(t, triggers, 'find.profile.blocked');
  }
  return t(again ? 'find.profile.leaveAloneAgain' : 'find.profile.leaveAlone', {
    names: conditionNames(t, advice.because),
    code: speakableCode(point.code),
  });
}

/** The short answer for a point the profile allows, adjusted when it must be. */
export function pointShortUnderProfile(
  t: Translate,
  match: PointMatch,
  advice: PointAdvice,
  offer = '',
): string {
  if (advice.kind !== 'adjusted' || !match.point.inRoutines) return pointShortSpeech(t, match, offer);
  const { point } = match;
  const gach = point.gach.find((g) => g.replace(/\D/g, '') !== point.code.replace(/\D/g, ''));
  const renumbered = match.via === 'article-label' ? `${t('find.renumbered')} ` : '';
  return (
    renumbered +
    t('find.profile.short', {
      name: point.names[0],
      code: speakableCode(point.code),
      alias: gach ? t('find.alias', { gach: speakableCode(gach) }) : '',
      find: point.find.short,
      how: adjustedHow(t, point, advice),
    })
  );
}

/** "Tell me more" under the profile: where it is, then the adjusted way to press it, and its cautions. */
export function pointDetailUnderProfile(t: Translate, point: Point, advice: PointAdvice): string {
  if (advice.kind !== 'adjusted' || !point.inRoutines) return pointDetailSpeech(t, point);
  return [
    t('find.profile.detail', {
      code: speakableCode(point.code),
      location: point.location,
      findDetail: point.find.detail,
      how: adjustedHow(t, point, advice),
    }),
    point.cautions.length > 0 ? t('find.cautions', { cautions: point.cautions.join(' ') }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** "How long do I hold it" under the profile. */
export function pointHoldUnderProfile(t: Translate, point: Point, advice: PointAdvice): string {
  if (advice.kind !== 'adjusted') return pointHoldSpeech(t, point);
  const values = { code: speakableCode(point.code), hold: holdPhrase(t, point, advice.holdSeconds) };
  if (advice.technique === 'palms') return t('find.profile.holdPalms', values);
  if (advice.technique === 'light') return t('find.profile.holdLight', values);
  return t('find.hold', values);
}

/** A timed hold's position and cue for a point the profile makes light and hands only. */
export function adjustedHoldWords(t: Translate, advice: PointAdvice): StepText | undefined {
  if (advice.kind !== 'adjusted' || advice.technique !== 'light') return undefined;
  return advice.handsOnly ?? { position: t('find.profile.lightPosition'), cue: t('find.profile.lightCue') };
}

/** Points of a need left out for the profile: "With varicose veins, I've left out B L 40." */
export function needLeftOutSpeech(t: Translate, because: string[], left: Point[]): string {
  return t('find.profile.needLeftOut', {
    names: conditionNames(t, because),
    points: pointList(
      t,
      left.map((p) => p.code),
    ),
  });
}

/** Every point of a need is ruled out: why, and the breathing-only routine on offer. */
export function needNoneSpeech(t: Translate, because: string[], need: Need): string {
  return `${t('find.profile.needNone', { names: conditionNames(t, because), need: need.name })} ${t('find.profile.offerBreathing')}`;
}
