/**
 * What a screen device would show for a response, for the web simulator: the content of the last
 * APL RenderDocument directive (its datasources' text, in order) and, when a renderer is given, an
 * SVG drawing of it. The simulator does not run APL; it shows the document's content.
 */

/** An Alexa.Presentation.APL.RenderDocument directive, as far as the simulator reads it. */
export interface AplRenderDocument {
  type: 'Alexa.Presentation.APL.RenderDocument';
  token?: string;
  document: Record<string, unknown>;
  datasources?: Record<string, unknown>;
}

/** Draws an APL directive as an SVG document (`<svg …>…</svg>`), or undefined when it cannot. */
export type VisualRenderer = (directive: AplRenderDocument) => string | undefined;

export interface Visual {
  token?: string;
  /** Text the display shows (titles, the point, the step, a countdown), from its datasources. */
  lines: string[];
  /** The display drawn as SVG, when a renderer is wired and could draw it. */
  svg?: string;
}

const MAX_LINES = 12;
const MAX_LINE_CHARACTERS = 300;
/** An SVG larger than this is not sent to the page (a real diagram is a few kilobytes). */
export const MAX_SVG_CHARACTERS = 512 * 1024;
/** Keys whose string values are plumbing, not something a person reads on screen. */
const NOT_TEXT_KEYS =
  /^(type|token|id|url|uri|src|source|href|style|theme|color|colour|layout|version|locale)$/i;
/** Data named as identifiers (`sideId`, `pointCodes`), not words on the screen. */
const ID_KEYS = /[a-z](Ids?|Codes?)$/;

/** In a document without datasources, the properties that hold text a person reads. */
const INLINE_TEXT_KEYS = /^(text|\w*Title|\w*Text|label)$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The last APL RenderDocument directive of a response (the one a device would show). */
export function aplDirective(directives: unknown): AplRenderDocument | undefined {
  if (!Array.isArray(directives)) return undefined;
  const found = directives.filter(
    (d): d is AplRenderDocument =>
      isObject(d) && d.type === 'Alexa.Presentation.APL.RenderDocument' && isObject(d.document),
  );
  return found[found.length - 1];
}

function collectText(value: unknown, key: string, lines: string[], depth: number, keys?: RegExp): void {
  if (lines.length >= MAX_LINES || depth > 12) return;
  if (typeof value === 'string') {
    const text = value.trim();
    if (
      text !== '' &&
      !NOT_TEXT_KEYS.test(key) &&
      !ID_KEYS.test(key) &&
      (!keys || keys.test(key)) &&
      !text.includes('${') &&
      !/^(https?:|data:|doc:|#[0-9a-f]{3,8}$)/i.test(text) &&
      !lines.includes(text)
    )
      lines.push(text.slice(0, MAX_LINE_CHARACTERS));
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collectText(item, key, lines, depth + 1, keys);
    return;
  }
  if (isObject(value)) for (const [k, v] of Object.entries(value)) collectText(v, k, lines, depth + 1, keys);
}

/** The screen content of a response's directives, or undefined when there is no APL document. */
export function visualFromDirectives(directives: unknown, render?: VisualRenderer): Visual | undefined {
  const directive = aplDirective(directives);
  if (!directive) return undefined;
  const lines: string[] = [];
  collectText(directive.datasources ?? {}, '', lines, 0);
  // A document that carries its text inline (no datasources) still shows it.
  if (lines.length === 0) collectText(directive.document.mainTemplate, '', lines, 0, INLINE_TEXT_KEYS);
  const visual: Visual = { lines };
  if (typeof directive.token === 'string') visual.token = directive.token;
  const svg = render?.(directive);
  if (
    typeof svg === 'string' &&
    /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(svg) &&
    svg.length <= MAX_SVG_CHARACTERS
  )
    visual.svg = svg;
  return visual;
}
