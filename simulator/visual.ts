/**
 * What a screen device would show for a response, for the web simulator: the content of the last
 * APL RenderDocument directive (its datasources' text, in order) and, when a renderer is given, an
 * SVG drawing of it. The simulator does not run APL; it shows the document's content.
 *
 * A paged document (the routine screen: `payload.pages`, one page per hold of the turn, each with
 * `showAtMs`, when it comes up in the turn's audio) becomes a list of pages instead, each with its
 * own text and drawing, so the page can switch them in step with the audio as the device does.
 *
 * Buttons (a TouchWrapper or AlexaButton whose press sends a SendEvent) are read with their label and
 * the event's arguments, so the page can draw them as buttons that send the UserEvent a device would.
 * A countdown bar (a component whose width the document scales with `transform` `scaleX`, emptied by
 * an `onMount` AnimateItem) is read with how full it starts and when and how fast it empties.
 * Bindings are resolved the simple way: `${name.path}` against the datasources (a Pager's page as
 * `data`, its position as `index`); a `when` that is not a plain binding counts as true.
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
  /** The page's buttons, in document order. */
  buttons?: VisualButton[];
  /** The page's countdown bar, when it has one. */
  bar?: VisualBar;
}

/** A button on the screen: what it says and the SendEvent arguments a press sends. */
export interface VisualButton {
  label: string;
  arguments: unknown[];
  /** The component's id (the UserEvent's `source.id`). */
  id?: string;
  /** The style of the button's frame (`buttonFrame`, `secondaryButtonFrame`), for drawing it alike. */
  style?: string;
}

/** A countdown bar: how full it is when the page comes up, and how it empties (absent: it stands still). */
export interface VisualBar {
  /** 1 is full, 0 empty. */
  from: number;
  /** When it starts emptying (ms from the start of the turn's audio), for how long, and down to what. */
  atMs?: number;
  durationMs?: number;
  to?: number;
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
  /** The buttons of a document without pages. */
  buttons?: VisualButton[];
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
/**
 * Data named as identifiers (`sideId`, `pointCodes`) or as a screen reader's words for a picture
 * (`diagramLabel`, the diagram's accessibility label), not words drawn on the screen.
 */
const ID_KEYS = /[a-z](Ids?|Codes?|Label)$/;

/**
 * Datasource values kept under a key ending in `Data` (`chartData`, `columnData`) are data to draw
 * or to show on touch, not text on the screen as it comes up: their text is left out.
 */
const DATA_KEYS = /[a-z]Data$/;

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
  if (lines.length >= MAX_LINES || depth > 12 || DATA_KEYS.test(key)) return;
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
  const controls = pageControls(directive, payload.pages.slice(0, MAX_PAGES));
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
    const { buttons, bar } = controls[index];
    pages.push({
      index,
      showAtMs: Math.round(showAtMs),
      lines,
      ...(fits ? { svg } : {}),
      ...(buttons.length > 0 ? { buttons } : {}),
      ...(bar ? { bar } : {}),
    });
  });
  // Stable: pages that come up together keep the document's order.
  pages.sort((a, b) => a.showAtMs - b.showAtMs || a.index - b.index);
  return pages.map(({ index: _index, ...page }) => page);
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
  const buttons = documentButtons(directive);
  if (buttons.length > 0) {
    visual.buttons = buttons;
    // A button's label is drawn on the button, not again as a line of text.
    visual.lines = lines.filter((line) => !buttons.some((b) => b.label === line));
  }
  return visual;
}

// ---------------------------------------------------------------------------------------------
// Buttons and countdown bars: the document's layout walked with its bindings.
// ---------------------------------------------------------------------------------------------

type Scope = Record<string, unknown>;
const MAX_BUTTONS = 8;
const MAX_LABEL_CHARACTERS = 60;
const MAX_ARGUMENT_CHARACTERS = 1024;
const MAX_WALK_DEPTH = 40;
/** Components a walk visits at most (a real layout has a few dozen; a hostile one gets no further). */
const MAX_COMPONENTS = 2000;

/** The value at `path` in scope, or `found: false` when the path's first name is not bound. */
function scopeLookup(path: string, scope: Scope): { found: boolean; value?: unknown } {
  const parts = path.split('.');
  if (!parts.every((p) => /^[A-Za-z_]\w*$/.test(p)) || !(parts[0] in scope)) return { found: false };
  let value: unknown = scope[parts[0]];
  for (const part of parts.slice(1)) value = isRecord(value) ? value[part] : undefined;
  return { found: true, value };
}

