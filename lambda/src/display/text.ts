/**
 * Words shown on screen, from the i18n resources and the catalogue (never literals in code). Screen
 * text is plain text: resources use unescaped interpolation, since nothing here is spoken as SSML.
 */
import type { PointAdvice } from '../core/safety';
import type { Point } from '../core/types';
import type { Translate } from '../i18n';
import { formatDuration, formatList } from '../speech/duration';
import { conditionNames } from '../speech/find';
import { reasons } from '../speech/safety';
import { ssmlToText } from '../speech/ssml';
import type { Drawing } from './diagram';

/** The text a screen shows for a point. */
export interface PointText {
  heading: string;
  where: string;
  how: string;
  hold: string;
  /** For points kept only for safety answers: why there is no hold button, and the main caution. */
  note: string;
}

export function pointText(
  t: Translate,
  point: Point,
  advice: PointAdvice = { kind: 'as-written' },
): PointText {
  const seconds = advice.kind === 'adjusted' ? (advice.holdSeconds ?? point.holdSeconds) : point.holdSeconds;
  const duration = formatDuration(t, seconds);
  const hold = point.sides === 'left-then-right' ? t('common.duration.eachSide', { duration }) : duration;
  const base = {
    heading: plain(t('display.codeAndName', { code: point.code, name: point.names[0] })),
    where: plain(t('display.where', { find: capitalise(point.find.short) })),
  };
  if (!point.inRoutines)
    return {
      ...base,
      how: plain(t('display.how', { technique: capitalise(point.technique.short) })),
      hold: '',
      note: plain(`${t('display.notInRoutines')} ${point.cautions[0] ?? ''}`.trim()),
    };
  switch (advice.kind) {
    case 'blocked':
      return { ...base, how: '', hold: '', note: plain(t('display.caution.blocked')) };
    case 'ruled-out':
      return {
        ...base,
        how: '',
        hold: '',
        note: plain(
          t('display.caution.leaveAlone', { names: conditionNames(t, advice.because), code: point.code }),
        ),
      };
    case 'adjusted': {
      const why = reasons(t, advice.because);
      const how =
        advice.technique === 'palms'
          ? t('display.howPalms')
          : advice.technique === 'light'
            ? t('display.howLight')
            : t('display.how', { technique: capitalise(point.technique.short) });
      const caution =
        advice.technique === 'palms'
          ? t('display.caution.palms', { reasons: why })
          : advice.technique === 'light'
            ? t('display.caution.light', { reasons: why })
            : '';
      const site = advice.keepOffSite ? t('display.caution.keepOffSite') : '';
      return {
        ...base,
        how: plain(how),
        hold: plain(t('display.hold', { hold })),
        note: plain([caution, site].filter(Boolean).join(' ')),
      };
    }
    default:
      // Routine points show their first caution too, whatever the profile.
      return {
        ...base,
        how: plain(t('display.how', { technique: capitalise(point.technique.short) })),
        hold: plain(t('display.hold', { hold })),
        note: plain(point.cautions[0] ?? ''),
      };
  }
}

/** What a diagram shows, for screen readers and image titles. */
export function diagramDescription(t: Translate, drawing: Drawing): string {
  return plain(
    t('display.diagram', {
      view: t(`display.view.${drawing.view}`),
      codes: formatList(t, drawing.codes),
    }),
  );
}

/** A display resource as plain screen text (interpolated values come back unescaped). */
export function shown(t: Translate, key: string, values?: Record<string, unknown>): string {
  return plain(t(key, values));
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Resource strings may carry SSML entities from shared keys (durations, lists): decode them. */
function plain(text: string): string {
  return ssmlToText(text);
}
