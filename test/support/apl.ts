/**
 * Checks every APL document the skill sends with Amazon's own validator, apl-suggester's
 * `StaticAplTemplateValidator` (document, component, command and AVG schemas), plus the few checks it
 * lacks:
 * - component types: apl-suggester skips a component whose type it does not know;
 * - references: every `${payload.…}` a value in the data sources, every `${data.…}` of a data-bound
 *   template a value every item has, every `@name` a resource, every style, graphic source and
 *   command target (`componentId`) defined;
 * - the response's size, and the viewports declared in skill-package/skill.json (our layout rule:
 *   each declared kind of screen other than the landscape hub has its own condition).
 *
 * apl-suggester reads a component's children only from `items`; APL takes `item` as the same
 * property, so the document is checked with `item` spelled `items` (graphics are left as they are).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { StaticAplTemplateValidator } from 'apl-suggester';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Alexa's limit on a whole response (the custom skill response format reference): 120 KB. */
export const MAX_RESPONSE_BYTES = 120 * 1024;

/** APL's primitive components (APL reference); a document may add its own layouts. */
const COMPONENTS = [
  'Container',
  'EditText',
  'Frame',
  'GridSequence',
  'Image',
  'Pager',
  'ScrollView',
  'Sequence',
  'Text',
  'TouchWrapper',
  'VectorGraphic',
  'Video',
];
const HANDLERS = ['onPress', 'onMount', 'onDown', 'onUp', 'onFocus', 'onBlur', 'onPageChanged'];

let validator: StaticAplTemplateValidator | undefined;

/** Problems with a RenderDocument's document and data sources; an empty list means valid. */
export async function aplProblems(document: unknown, datasources: unknown = {}): Promise<string[]> {
  if (!isRecord(document)) return ['document is not an object'];
  validator ??= new StaticAplTemplateValidator();
  const v = validator;
  const found = await quietly(async () => [
    ...(await v.validate(withItems(document))),
    ...(await v.validateDataSources(isRecord(datasources) ? datasources : {})),
  ]);
  const problems = found.map((f) => `${f.path}: ${f.errorMessage}`);
  problems.push(...referenceProblems(document, isRecord(datasources) ? datasources : {}));
  return problems;
}

/** apl-suggester logs "No mixin for component" for components it has no extra schema for: noise. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!/^No mixin for component/.test(String(args[0]))) warn(...args);
  };
  try {
    return await run();
  } finally {
    console.warn = warn;
  }
}

/** The document with every component's `item` spelled `items` (APL treats them alike). */
function withItems(document: Json): Json {
  const convert = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(convert);
    if (!isRecord(value)) return value;
    const out: Json = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'item' && !('items' in value))
        out.items = (Array.isArray(inner) ? inner : [inner]).map(convert);
      else out[key] = convert(inner);
    }
    return out;
  };
  return { ...document, mainTemplate: convert(document.mainTemplate), layouts: convert(document.layouts) };
}

interface Context {
  graphics: Json;
  styles: Json;
  layouts: Json;
  resources: Set<string>;
  datasources: Json;
  parameters: string[];
  ids: Set<string>;
  targets: Array<{ id: string; at: string }>;
  problems: string[];
  /** Inside a component bound to a data array: the items `${data.…}` and `${index}` stand for. */
  dataItems?: unknown[];
}

const childrenOf = (value: Json): unknown[] => {
  const items = value.items ?? value.item;
  return items === undefined ? [] : Array.isArray(items) ? items : [items];
};

