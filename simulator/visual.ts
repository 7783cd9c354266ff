/**
 * What a screen device would show for a response, for the web simulator: the content of the last
 * APL RenderDocument directive (its datasources' text, in order) and, when a renderer is given, an
 * SVG drawing of it. The simulator does not run APL; it shows the document's content.
 *
 * A paged document (the routine screen: `payload.pages`, one page per hold of the turn, each with
 * `showAtMs`, when it comes up in the turn's audio) becomes a list of pages instead, each with its
 * own text and drawing, so the page can switch them in step with the audio as the device does.
 */
import { isRecord } from '../lambda/src/core/record';

/** An Alexa.Presentation.APL.RenderDocument directive, as far as the simulator reads it. */
export interface AplRenderDocument {
  type: 'Alexa.Presentation.APL.RenderDocument';
  token?: string;
  document: Record<string, unknown>;
  datasources?: Record<string, unknown>;
}

/**
 * Draws an APL directive as an SVG document (`<svg …>…</svg>`), or undefined when it cannot. With
 * `page`, draws that page of a paged document (an index into `payload.pages`).
 */
export type VisualRenderer = (directive: AplRenderDocument, page?: number) => string | undefined;

/** One page of a paged document: what it shows and when it comes up. */
export interface VisualPage {
  /** When the page comes up, in ms from the start of the turn's audio. */
  showAtMs: number;
  /** The page's text (the step, the point, the side, a caption, what comes next). */
  lines: string[];
  /** The page's diagram as SVG, when a renderer is wired and the page has one. */
  svg?: string;
}

export interface Visual {
  token?: string;
  /**
   * Text the display shows (titles, the point, the step, a countdown), from its datasources. For a
   * paged document, only the text above every page (its title); each page has its own.
   */
  lines: string[];
  /** The display drawn as SVG, when a renderer is wired and could draw it (not for a paged document). */
  svg?: string;
  /** A paged document's pages in the order they come up (the first shows from the start). */
  pages?: VisualPage[];
}

const MAX_LINES = 12;
/** More pages than a turn could ever have (a hold is at least several seconds of a 240 s turn). */
const MAX_PAGES = 60;
/** A page later than this is not part of one turn's audio (Alexa's limit is 240 s). */
const MAX_SHOW_AT_MS = 10 * 60 * 1000;
/** A page's text, in the order the routine screen shows it. */
const PAGE_TEXT_KEYS = ['step', 'heading', 'side', 'caption', 'next'] as const;
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

/** The last APL RenderDocument directive of a response (the one a device would show). */
export function aplDirective(directives: unknown): AplRenderDocument | undefined {
  if (!Array.isArray(directives)) return undefined;
  const found = directives.filter(
    (d): d is AplRenderDocument =>
      isRecord(d) && d.type === 'Alexa.Presentation.APL.RenderDocument' && isRecord(d.document),
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
  if (isRecord(value)) for (const [k, v] of Object.entries(value)) collectText(v, k, lines, depth + 1, keys);
}

function isSvg(svg: unknown): svg is string {
  return (
    typeof svg === 'string' && /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(svg) && svg.length <= MAX_SVG_CHARACTERS
  );
}

/** Calls the renderer; a renderer that throws or returns something other than SVG draws nothing. */
function draw(render: VisualRenderer | undefined, directive: AplRenderDocument, page?: number) {
  if (!render) return undefined;
  try {
    const svg = page === undefined ? render(directive) : render(directive, page);
    return isSvg(svg) ? svg : undefined;
  } catch {
    return undefined;
  }
}

/** A page's text value as lines: trimmed, no bindings; APL's `<br>` splits it. */
function pageLines(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(/<br\s*\/?>/i)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.includes('${'))
    .map((line) => line.slice(0, MAX_LINE_CHARACTERS));
}

/** Whether `value` (a document's layout) contains `needle` in any of its strings. */
function mentions(value: unknown, needle: string, depth = 0): boolean {
  if (depth > 40) return false;
  if (typeof value === 'string') return value.includes(needle);
  if (Array.isArray(value)) return value.some((v) => mentions(v, needle, depth + 1));
  if (isRecord(value)) return Object.values(value).some((v) => mentions(v, needle, depth + 1));
  return false;
}

/**
 * The pages of a paged document (`datasources.payload.pages`), in the order they come up, or
 * undefined for a document without pages. A page that is not an object or has no usable
 * `showAtMs` is left out; text that is not a string is no text; nothing here throws.
 */
export function visualPages(directive: AplRenderDocument, render?: VisualRenderer): VisualPage[] | undefined {
  const payload = pagedPayload(directive);
  if (!payload) return undefined;
  // A paused screen shows "Paused" on a page with a hold (the layout shows it only when paused).
  const paused = mentions(directive.document.mainTemplate, '${payload.paused}')
    ? pageLines(payload.paused)
    : [];
  const pages: Array<VisualPage & { index: number }> = [];
  let svgBudget = MAX_SVG_CHARACTERS;
  payload.pages.slice(0, MAX_PAGES).forEach((page: unknown, index) => {
    if (!isRecord(page)) return;
    const { showAtMs } = page;
    if (typeof showAtMs !== 'number' || !(showAtMs >= 0 && showAtMs <= MAX_SHOW_AT_MS)) return;
    const lines: string[] = [];
    for (const key of PAGE_TEXT_KEYS) {
      if (key === 'next' && page.hasHold === true) lines.push(...paused);
      for (const line of pageLines(page[key])) if (!lines.includes(line)) lines.push(line);
    }
    lines.splice(MAX_LINES);
    const svg = draw(render, directive, index);
    const fits = svg !== undefined && svg.length <= svgBudget;
    if (fits) svgBudget -= svg.length;
    pages.push({ index, showAtMs: Math.round(showAtMs), lines, ...(fits ? { svg } : {}) });
  });
  // Stable: pages that come up together keep the document's order.
  pages.sort((a, b) => a.showAtMs - b.showAtMs || a.index - b.index);
  return pages.map(({ showAtMs, lines, svg }) => ({ showAtMs, lines, ...(svg ? { svg } : {}) }));
}

function pagedPayload(
  directive: AplRenderDocument,
): { pages: unknown[]; [key: string]: unknown } | undefined {
  const payload = isRecord(directive.datasources) ? directive.datasources.payload : undefined;
  return isRecord(payload) && Array.isArray(payload.pages) ? { ...payload, pages: payload.pages } : undefined;
}

/** The screen content of a response's directives, or undefined when there is no APL document. */
export function visualFromDirectives(directives: unknown, render?: VisualRenderer): Visual | undefined {
  const directive = aplDirective(directives);
  if (!directive) return undefined;
  const pages = visualPages(directive, render);
  if (pages) {
    // Above every page: the routine's name.
    const visual: Visual = { lines: pageLines(pagedPayload(directive)?.routineName).slice(0, 1), pages };
    if (typeof directive.token === 'string') visual.token = directive.token;
    return visual;
  }
  const lines: string[] = [];
  collectText(directive.datasources ?? {}, '', lines, 0);
  // A document that carries its text inline (no datasources) still shows it.
  if (lines.length === 0) collectText(directive.document.mainTemplate, '', lines, 0, INLINE_TEXT_KEYS);
  const visual: Visual = { lines };
  if (typeof directive.token === 'string') visual.token = directive.token;
  const svg = draw(render, directive);
  if (svg) visual.svg = svg;
  return visual;
}
