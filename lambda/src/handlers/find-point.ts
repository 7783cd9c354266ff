/**
 * "Find a point": where a point is, how to press it, for how long; points for a need; and the
 * follow-ups that refer to the last point ("tell me more", "how long do I hold it", "where exactly").
 */
import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import {
  getNeed,
  getPoint,
  pointsFor,
  resolveNeed,
  matchedVia,
  resolvePoint,
  routineFor,
  type PointMatch,
} from '../core/catalogue';
import type { Point } from '../core/types';
import { showPoint } from '../display';
import type { Translate } from '../i18n';
import { formatDuration, formatList } from '../speech/duration';
import { speakableCode } from '../speech/ssml';
import { currentOffer, lastPointCode, updateSession } from '../state/session';
import { fingerWidthOnce } from './safety/plain-words';
import { isIntent, readSlot, tr } from './input';

/** How long to hold a point, in words ("2 minutes", "1 minute on each side"). */
export function holdPhrase(t: Translate, point: Point): string {
  const duration = formatDuration(t, point.holdSeconds);
  return point.sides === 'left-then-right' ? t('common.duration.eachSide', { duration }) : duration;
}

/** The short, speakable answer for a point: name and code, one landmark, how to press, how long. */
export function pointShortSpeech(t: Translate, match: PointMatch): string {
  const { point } = match;
  const code = speakableCode(point.code);
  const renumbered = match.via === 'article-label' ? `${t('find.renumbered')} ` : '';
  if (!point.inRoutines) {
    return (
      renumbered +
      t('find.safetyOnlyShort', {
        name: point.names[0],
        code,
        find: point.find.short,
        caution: point.cautions[0],
      })
    );
  }
  const gach = point.gach.find((g) => g.replace(/\D/g, '') !== point.code.replace(/\D/g, ''));
  return (
    renumbered +
    t('find.short', {
      name: point.names[0],
      code,
      alias: gach ? t('find.alias', { gach: speakableCode(gach) }) : '',
      find: point.find.short,
      technique: point.technique.short,
      hold: holdPhrase(t, point),
    })
  );
}

function answerPoint(handlerInput: HandlerInput, match: PointMatch): Response {
  const t = tr(handlerInput);
  updateSession(handlerInput, {
    lastPoint: match.point.code,
    offer: { kind: 'point', code: match.point.code },
  });
  const routinePoint = match.point.inRoutines;
  const answer = pointShortSpeech(t, match);
  const explained = fingerWidthOnce(handlerInput, answer);
  const speech = [answer, explained, t(routinePoint ? 'find.offer' : 'find.safetyOnlyOffer')]
    .filter(Boolean)
    .join(' ');
  showPoint(handlerInput, match.point);
  return handlerInput.responseBuilder
    .speak(speech)
    .reprompt(t(routinePoint ? 'find.offerReprompt' : 'find.safetyOnlyOfferReprompt'))
    .getResponse();
}

/** Resolves the point slot: entity resolution id first, then the spoken words. */
function pointFromSlot(handlerInput: HandlerInput): { match?: PointMatch; spoken?: string; given: boolean } {
  const slot = readSlot(handlerInput, 'point');
  const byId = slot.id ? getPoint(slot.id) : undefined;
  const match: PointMatch | undefined = byId
    ? { point: byId, via: slot.spoken ? matchedVia(byId, slot.spoken) : 'code' }
    : slot.spoken
      ? resolvePoint(slot.spoken)
      : undefined;
  return {
    match,
    spoken: slot.spoken,
    given: Boolean(slot.spoken || slot.id),
  };
}

function unknownPoint(handlerInput: HandlerInput, spoken: string | undefined): Response {
  const t = tr(handlerInput);
  const speech = spoken ? t('find.unknownPoint', { spoken }) : t('find.unknownPointNoWords');
  return handlerInput.responseBuilder.speak(speech).reprompt(t('find.unknownPointReprompt')).getResponse();
}

export const FindPointIntentHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, 'FindPointIntent'),
  handle(h) {
    const t = tr(h);
    const { match, spoken, given } = pointFromSlot(h);
    if (!given)
      return h.responseBuilder.speak(t('find.askPoint')).reprompt(t('find.askPointReprompt')).getResponse();
    if (!match) return unknownPoint(h, spoken);
    return answerPoint(h, match);
  },
};

