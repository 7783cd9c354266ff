/**
 * "Find a point": where a point is, how to press it, for how long; points for a need; and the
 * follow-ups that refer to the last point ("tell me more", "how long do I hold it", "where exactly").
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { PointMatch } from '../core/catalogue';
import { pointAdvice, pointAllowed, type PointAdvice, type SafetyProfile } from '../core/safety';
import type { Point } from '../core/types';
import type { Translate } from '../i18n';
import {
  followUpSpeech,
  needLeftOutSpeech,
  needNoneSpeech,
  notPressedSpeech,
  pointDetailUnderProfile,
  pointHoldUnderProfile,
  pointPressSpeech,
  pointAnswerSpeech,
  pointsForNeedSpeech,
  pointWhereSpeech,
  unknownPointSpeech,
} from '../speech/find';
import { speakableCode } from '../speech/ssml';
import { loadStoredProfile, profileOf } from './safety/health-profile';
import { spokenPhrase } from '../speech/bounded-text';
import { currentOffer, lastPointCode, updateSession, type Offer } from './conversation';
import { catalogueOf, isIntent, readNeed, readPoint, translatorOf } from './input';
import { showPoint } from './screen';
import { ask, askKeys } from './reply';
import type { GuideHandler } from './handler';
import { fingerWidthOnce, fingerWidthPending, fingerWidthSaid } from './safety/plain-words';
import { hintQuestion } from './safety/health';

/** The session's safety profile: what the user said this session, and what they asked to be remembered. */
async function sessionProfile(h: HandlerInput): Promise<SafetyProfile> {
  return profileOf(await loadStoredProfile(h), catalogueOf(h).safety);
}

async function answerPoint(h: HandlerInput, match: PointMatch): Promise<Response> {
  const t = translatorOf(h);
  const { point } = match;
  const profile = await sessionProfile(h);
  const advice = pointAdvice(profile, point, catalogueOf(h).safety);
  showPoint(h, point, advice);
  if (advice.kind === 'blocked' || advice.kind === 'ruled-out') return notPressed(h, point, advice, profile);
  updateSession(h, { lastPoint: point.code, offer: { kind: 'point', code: point.code } });
  const { speech, reprompt, explained } = pointAnswerSpeech(t, match, advice, (answer) =>
    fingerWidthPending(h, answer),
  );
  if (explained) fingerWidthSaid(h);
  return ask(h, speech, reprompt);
}

/**
 * A point the profile rules out (or everything, after a red flag): why, briefly, and what is allowed:
 * another point for the same needs, or the breathing-only routine.
 */
function notPressed(
  h: HandlerInput,
  point: Point,
  advice: Extract<PointAdvice, { kind: 'blocked' | 'ruled-out' }>,
  profile: SafetyProfile,
  again = false,
): Response {
  const t = translatorOf(h);
  const why = notPressedSpeech(t, point, advice, again);
  if (advice.kind === 'blocked') {
    updateSession(h, { lastPoint: point.code, offer: undefined });
    return ask(h, why, t('safety.gate.blockedReprompt'));
  }
  const instead = advice.breathingOnly
    ? undefined
    : catalogueOf(h).points.find(
        (p) =>
          p.inRoutines &&
          p.code !== point.code &&
          p.needs.some((n) => point.needs.includes(n)) &&
          pointAllowed(pointAdvice(profile, p, catalogueOf(h).safety)),
      );
  if (instead) {
    updateSession(h, { lastPoint: point.code, offer: { kind: 'need-point', code: instead.code } });
    const values = { code: speakableCode(instead.code), name: instead.names[0] };
    return ask(
      h,
      `${why} ${t('find.profile.offerInstead', values)}`,
      t('find.profile.offerInsteadReprompt', values),
    );
  }
  updateSession(h, {
    lastPoint: point.code,
    offer: {
      kind: 'routine',
      routineId: 'general',
      ...(advice.breathingOnly ? {} : { breathingOnly: true }),
    },
  });
  return ask(h, `${why} ${t('find.profile.offerBreathing')}`, t('find.profile.offerBreathingReprompt'));
}

/**
 * "Time a hold" on a point the session's profile rules out: why, and what is allowed, before any
 * safety question; undefined otherwise (the gate then blocks or adjusts the hold).
 */
