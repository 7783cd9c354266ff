/**
 * A routine turn's timeline as an APL for Audio document: one Sequencer of Speech (SSML) and Silence
 * components. Unlike SSML breaks (10 s at most), one Silence can cover a whole hold.
 * Shape: Alexa.Presentation.APLA.RenderDocument → document {type "APLA", version "0.91",
 * mainTemplate {parameters, item}}; Speech {contentType "SSML", content "<speak>…</speak>"};
 * Silence {duration in ms}.
 */
import type { TimelineItem } from '../core/routine/timeline';

export const APLA_VERSION = '0.91';
export const APLA_DIRECTIVE = 'Alexa.Presentation.APLA.RenderDocument';

export interface AplaSpeech {
  type: 'Speech';
  contentType: 'SSML';
  content: string;
}
export interface AplaSilence {
  type: 'Silence';
  duration: number;
}
export interface AplaDocument {
  type: 'APLA';
  version: string;
  description?: string;
  mainTemplate: {
    parameters: string[];
    item: { type: 'Sequencer'; items: Array<AplaSpeech | AplaSilence> };
  };
}
export interface AplaDirective {
  type: typeof APLA_DIRECTIVE;
  token: string;
  document: AplaDocument;
  datasources: Record<string, unknown>;
}

/** The APLA RenderDocument directive playing a timeline from start to end. */
export function timelineToApla(items: TimelineItem[], token: string, description?: string): AplaDirective {
  return {
    type: APLA_DIRECTIVE,
    token,
    document: {
      type: 'APLA',
      version: APLA_VERSION,
      ...(description ? { description } : {}),
      mainTemplate: {
        parameters: ['payload'],
        item: {
          type: 'Sequencer',
          items: items.map((item) =>
            item.type === 'speech'
              ? { type: 'Speech', contentType: 'SSML', content: `<speak>${item.ssml}</speak>` }
              : { type: 'Silence', duration: Math.round(item.ms) },
          ),
        },
      },
    },
    datasources: {},
  };
}

/** Total milliseconds of Silence in an APLA directive of this skill's shape. */
export function aplaSilenceMs(directive: AplaDirective): number {
  return directive.document.mainTemplate.item.items.reduce(
    (sum, c) => sum + (c.type === 'Silence' ? c.duration : 0),
    0,
  );
}