function referenceProblems(document: Json, datasources: Json): string[] {
  const resources = new Set<string>();
  for (const block of Array.isArray(document.resources) ? document.resources : [])
    if (isRecord(block))
      for (const [key, map] of Object.entries(block))
        if (key !== 'when' && key !== 'description' && isRecord(map))
          Object.keys(map).forEach((n) => resources.add(n));
  const template = isRecord(document.mainTemplate) ? document.mainTemplate : {};
  const base: Context = {
    graphics: isRecord(document.graphics) ? document.graphics : {},
    styles: isRecord(document.styles) ? document.styles : {},
    layouts: isRecord(document.layouts) ? document.layouts : {},
    resources,
    datasources,
    parameters: Array.isArray(template.parameters) ? template.parameters.map(String) : [],
    ids: new Set(),
    targets: [],
    problems: [],
  };
  // Only one item of mainTemplate is inflated (the first whose condition holds): ids resolve within it.
  childrenOf(template).forEach((item, i) => {
    const layout: Context = { ...base, ids: new Set(), targets: [] };
    component(item, `mainTemplate.items[${i}]`, layout);
    unresolved(layout);
    layout.ids.forEach((id) => base.ids.add(id));
  });
  (Array.isArray(document.onMount) ? document.onMount : []).forEach((c, i) =>
    command(c, `onMount[${i}]`, base),
  );
  unresolved(base);
  return base.problems;
}

function unresolved(context: Context): void {
  for (const { id, at } of context.targets)
    if (!context.ids.has(id))
      context.problems.push(`${at}: componentId "${id}" is not a component in the document`);
}

function component(value: unknown, at: string, context: Context): void {
  if (!isRecord(value)) return void context.problems.push(`${at}: is not a component`);
  const type = value.type;
  if (typeof type !== 'string' || (!COMPONENTS.includes(type) && !(type in context.layouts)))
    return void context.problems.push(`${at}: unknown component type ${JSON.stringify(type)}`);
  const here = `${at} (${type})`;
  if (typeof value.id === 'string') {
    if (context.dataItems && value.id.includes('${index}'))
      context.dataItems.forEach((_, i) =>
        context.ids.add(String(value.id).split('${index}').join(String(i))),
      );
    else context.ids.add(value.id);
  }
  if (typeof value.style === 'string' && !(value.style in context.styles))
    context.problems.push(`${here}: style "${value.style}" is not defined`);
  if (type === 'VectorGraphic' && typeof value.source === 'string')
    for (const source of graphicSources(value.source, context))
      if (!(source in context.graphics))
        context.problems.push(`${here}: source "${source}" is not a graphic in the document`);
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'items' || key === 'item' || HANDLERS.includes(key)) continue;
    bindings(inner, `${here}.${key}`, context);
  }
  for (const handler of HANDLERS) {
    const commands = value[handler];
    if (commands !== undefined)
      (Array.isArray(commands) ? commands : [commands]).forEach((c, i) =>
        command(c, `${here}.${handler}[${i}]`, context),
      );
  }
  const items = boundItems(value.data, context, here);
  const inner = items ? { ...context, dataItems: items } : context;
  childrenOf(value).forEach((child, i) => component(child, `${here}.items[${i}]`, inner));
}

function command(value: unknown, at: string, context: Context): void {
  if (!isRecord(value)) return;
  if (typeof value.componentId === 'string' && !value.componentId.startsWith(':'))
    context.targets.push({ id: value.componentId, at });
  for (const [key, inner] of Object.entries(value)) {
    if (['commands', 'catch', 'finally'].includes(key) && Array.isArray(inner))
      inner.forEach((c, i) => command(c, `${at}.${key}[${i}]`, context));
    else bindings(inner, `${at}.${key}`, context);
  }
}

/** The array a component's `data` binds to (`${payload.list}`), or undefined when it has none. */
function boundItems(data: unknown, context: Context, at: string): unknown[] | undefined {
  if (data === undefined) return undefined;
  if (Array.isArray(data)) return data;
  const match = typeof data === 'string' ? /^\$\{\s*([A-Za-z_][\w.]*)\s*\}$/.exec(data) : null;
  const node = match ? lookup(match[1], context.datasources) : undefined;
  if (!Array.isArray(node)) {
    context.problems.push(`${at}.data: ${String(data)} is not a list in the data sources`);
    return [];
  }
  return node;
}

function lookup(dotted: string, root: Json): unknown {
  let node: unknown = root;
  for (const part of dotted.split('.')) node = isRecord(node) ? node[part] : undefined;
  return node;
}