export async function pointNotPressed(h: HandlerInput, point: Point): Promise<Response | undefined> {
  const profile = await sessionProfile(h);
  const advice = pointAdvice(profile, point, catalogueOf(h).safety);
  // A block (red flag, stop-tier condition) is the routine gate's to say, as for every routine.
  if (advice.kind === 'ruled-out')
    return notPressed(h, point, advice, profile, lastPointCode(h) === point.code);
  return undefined;
}

/** A point was named that the catalogue does not have: say so, and ask again. */
export function unknownPoint(h: HandlerInput, spoken: string | undefined): Response {
  const t = translatorOf(h);
  return ask(h, unknownPointSpeech(t, spoken), t('find.unknownPointReprompt'));
}

export const FindPointIntentHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => isIntent(h, 'FindPointIntent'),
  async handle(h) {
    const { found: match, spoken, given } = readPoint(h);
    if (!given) return askKeys(h, 'find.askPoint', 'find.askPointReprompt');
    if (!match) return unknownPoint(h, spoken);
    return answerPoint(h, match);
  },
};

export const PointsForNeedIntentHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => isIntent(h, 'PointsForNeedIntent'),
  async handle(h) {
    const t = translatorOf(h);
    const { found: need, spoken, given } = readNeed(h);
    if (!given) return askKeys(h, 'find.askNeed', 'find.askNeedReprompt');
    if (!need) {
      const speech = spoken
        ? t('find.unknownNeed', { spoken: spokenPhrase(spoken) })
        : t('find.unknownNeedNoWords');
      return ask(h, speech, t('find.unknownNeedReprompt'));
    }
    if (!need.inScope) {
      return ask(h, t('find.outOfScope', { need: need.name }), t('find.unknownNeedReprompt'));
    }
    // "Which point helps morning stiffness": one question about night pain first.
    const hint = hintQuestion(h, spoken, need.id);
    if (hint) return hint;
    const profile = await sessionProfile(h);
    const all = catalogueOf(h).pointsFor(need.id, Infinity);
    if (all.length === 0) {
      return ask(h, t('find.noPointsForNeed', { need: need.name }), t('find.unknownNeedReprompt'));
    }
    const verdicts = all.map((point) => ({
      point,
      advice: pointAdvice(profile, point, catalogueOf(h).safety),
    }));
    const allowed = verdicts.filter((v) => pointAllowed(v.advice)).map((v) => v.point);
    const left = verdicts.filter((v) => !pointAllowed(v.advice));
    const because = [...new Set(left.flatMap((v) => ('because' in v.advice ? v.advice.because : [])))];
    const needRoutine = catalogueOf(h).routineFor(need.id)?.id ?? 'general';
    if (allowed.length === 0) {
      updateSession(h, {
        offer: { kind: 'routine', routineId: needRoutine, breathingOnly: true },
      });
      return ask(h, needNoneSpeech(t, because, need), t('find.profile.offerBreathingReprompt'));
    }
    const found = allowed.slice(0, 3);
    const routine = found.length > 1 ? catalogueOf(h).routineFor(need.id) : undefined;
    updateSession(h, {
      lastPoint: found[0].code,
      offer: routine
        ? { kind: 'routine', routineId: routine.id }
        : { kind: 'need-point', code: found[0].code },
    });
    const speech = pointsForNeedSpeech(t, need, found, routine);
    const note =
      left.length > 0
        ? `${needLeftOutSpeech(
            t,
            because,
            left.map((v) => v.point),
          )} `
        : '';
    return ask(h, `${note}${speech}`, t('find.needOfferReprompt'));
  },
};

/** The point a follow-up is about: a point named in the request, else the last point of the session. */
function followUpPoint(h: HandlerInput): {
  point?: Point;
  unknownSpoken?: string;
  given: boolean;
} {
  const { found: match, spoken, given } = readPoint(h);
  if (given) return { point: match?.point, unknownSpoken: match ? undefined : spoken, given };
  const code = lastPointCode(h);
  return { point: code ? catalogueOf(h).getPoint(code) : undefined, given: false };
}

/** What a follow-up ends with: one question, its reprompt, and the offer "yes" answers. */
interface FollowUpNext {
  speech: string;
  reprompt: string;
  offer: Offer;
}