/** A property with its `${path}` bindings resolved (a whole-string binding keeps the value's type). */
function resolve(value: unknown, scope: Scope): unknown {
  if (typeof value !== 'string' || !value.includes('${')) return value;
  const whole = /^\$\{\s*([\w.]+)\s*\}$/.exec(value);
  if (whole) {
    const found = scopeLookup(whole[1], scope);
    return found.found ? found.value : value;
  }
  return value.replace(/\$\{\s*([\w.]+)\s*\}/g, (text, path: string) => {
    const found = scopeLookup(path, scope);
    if (!found.found) return text;
    return typeof found.value === 'string' || typeof found.value === 'number' ? String(found.value) : '';
  });
}

/** Whether a component with this `when` is shown: a plain binding decides, anything else counts as shown. */
function shows(when: unknown, scope: Scope): boolean {
  if (when === undefined) return true;
  const value = resolve(when, scope);
  if (typeof value === 'string') return !(value.includes('${') ? false : /^\s*(false|0)?\s*$/.test(value));
  return Boolean(value);
}

function childComponents(node: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  for (const key of ['item', 'items', 'firstItem', 'lastItem']) {
    const value = node[key];
    if (Array.isArray(value)) out.push(...value);
    else if (value !== undefined) out.push(value);
  }
  return out;
}

/** A bound `scaleX` in a transform list, as a fraction from 0 to 1. */
function scaleOf(transform: unknown, scope: Scope): number | undefined {
  if (!Array.isArray(transform)) return undefined;
  for (const step of transform) {
    if (!isRecord(step) || step.scaleX === undefined) continue;
    const value = Number(resolve(step.scaleX, scope));
    if (Number.isFinite(value)) return Math.min(1, Math.max(0, value));
  }
  return undefined;
}

/** The SendEvent arguments among a handler's commands (nested Sequential/Parallel included). */
function sendEventArguments(commands: unknown, scope: Scope, depth = 0): unknown[] | undefined {
  if (depth > 8) return undefined;
  const list = Array.isArray(commands) ? commands : [commands];
  for (const command of list) {
    if (!isRecord(command)) continue;
    if (command.type === 'SendEvent') {
      const args = Array.isArray(command.arguments) ? command.arguments : [];
      const bound = args.map((a) => resolveDeep(a, scope, 0));
      return JSON.stringify(bound).length <= MAX_ARGUMENT_CHARACTERS ? bound : undefined;
    }
    const nested = sendEventArguments(command.commands, scope, depth + 1);
    if (nested) return nested;
  }
  return undefined;
}

function resolveDeep(value: unknown, scope: Scope, depth: number): unknown {
  if (depth > 8) return null;
  if (Array.isArray(value)) return value.map((v) => resolveDeep(v, scope, depth + 1));
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDeep(v, scope, depth + 1)]));
  return resolve(value, scope);
}

/** The text a button shows: its first Text component's, else its accessibility label. */
function buttonLabel(node: Record<string, unknown>, scope: Scope, depth = 0): string {
  if (depth > MAX_WALK_DEPTH) return '';
  if (node.type === 'AlexaButton') return labelText(resolve(node.buttonText, scope));
  if (node.type === 'Text' && shows(node.when, scope)) return labelText(resolve(node.text, scope));
  for (const child of childComponents(node)) {
    if (!isRecord(child)) continue;
    const label = buttonLabel(child, scope, depth + 1);
    if (label) return label;
  }
  return depth === 0 ? labelText(resolve(node.accessibilityLabel, scope)) : '';
}

function labelText(value: unknown): string {
  if (typeof value !== 'string' || value.includes('${')) return '';
  return value
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_LABEL_CHARACTERS);
}

interface Layout {
  buttons: VisualButton[];
  /** Component ids shown (as bound), with the scale of each that has one. */
  ids: Map<string, number | undefined>;
}

/** Walks a layout as shown in `scope`: its buttons and its components' ids. */
function walkLayout(root: unknown, scope: Scope): Layout {
  const layout: Layout = { buttons: [], ids: new Map() };
  let visited = 0;
  const visit = (node: unknown, depth: number): void => {
    if (!isRecord(node) || depth > MAX_WALK_DEPTH || ++visited > MAX_COMPONENTS) return;
    if (!shows(node.when, scope)) return;
    const id = resolve(node.id, scope);
    if (typeof id === 'string' && id !== '' && !id.includes('${'))
      layout.ids.set(id, scaleOf(node.transform, scope));
    const isButton = node.type === 'TouchWrapper' || node.type === 'AlexaButton';
    const args = isButton
      ? sendEventArguments(node.type === 'AlexaButton' ? node.primaryAction : node.onPress, scope)
      : undefined;
    if (args) {
      const label = buttonLabel(node, scope);
      const frame = childComponents(node).find(isRecord);
      const style =
        frame && typeof frame.style === 'string' && /^\w{1,40}$/.test(frame.style) ? frame.style : undefined;
      const button: VisualButton = {
        label,
        arguments: args,
        ...(typeof id === 'string' ? { id } : {}),
        ...(style ? { style } : {}),
      };
      const same = (b: VisualButton) =>
        JSON.stringify([b.label, b.arguments]) === JSON.stringify([label, args]);
      if (label && layout.buttons.length < MAX_BUTTONS && !layout.buttons.some(same))
        layout.buttons.push(button);
      return;
    }
    for (const child of childComponents(node)) visit(child, depth + 1);
  };
  visit(root, 0);
  return layout;
}