/** The graphic names a VectorGraphic source stands for: itself, or `${data.x}` for every data item. */
function graphicSources(source: string, context: Context): string[] {
  const match = /^\$\{\s*data\.(\w+)\s*\}$/.exec(source);
  if (!match || !context.dataItems) return source.includes('${') ? [] : [source];
  return context.dataItems
    .map((item) => (isRecord(item) ? item[match[1]] : undefined))
    .filter((name): name is string => typeof name === 'string' && name !== '');
}

/** `${payload.a.b}` must be in the data sources, `${data.x}` in every data item, `@name` a resource. */
function bindings(value: unknown, at: string, context: Context): void {
  if (typeof value === 'string') {
    for (const [, name] of value.matchAll(/(?:^|[^\w.])@([A-Za-z_]\w*)/g))
      if (!context.resources.has(name)) context.problems.push(`${at}: @${name} is not a defined resource`);
    for (const [, dotted] of value.matchAll(/\$\{\s*([A-Za-z_][\w.]*)\s*\}/g)) {
      const [root, first] = dotted.split('.');
      if (root === 'data' && context.dataItems) {
        if (context.dataItems.some((item) => !isRecord(item) || item[first] === undefined))
          context.problems.push(`${at}: \${${dotted}} is not in every data item`);
      } else if (context.parameters.includes(root) && lookup(dotted, context.datasources) === undefined) {
        context.problems.push(`${at}: \${${dotted}} is not in the data sources`);
      }
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => bindings(v, `${at}[${i}]`, context));
  } else if (isRecord(value) && !('type' in value)) {
    for (const [k, v] of Object.entries(value)) bindings(v, `${at}.${k}`, context);
  }
}

type SupportedViewport = {
  mode: string;
  shape: string;
  minWidth: number;
  maxWidth: number;
  maxHeight: number;
};

/** The viewports skill-package/skill.json declares for APL. */
export function declaredViewports(): SupportedViewport[] {
  const file = path.join(__dirname, '../../skill-package/skill.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
    manifest: {
      apis: { custom: { interfaces: Array<{ type: string; supportedViewports?: SupportedViewport[] }> } };
    };
  };
  const apl = manifest.manifest.apis.custom.interfaces.find((i) => i.type === 'ALEXA_PRESENTATION_APL');
  return apl?.supportedViewports ?? [];
}

/**
 * Our layout rule: every kind of screen the skill declares, other than the landscape hub the layout
 * is drawn for, has a condition of its own in the document (round, TV, portrait).
 */
export function viewportProblems(document: unknown): string[] {
  const text = JSON.stringify(document);
  const problems: string[] = [];
  for (const v of declaredViewports()) {
    const needs =
      v.shape === 'ROUND'
        ? "viewport.shape == 'round'"
        : v.mode === 'TV'
          ? "viewport.mode == 'tv'"
          : v.maxHeight > v.minWidth
            ? 'viewport.height > viewport.width'
            : undefined;
    if (needs && !text.includes(needs))
      problems.push(
        `declared viewport ${v.mode} ${v.shape} ${v.maxWidth}×${v.maxHeight}: no "${needs}" condition`,
      );
  }
  return problems;
}

/** A whole response over Alexa's size limit. */
export function responseSizeProblems(response: unknown): string[] {
  const bytes = Buffer.byteLength(JSON.stringify(response), 'utf8');
  return bytes > MAX_RESPONSE_BYTES ? [`response is ${bytes} bytes (max ${MAX_RESPONSE_BYTES})`] : [];
}

/**
 * Everything wrong with a response's screens: each APL RenderDocument checked by apl-suggester and
 * the checks above, the declared viewports, and the response's size. Conversations run it on every
 * response, so every APL document the skill sends in a test is checked.
 */
export async function responseScreenProblems(response: unknown): Promise<string[]> {
  const problems = responseSizeProblems(response);
  const directives = isRecord(response) && isRecord(response.response) ? response.response.directives : [];
  for (const directive of Array.isArray(directives) ? directives : []) {
    if (!isRecord(directive) || directive.type !== 'Alexa.Presentation.APL.RenderDocument') continue;
    problems.push(...(await aplProblems(directive.document, directive.datasources)));
    problems.push(...viewportProblems(directive.document));
  }
  return problems;
}
