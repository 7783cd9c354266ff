/**
 * Words shown on screen, from the i18n resources and the catalogue (never literals in code). Screen
 * text is plain text: resources use unescaped interpolation, since nothing here is spoken as SSML.
 */
import type { Point } from '../core/types';
import type { Translate } from '../i18n';
import { formatDuration, formatList } from '../speech/duration';
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

export function pointText(t: Translate, point: Point): PointText {
  const duration = formatDuration(t, point.holdSeconds);
  const hold = point.sides === 'left-then-right' ? t('common.duration.eachSide', { duration }) : duration;
  return {
    heading: plain(t('display.codeAndName', { code: point.code, name: point.names[0] })),
    where: plain(t('display.where', { find: capitalise(point.find.short) })),
    how: plain(t('display.how', { technique: capitalise(point.technique.short) })),
    hold: point.inRoutines ? plain(t('display.hold', { hold })) : '',
    note: point.inRoutines ? '' : plain(`${t('display.notInRoutines')} ${point.cautions[0] ?? ''}`.trim()),
  };
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