/** The mainTemplate's parameters bound as APL binds them: a datasource of that name, else all of them. */
function templateScope(directive: AplRenderDocument): Scope {
  const template = directive.document.mainTemplate;
  const parameters = isRecord(template) && Array.isArray(template.parameters) ? template.parameters : [];
  const datasources = isRecord(directive.datasources) ? directive.datasources : {};
  const scope: Scope = {};
  for (const name of parameters)
    if (typeof name === 'string') scope[name] = isRecord(datasources[name]) ? datasources[name] : datasources;
  return scope;
}

function templateItems(directive: AplRenderDocument): unknown[] {
  const template = directive.document.mainTemplate;
  return isRecord(template) ? childComponents(template) : [];
}

/** The first Pager bound to data in a layout, with its page template. */
function findPager(node: unknown, depth = 0): Record<string, unknown> | undefined {
  if (!isRecord(node) || depth > MAX_WALK_DEPTH) return undefined;
  if (node.type === 'Pager' && node.data !== undefined) return node;
  for (const child of childComponents(node)) {
    const found = findPager(child, depth + 1);
    if (found) return found;
  }
  return undefined;
}

interface Animation {
  componentId: string;
  delay: number;
  duration: number;
  from?: unknown;
  to?: unknown;
}

/** The AnimateItem commands of the document's onMount (inside Parallel/Sequential too). */
function mountAnimations(directive: AplRenderDocument): Animation[] {
  const found: Animation[] = [];
  const visit = (commands: unknown, depth: number): void => {
    if (depth > 8) return;
    for (const command of Array.isArray(commands) ? commands : [commands]) {
      if (!isRecord(command) || found.length > 200) continue;
      if (command.type === 'AnimateItem' && typeof command.componentId === 'string') {
        const transform = Array.isArray(command.value)
          ? command.value.find((v) => isRecord(v) && v.property === 'transform')
          : undefined;
        const delay = Number(command.delay ?? 0);
        const duration = Number(command.duration ?? 0);
        if (isRecord(transform) && Number.isFinite(delay) && Number.isFinite(duration) && duration > 0)
          found.push({
            componentId: command.componentId,
            delay: Math.max(0, delay),
            duration,
            from: transform.from,
            to: transform.to,
          });
      }
      visit(command.commands, depth + 1);
    }
  };
  visit(directive.document.onMount, 0);
  return found;
}

/** A page's countdown bar: a scaled component, emptied by a mount animation when there is one. */
function barOf(layout: Layout, animations: Animation[], scope: Scope): VisualBar | undefined {
  for (const [id, scale] of layout.ids) {
    const animation = animations.find((a) => a.componentId === id);
    if (animation) {
      const from = scaleOf(animation.from, scope) ?? scale ?? 1;
      return {
        from,
        atMs: Math.round(animation.delay),
        durationMs: Math.round(animation.duration),
        to: scaleOf(animation.to, scope) ?? 0,
      };
    }
    if (scale !== undefined) return { from: scale };
  }
  return undefined;
}

/** Each page's buttons and bar, by its index in `payload.pages` (the Pager's data). */
function pageControls(
  directive: AplRenderDocument,
  pages: unknown[],
): Array<{ buttons: VisualButton[]; bar?: VisualBar }> {
  const scope = templateScope(directive);
  const pager = templateItems(directive)
    .map((item) => findPager(item))
    .find(Boolean);
  const template = pager ? childComponents(pager)[0] : undefined;
  const animations = mountAnimations(directive);
  return pages.map((page, index) => {
    if (!template) return { buttons: [] };
    const pageScope: Scope = { ...scope, data: page, index, length: pages.length };
    const layout = walkLayout(template, pageScope);
    const bar = barOf(layout, animations, pageScope);
    return { buttons: layout.buttons, ...(bar ? { bar } : {}) };
  });
}

/** The buttons of a document without pages (every layout of it; the same button once). */
function documentButtons(directive: AplRenderDocument): VisualButton[] {
  const scope = templateScope(directive);
  const buttons: VisualButton[] = [];
  for (const item of templateItems(directive))
    for (const button of walkLayout(item, scope).buttons)
      if (
        buttons.length < MAX_BUTTONS &&
        !buttons.some(
          (b) => JSON.stringify([b.label, b.arguments]) === JSON.stringify([button.label, button.arguments]),
        )
      )
        buttons.push(button);
  return buttons;
}