async function followUp(
  h: HandlerInput,
  speak: (t: Translate, point: Point, advice: PointAdvice) => string,
  next?: (t: Translate, point: Point, advice: PointAdvice) => FollowUpNext | undefined,
): Promise<Response> {
  const t = translatorOf(h);
  const { point, unknownSpoken, given } = followUpPoint(h);
  if (given && !point) return unknownPoint(h, unknownSpoken);
  if (!point) {
    return askKeys(h, 'find.noPointYet', 'find.noPointYetReprompt');
  }
  const profile = await sessionProfile(h);
  const advice = pointAdvice(profile, point, catalogueOf(h).safety);
  if (advice.kind === 'blocked' || advice.kind === 'ruled-out')
    return notPressed(h, point, advice, profile, lastPointCode(h) === point.code);
  const answer = speak(t, point, advice);
  const then = next?.(t, point, advice);
  if (then) {
    updateSession(h, { lastPoint: point.code, offer: then.offer });
    const explained = fingerWidthOnce(h, answer);
    return ask(h, [answer, explained, then.speech].filter(Boolean).join(' '), then.reprompt);
  }
  updateSession(h, { lastPoint: point.code, offer: { kind: 'point', code: point.code } });
  return ask(
    h,
    followUpSpeech(t, answer, point, fingerWidthOnce(h, answer)),
    t('find.afterFollowUpReprompt'),
  );
}

export const PointDetailIntentHandler: GuideHandler = {
  duringRoutine: (h) => (isIntent(h, 'AMAZON.YesIntent') ? 'continues' : 'pauses'),
  canHandle: (h) => isIntent(h, 'PointDetailIntent') || (isIntent(h, 'AMAZON.YesIntent') && isPointOffer(h)),
  handle: async (h) => {
    const offer = currentOffer(h);
    if (isIntent(h, 'AMAZON.YesIntent') && offer?.kind === 'need-point') {
      const point = catalogueOf(h).getPoint(offer.code);
      if (point) return answerPoint(h, { point, via: 'code' });
    }
    if (isIntent(h, 'AMAZON.YesIntent') && offer?.kind === 'press') return pressDetail(h, offer.code);
    return followUp(h, pointDetailUnderProfile, detailNext);
  },
};

/**
 * After "tell me more" (unless the profile changed how to press it, which that answer says in
 * full): one question, "Want to hear how to press it?"; yes gives the technique in detail.
 */
function detailNext(t: Translate, point: Point, advice: PointAdvice): FollowUpNext | undefined {
  if (advice.kind === 'adjusted') return undefined;
  return {
    speech: t('find.detailOffer'),
    reprompt: t('find.detailOfferReprompt'),
    offer: { kind: 'press', code: point.code },
  };
}

/** "Yes" to "Want to hear how to press it?": the technique, then "Shall I time a hold on it?". */
async function pressDetail(h: HandlerInput, code: string): Promise<Response> {
  const t = translatorOf(h);
  const point = catalogueOf(h).getPoint(code);
  if (!point) return askKeys(h, 'find.noPointYet', 'find.noPointYetReprompt');
  // The profile may have changed since the offer: the follow-up says why, or gives the light words.
  const advice = pointAdvice(await sessionProfile(h), point, catalogueOf(h).safety);
  if (advice.kind !== 'as-written') return followUp(h, pointDetailUnderProfile);
  const { speech, reprompt } = pointPressSpeech(t, point);
  // "Yes" to "Shall I time a hold on it?" times this point (RoutineYesHandler).
  updateSession(h, {
    lastPoint: point.code,
    offer: point.inRoutines ? { kind: 'hold-again', code: point.code } : { kind: 'point', code: point.code },
  });
  return ask(h, [speech, fingerWidthOnce(h, speech)].filter(Boolean).join(' '), reprompt);
}

function isPointOffer(h: HandlerInput): boolean {
  const offer = currentOffer(h);
  return offer?.kind === 'point' || offer?.kind === 'need-point' || offer?.kind === 'press';
}

export const PointHoldTimeIntentHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => isIntent(h, 'PointHoldTimeIntent'),
  handle: (h) => followUp(h, pointHoldUnderProfile),
};

export const PointLocationIntentHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => isIntent(h, 'PointLocationIntent'),
  handle: (h) => followUp(h, pointWhereSpeech),
};

export const findPointHandlers: GuideHandler[] = [
  FindPointIntentHandler,
  PointsForNeedIntentHandler,
  PointDetailIntentHandler,
  PointHoldTimeIntentHandler,
  PointLocationIntentHandler,
];
