/**
 * A routine turn's timeline as an APL for Audio document: one Sequencer of Speech (SSML) and Silence
 * components. Unlike SSML breaks (10 s at most), one Silence can cover a whole hold.
 * Shape: Alexa.Presentation.APLA.RenderDocument → document {type "APLA", version "0.91",
 * mainTemplate {parameters, item}}; Speech {contentType "SSML", content "<speak>…</speak>"};
 * Silence {duration in ms}.
 */
import type { TimelineItem } from '../core/routine/timeline';
import { ssmlProblems } from './validate';
import { isRecord } from '../core/record';

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

/**
 * Problems with an APLA RenderDocument directive of the shape this skill sends; an empty list means
 * it has the documented shape. Used by the tests and by the simulator before it plays a turn.
 */
export function aplaProblems(directive: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(directive)) return ['directive is not an object'];
  if (directive.type !== APLA_DIRECTIVE) problems.push(`type must be ${APLA_DIRECTIVE}`);
  if (directive.token !== undefined && typeof directive.token !== 'string')
    problems.push('token must be a string');
  if (directive.datasources !== undefined && !isRecord(directive.datasources))
    problems.push('datasources must be an object');
  const document = directive.document;
  if (!isRecord(document)) return [...problems, 'document is missing'];
  if (document.type !== 'APLA') problems.push('document.type must be "APLA"');
  if (typeof document.version !== 'string') problems.push('document.version must be a string');
  const template = document.mainTemplate;
  if (!isRecord(template)) return [...problems, 'document.mainTemplate is missing'];
  if (template.parameters !== undefined) {
    if (!Array.isArray(template.parameters) || !template.parameters.every((p) => typeof p === 'string'))
      problems.push('mainTemplate.parameters must be an array of strings');
  }
  const roots = template.item !== undefined ? [template.item] : template.items;
  if (!Array.isArray(roots) || roots.length === 0) return [...problems, 'mainTemplate has no item'];
  let speech = 0;
  const visit = (component: unknown, path: string): void => {
    if (!isRecord(component)) {
      problems.push(`${path} is not a component`);
      return;
    }
    switch (component.type) {
      case 'Sequencer':
      case 'Mixer':
      case 'Selector':
        if (!Array.isArray(component.items) || component.items.length === 0) {
          problems.push(`${path}: ${String(component.type)} needs items`);
          return;
        }
        component.items.forEach((child, i) => visit(child, `${path}.items[${i}]`));
        return;
      case 'Speech': {
        speech++;
        if (typeof component.content !== 'string' || component.content.trim() === '') {
          problems.push(`${path}: Speech needs content`);
          return;
        }
        const contentType = component.contentType ?? 'PlainText';
        if (contentType === 'SSML') {
          for (const p of ssmlProblems(component.content)) problems.push(`${path}: ${p}`);
        } else if (contentType !== 'PlainText') {
          problems.push(`${path}: contentType must be PlainText or SSML`);
        }
        return;
      }
      case 'Silence':
        if (
          typeof component.duration !== 'number' ||
          !Number.isFinite(component.duration) ||
          component.duration <= 0
        )
          problems.push(`${path}: Silence needs a positive duration in ms`);
        return;
      case 'Audio':
        if (typeof component.source !== 'string') problems.push(`${path}: Audio needs a source`);
        return;
      default:
        problems.push(`${path}: unknown component type ${String(component.type)}`);
    }
  };
  roots.forEach((root, i) => visit(root, `mainTemplate.item${roots.length > 1 ? `[${i}]` : ''}`));
  // A response cannot be silence alone.
  if (speech === 0) problems.push('document has no Speech (Silence cannot play alone)');
  return problems;
}

/** Total milliseconds of Silence in an APLA directive of this skill's shape. */
export function aplaSilenceMs(directive: AplaDirective): number {
  return directive.document.mainTemplate.item.items.reduce(
    (sum, c) => sum + (c.type === 'Silence' ? c.duration : 0),
    0,
  );
}