export const PointsForNeedIntentHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, 'PointsForNeedIntent'),
  handle(h) {
    const t = tr(h);
    const slot = readSlot(h, 'need');
    if (!slot.spoken && !slot.id) {
      return h.responseBuilder.speak(t('find.askNeed')).reprompt(t('find.askNeedReprompt')).getResponse();
    }
    const need =
      (slot.id ? getNeed(slot.id) : undefined) ?? (slot.spoken ? resolveNeed(slot.spoken) : undefined);
    if (!need) {
      const speech = slot.spoken
        ? t('find.unknownNeed', { spoken: slot.spoken })
        : t('find.unknownNeedNoWords');
      return h.responseBuilder.speak(speech).reprompt(t('find.unknownNeedReprompt')).getResponse();
    }
    if (!need.inScope) {
      return h.responseBuilder
        .speak(t('find.outOfScope', { need: need.name }))
        .reprompt(t('find.unknownNeedReprompt'))
        .getResponse();
    }
    const found = pointsFor(need.id);
    if (found.length === 0) {
      return h.responseBuilder
        .speak(t('find.noPointsForNeed', { need: need.name }))
        .reprompt(t('find.unknownNeedReprompt'))
        .getResponse();
    }
    const item = (p: Point) => t('find.needItem', { code: speakableCode(p.code), name: p.names[0] });
    if (found.length === 1) {
      updateSession(h, { lastPoint: found[0].code, offer: { kind: 'need-point', code: found[0].code } });
      return h.responseBuilder
        .speak(t('find.needOnePoint', { need: need.name, item: item(found[0]) }))
        .reprompt(t('find.needOfferReprompt'))
        .getResponse();
    }
    const note = t(`find.needNote.${need.id}`, { defaultValue: '' });
    const routine = routineFor(need.id);
    updateSession(h, {
      lastPoint: found[0].code,
      offer: routine
        ? { kind: 'routine', routineId: routine.id }
        : { kind: 'need-point', code: found[0].code },
    });
    const offer = routine ? t('find.needOfferRoutine', { routine: routine.name }) : t('find.needOfferPoint');
    const speech = [
      t('find.needList', { need: need.name, list: formatList(t, found.map(item)) }),
      note,
      offer,
    ]
      .filter(Boolean)
      .join(' ');
    return h.responseBuilder.speak(speech).reprompt(t('find.needOfferReprompt')).getResponse();
  },
};

/** The point a follow-up is about: a point named in the request, else the last point of the session. */
function followUpPoint(handlerInput: HandlerInput): {
  point?: Point;
  unknownSpoken?: string;
  given: boolean;
} {
  const { match, spoken, given } = pointFromSlot(handlerInput);
  if (given) return { point: match?.point, unknownSpoken: match ? undefined : spoken, given };
  const code = lastPointCode(handlerInput);
  return { point: code ? getPoint(code) : undefined, given: false };
}

function followUp(handlerInput: HandlerInput, speak: (t: Translate, point: Point) => string): Response {
  const t = tr(handlerInput);
  const { point, unknownSpoken, given } = followUpPoint(handlerInput);
  if (given && !point) return unknownPoint(handlerInput, unknownSpoken);
  if (!point) {
    return handlerInput.responseBuilder
      .speak(t('find.noPointYet'))
      .reprompt(t('find.noPointYetReprompt'))
      .getResponse();
  }
  updateSession(handlerInput, { lastPoint: point.code, offer: { kind: 'point', code: point.code } });
  const answer = speak(t, point);
  const explained = fingerWidthOnce(handlerInput, answer);
  const after = t('find.afterFollowUp', { code: speakableCode(point.code) });
  return handlerInput.responseBuilder
    .speak([answer, explained, after].filter(Boolean).join(' '))
    .reprompt(t('find.afterFollowUpReprompt'))
    .getResponse();
}

/** Full detail: anatomical location, how to find it, position, technique and cautions. */
export function pointDetailSpeech(t: Translate, point: Point): string {
  return [
    t('find.detail', {
      code: speakableCode(point.code),
      location: point.location,
      findDetail: point.find.detail,
      position: point.position,
      techniqueDetail: point.technique.detail,
    }),
    point.cautions.length > 0 ? t('find.cautions', { cautions: point.cautions.join(' ') }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export const PointDetailIntentHandler: RequestHandler = {
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

export const PointHoldTimeIntentHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, 'PointHoldTimeIntent'),
  handle: (h) =>
    followUp(h, (t, point) =>
      t('find.hold', { code: speakableCode(point.code), hold: holdPhrase(t, point) }),
    ),
};

export const PointLocationIntentHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, 'PointLocationIntent'),
  handle: (h) =>
    followUp(h, (t, point) =>
      t('find.where', {
        code: speakableCode(point.code),
        region: point.region,
        findDetail: point.find.detail,
      }),
    ),
};

export const findPointHandlers: RequestHandler[] = [
  FindPointIntentHandler,
  PointsForNeedIntentHandler,
  PointDetailIntentHandler,
  PointHoldTimeIntentHandler,
  PointLocationIntentHandler,
];
