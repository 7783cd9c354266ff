/**
 * Find-a-point answers as speech: a point's short answer, its full detail, how long to hold it and
 * where it is. Every sentence comes from i18n/en/find.json; values from data are escaped by the
 * translator.
 */
import type { PointMatch } from '../core/catalogue';
import type { Need, Point, Routine } from '../core/types';
import type { Translate } from '../i18n';
import { formatDuration, formatList } from './duration';
import { speakableCode } from './ssml';
import { spokenPhrase } from './bounded-text';

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

/** The answer to "where is …": the short answer, then the offer that fits the point. */
export function pointAnswerSpeech(
  t: Translate,
  match: PointMatch,
  explain: (answer: string) => string = () => '',
): { speech: string; reprompt: string } {
  const routinePoint = match.point.inRoutines;
  const answer = pointShortSpeech(t, match);
  return {
    speech: [answer, explain(answer), t(routinePoint ? 'find.offer' : 'find.safetyOnlyOffer')]
      .filter(Boolean)
      .join(' '),
    reprompt: t(routinePoint ? 'find.offerReprompt' : 'find.safetyOnlyOfferReprompt'),
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

function needItem(t: Translate, point: Point): string {
  return t('find.needItem', { code: speakableCode(point.code), name: point.names[0] });
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
