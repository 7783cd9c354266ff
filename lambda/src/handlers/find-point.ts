/**
 * "Find a point": where a point is, how to press it, for how long; points for a need; and the
 * follow-ups that refer to the last point ("tell me more", "how long do I hold it", "where exactly").
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { getPoint, pointsFor, routineFor, type PointMatch } from '../core/catalogue';
import type { Point } from '../core/types';
import type { Translate } from '../i18n';
import {
  followUpSpeech,
  pointAnswerSpeech,
  pointDetailSpeech,
  pointHoldSpeech,
  pointsForNeedSpeech,
  pointWhereSpeech,
  unknownPointSpeech,
} from '../speech/find';
import { spokenPhrase } from '../speech/bounded-text';
import { currentOffer, lastPointCode, updateSession } from './conversation';
import { isIntent, readNeed, readPoint, translatorOf } from './input';
import { showPoint } from './screen';
import { ask, askKeys } from './reply';
import type { GuideHandler } from './handler';
import { fingerWidthOnce } from './safety/plain-words';

function answerPoint(h: HandlerInput, match: PointMatch): Response {
  const t = translatorOf(h);
  updateSession(h, {
    lastPoint: match.point.code,
    offer: { kind: 'point', code: match.point.code },
  });
  const { speech, reprompt } = pointAnswerSpeech(t, match, (answer) => fingerWidthOnce(h, answer));
  showPoint(h, match.point);
  return ask(h, speech, reprompt);
}

/** A point was named that the catalogue does not have: say so, and ask again. */
export function unknownPoint(h: HandlerInput, spoken: string | undefined): Response {
  const t = translatorOf(h);
  return ask(h, unknownPointSpeech(t, spoken), t('find.unknownPointReprompt'));
}

export const FindPointIntentHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => isIntent(h, 'FindPointIntent'),
  handle(h) {
    const { found: match, spoken, given } = readPoint(h);
    if (!given) return askKeys(h, 'find.askPoint', 'find.askPointReprompt');
    if (!match) return unknownPoint(h, spoken);
    return answerPoint(h, match);
  },
};

export const PointsForNeedIntentHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => isIntent(h, 'PointsForNeedIntent'),
  handle(h) {
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
    const found = pointsFor(need.id);
    if (found.length === 0) {
      return ask(h, t('find.noPointsForNeed', { need: need.name }), t('find.unknownNeedReprompt'));
    }
    const routine = found.length > 1 ? routineFor(need.id) : undefined;
    updateSession(h, {
      lastPoint: found[0].code,
      offer: routine
        ? { kind: 'routine', routineId: routine.id }
        : { kind: 'need-point', code: found[0].code },
    });
    const speech = pointsForNeedSpeech(t, need, found, routine);
    return ask(h, speech, t('find.needOfferReprompt'));
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
  return { point: code ? getPoint(code) : undefined, given: false };
}

function followUp(h: HandlerInput, speak: (t: Translate, point: Point) => string): Response {
  const t = translatorOf(h);
  const { point, unknownSpoken, given } = followUpPoint(h);
  if (given && !point) return unknownPoint(h, unknownSpoken);
  if (!point) {
    return askKeys(h, 'find.noPointYet', 'find.noPointYetReprompt');
  }
  updateSession(h, { lastPoint: point.code, offer: { kind: 'point', code: point.code } });
  const answer = speak(t, point);
  return ask(
    h,
    followUpSpeech(t, answer, point, fingerWidthOnce(h, answer)),
    t('find.afterFollowUpReprompt'),
  );
}

export const PointDetailIntentHandler: GuideHandler = {
  duringRoutine: (h) => (isIntent(h, 'AMAZON.YesIntent') ? 'continues' : 'pauses'),
  canHandle: (h) => isIntent(h, 'PointDetailIntent') || (isIntent(h, 'AMAZON.YesIntent') && isPointOffer(h)),
  handle: (h) => {
    const offer = currentOffer(h);
    if (isIntent(h, 'AMAZON.YesIntent') && offer?.kind === 'need-point') {
      const point = getPoint(offer.code);
      if (point) return answerPoint(h, { point, via: 'code' });
    }
    return followUp(h, pointDetailSpeech);
  },
};

function isPointOffer(h: HandlerInput): boolean {
  const offer = currentOffer(h);
  return offer?.kind === 'point' || offer?.kind === 'need-point';
}

export const PointHoldTimeIntentHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => isIntent(h, 'PointHoldTimeIntent'),
  handle: (h) => followUp(h, pointHoldSpeech),
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
