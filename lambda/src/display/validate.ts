/**
 * Checks an APL document (and its data sources) against the documented shape: document properties
 * and version, component types with their documented properties, AVG graphics, commands, and that
 * every `${payload.…}` reference, graphic, style and component id the document uses exists. A device
 * silently drops what it does not understand, so these mistakes would otherwise only show on hardware.
 *
 * Property lists follow the APL reference (document, resources, Container, Frame, Pager, Text,
 * TouchWrapper, VectorGraphic, AVG 1.2, AnimateItem, Idle, SendEvent, SetPage, Sequential, Parallel)
 * for the parts this skill uses; anything else is reported, not guessed. Components bound to a data
 * array (`data: "${payload.list}"`) are checked once per item: `${data.x}` must be in every item, and
 * an id with `${index}` names one component per item.
 */
import { isRecord } from '../core/record';

type Json = Record<string, unknown>;

export const APL_VERSIONS = [
  '1.0',
  '1.1',
  '1.2',
  '1.3',
  '1.4',
  '1.5',
  '1.6',
  '1.7',
  '1.8',
  '1.9',
  '2022.1',
  '2022.2',
  '2023.1',
  '2023.2',
  '2023.3',
  '2024.1',
  '2024.2',
  '2024.3',
];

const DOCUMENT = {
  required: ['type', 'version', 'mainTemplate'],
  allowed: [
    'type',
    'version',
    'description',
    'theme',
    'import',
    'resources',
    'styles',
    'graphics',
    'layouts',
    'commands',
    'onMount',
    'settings',
    'background',
    'extensions',
    'onConfigChange',
    'environment',
    'lang',
    'layoutDirection',
    'mainTemplate',
  ],
};

const BASE = [
  'type',
  'id',
  'when',
  'description',
  'style',
  'inheritParentState',
  'bind',
  'width',
  'height',
  'minWidth',
  'maxWidth',
  'minHeight',
  'maxHeight',
  'paddingTop',
  'paddingBottom',
  'paddingLeft',
  'paddingRight',
  'position',
  'top',
  'bottom',
  'left',
  'right',
  'grow',
  'shrink',
  'alignSelf',
  'spacing',
  'opacity',
  'display',
  'transform',
  'onMount',
  'accessibilityLabel',
  'role',
  'checked',
  'disabled',
  'speech',
  'entities',
  'handleTick',
];
const MULTI_CHILD = ['item', 'items', 'data', 'firstItem', 'lastItem', 'numbered'];
const TOUCHABLE = [
  'onPress',
  'onDown',
  'onUp',
  'onMove',
  'gestures',
  'onFocus',
  'onBlur',
  'handleKeyDown',
  'handleKeyUp',
];

const COMPONENTS: Record<string, { allowed: string[]; required: string[] }> = {
  Container: {
    allowed: [...BASE, ...MULTI_CHILD, 'direction', 'alignItems', 'justifyContent', 'wrap'],
    required: [],
  },
  Frame: {
    allowed: [...BASE, 'item', 'items', 'backgroundColor', 'borderRadius', 'borderWidth', 'borderColor'],
    required: [],
  },
  Text: {
    allowed: [
      ...BASE,
      'text',
      'color',
      'fontFamily',
      'fontSize',
      'fontStyle',
      'fontWeight',
      'letterSpacing',
      'lineHeight',
      'maxLines',
      'textAlign',
      'textAlignVertical',
    ],
    required: ['text'],
  },
  TouchWrapper: { allowed: [...BASE, ...TOUCHABLE, 'item', 'items'], required: ['item'] },
  VectorGraphic: {
    allowed: [...BASE, ...TOUCHABLE, 'source', 'scale', 'align', 'onLoad', 'onFail'],
    required: ['source'],
  },
  Pager: {
    allowed: [
      ...BASE,
      ...MULTI_CHILD,
      'initialPage',
      'navigation',
      'onPageChanged',
      'pageDirection',
      'handlePageMove',
      'preserve',
    ],
    required: [],
  },
};

/** Resource block keys (APL resources: each block may have a `when`; later blocks win). */
const RESOURCE_TYPES = [
  'boolean',
  'booleans',
  'color',
  'colors',
  'dimension',
  'dimensions',
  'easing',
  'easings',
  'gradient',
  'gradients',
  'number',
  'numbers',
  'string',
  'strings',
];

const ENUMS: Record<string, string[]> = {
  direction: ['column', 'row', 'columnReverse', 'rowReverse'],
  alignItems: ['start', 'end', 'center', 'baseline', 'stretch'],
  justifyContent: ['start', 'end', 'center', 'spaceBetween', 'spaceAround', 'spaceEvenly'],
  textAlign: ['auto', 'left', 'right', 'center', 'start', 'end'],
  fontWeight: ['normal', 'bold', '100', '200', '300', '400', '500', '600', '700', '800', '900'],
  scale: ['none', 'fill', 'best-fit', 'best-fill'],
  align: ['bottom', 'bottom-left', 'bottom-right', 'center', 'left', 'right', 'top', 'top-left', 'top-right'],
  role: ['button', 'image', 'text', 'header', 'link', 'none', 'progressbar', 'timer', 'list', 'listitem'],
  navigation: ['normal', 'none', 'wrap', 'forward-only'],
  pageDirection: ['horizontal', 'vertical'],
};

const COMMON_COMMAND = ['type', 'description', 'delay', 'when', 'screenLock', 'sequencer'];
const COMMANDS: Record<string, { allowed: string[]; required: string[] }> = {
  SendEvent: { allowed: [...COMMON_COMMAND, 'arguments', 'components', 'flags'], required: [] },
  AnimateItem: {
    allowed: [...COMMON_COMMAND, 'componentId', 'duration', 'easing', 'repeatCount', 'repeatMode', 'value'],
    required: ['duration', 'value'],
  },
  Sequential: {
    allowed: [...COMMON_COMMAND, 'commands', 'catch', 'finally', 'repeatCount'],
    required: ['commands'],
  },
  Parallel: { allowed: [...COMMON_COMMAND, 'commands'], required: ['commands'] },
  Idle: { allowed: [...COMMON_COMMAND], required: [] },
  SetPage: { allowed: [...COMMON_COMMAND, 'componentId', 'position', 'value'], required: ['value'] },
};

const AVG = {
  required: ['type', 'version', 'height', 'width'],
  allowed: [
    'type',
    'version',
    'description',
    'height',
    'width',
    'viewportHeight',
    'viewportWidth',
    'items',
    'item',
    'parameters',
    'resources',
    'styles',
    'scaleTypeHeight',
    'scaleTypeWidth',
    'lang',
    'layoutDirection',
    'data',
  ],
};
const AVG_ITEMS: Record<string, { allowed: string[]; required: string[] }> = {
  path: {
    allowed: [
      'type',
      'pathData',
      'fill',
      'fillOpacity',
      'fillTransform',
      'pathLength',
      'stroke',
      'strokeDashArray',
      'strokeDashOffset',
      'strokeLineCap',
      'strokeLineJoin',
      'strokeMiterLimit',
      'strokeOpacity',
      'strokeTransform',
      'strokeWidth',
      'style',
      'when',
      'bind',
      'description',
    ],
    required: ['pathData'],
  },
  text: {
    allowed: [
      'type',
      'text',
      'x',
      'y',
      'fill',
      'fillOpacity',
      'fillTransform',
      'fontFamily',
      'fontSize',
      'fontStyle',
      'fontWeight',
      'letterSpacing',
      'stroke',
      'strokeOpacity',
      'strokeTransform',
      'strokeWidth',
      'textAnchor',
      'style',
      'when',
      'bind',
      'description',
    ],
    required: ['text'],
  },
  group: {
    allowed: [
      'type',
      'items',
      'item',
      'opacity',
      'transform',
      'clipPath',
      'style',
      'when',
      'bind',
      'description',
    ],
    required: [],
  },
};

/** Problems with a RenderDocument's document and data sources; an empty list means valid. */
export function aplProblems(document: unknown, datasources: unknown = {}): string[] {
  const problems: string[] = [];
  if (!isRecord(document)) return ['document is not an object'];
  checkKeys(document, DOCUMENT, 'document', problems);
  if (document.type !== 'APL') problems.push('document: type must be "APL"');
  if (typeof document.version !== 'string' || !APL_VERSIONS.includes(document.version))
    problems.push(`document: version ${JSON.stringify(document.version)} is not an APL version`);

  const graphics = isRecord(document.graphics) ? document.graphics : {};
  for (const [name, graphic] of Object.entries(graphics)) checkAvg(graphic, `graphics.${name}`, problems);
  const styles = isRecord(document.styles) ? document.styles : {};
  const resources = resourceNames(document.resources, problems);

  const template = document.mainTemplate;
  const ids = new Set<string>();
  const context: Context = {
    graphics,
    styles,
    ids,
    datasources: isRecord(datasources) ? datasources : {},
    resources,
    problems,
  };
  if (!isRecord(template)) {
    problems.push('document: mainTemplate is not an object');
  } else {
    const parameters = template.parameters;
    if (
      parameters !== undefined &&
      (!Array.isArray(parameters) || parameters.some((p) => typeof p !== 'string'))
    )
      problems.push('mainTemplate: parameters must be a list of names');
    const items = childrenOf(template);
    if (items.length === 0) problems.push('mainTemplate: has no item');
    context.parameters = Array.isArray(parameters) ? (parameters as string[]) : [];
    // Only one item is inflated (the first whose condition holds): ids must resolve within it.
    items.forEach((item, i) => {
      const layout: Context = { ...context, ids: new Set(), componentIds: [] };
      checkComponent(item, `mainTemplate.items[${i}]`, layout);
      unresolvedIds(layout);
      layout.ids.forEach((id) => ids.add(id));
    });
  }
  context.componentIds = [];
  (Array.isArray(document.onMount) ? document.onMount : []).forEach((c, i) =>
    checkCommand(c, `document.onMount[${i}]`, context),
  );
  unresolvedIds(context);
  return problems;
}

interface Context {
  graphics: Json;
  styles: Json;
  ids: Set<string>;
  datasources: Json;
  resources: Set<string>;
  parameters?: string[];
  problems: string[];
  componentIds?: Array<{ id: string; at: string }>;
  /** Inside a component bound to a data array: the items `${data.…}` and `${index}` stand for. */
  dataItems?: unknown[];
}

/** Names defined by the document's resource blocks; reports malformed blocks. */
function resourceNames(value: unknown, problems: string[]): Set<string> {
  const names = new Set<string>();
  if (value === undefined) return names;
  if (!Array.isArray(value)) {
    problems.push('document: resources must be a list of resource blocks');
    return names;
  }
  value.forEach((block, i) => {
    const at = `resources[${i}]`;
    if (!isRecord(block)) {
      problems.push(`${at}: is not a resource block`);
      return;
    }
    for (const [key, map] of Object.entries(block)) {
      if (key === 'when') checkCondition(map, `${at}.when`, problems);
      else if (key === 'description') continue;
      else if (!RESOURCE_TYPES.includes(key)) problems.push(`${at}: unknown property "${key}"`);
      else if (!isRecord(map)) problems.push(`${at}.${key}: must map names to values`);
      else Object.keys(map).forEach((name) => names.add(name));
    }
  });
  return names;
}

function unresolvedIds(context: Context): void {
  for (const { id, at } of context.componentIds ?? []) {
    if (!context.ids.has(id))
      context.problems.push(`${at}: componentId "${id}" is not a component in the document`);
  }
}

function checkKeys(
  value: Json,
  spec: { allowed: string[]; required: string[] },
  at: string,
  problems: string[],
): void {
  for (const key of Object.keys(value))
    if (!spec.allowed.includes(key)) problems.push(`${at}: unknown property "${key}"`);
  for (const key of spec.required)
    if (value[key] === undefined) problems.push(`${at}: missing required "${key}"`);
}

function childrenOf(value: Json): unknown[] {
  const items = value.items ?? value.item;
  if (items === undefined) return [];
  return Array.isArray(items) ? items : [items];
}

function checkComponent(component: unknown, at: string, context: Context): void {
  const { problems } = context;
  if (!isRecord(component)) {
    problems.push(`${at}: is not a component`);
    return;
  }
  const spec = typeof component.type === 'string' ? COMPONENTS[component.type] : undefined;
  if (!spec) {
    problems.push(`${at}: unknown component type ${JSON.stringify(component.type)}`);
    return;
  }
  const here = `${at} (${String(component.type)})`;
  checkKeys(component, spec, here, problems);
  if (typeof component.id === 'string') {
    // In a data-bound template, an id with ${index} names one component per data item.
    if (context.dataItems && component.id.includes('${index}'))
      context.dataItems.forEach((_, i) =>
        context.ids.add(String(component.id).split('${index}').join(String(i))),
      );
    else context.ids.add(component.id);
  }
  if (component.when !== undefined) checkCondition(component.when, `${here}.when`, problems);
  if (typeof component.style === 'string' && !(component.style in context.styles))
    problems.push(`${here}: style "${component.style}" is not defined`);
  if (component.type === 'VectorGraphic' && typeof component.source === 'string')
    for (const source of graphicSources(component.source, context))
      if (!(source in context.graphics))
        problems.push(`${here}: source "${source}" is not a graphic in the document`);
  for (const [key, values] of Object.entries(ENUMS)) {
    const value = resolveResource(component[key], context);
    if (typeof value === 'string' && !value.includes('${') && !values.includes(value))
      problems.push(`${here}: ${key} "${value}" is not one of ${values.join(', ')}`);
  }
  for (const [key, value] of Object.entries(component)) checkBindings(value, `${here}.${key}`, context);
  for (const handler of ['onPress', 'onMount', 'onDown', 'onUp', 'onFocus', 'onBlur']) {
    const commands = component[handler];
    if (commands === undefined) continue;
    (Array.isArray(commands) ? commands : [commands]).forEach((c, i) =>
      checkCommand(c, `${here}.${handler}[${i}]`, context),
    );
  }
  const items = boundItems(component.data, context, here);
  const childContext = items ? { ...context, dataItems: items } : context;
  childrenOf(component).forEach((child, i) => checkComponent(child, `${here}.items[${i}]`, childContext));
}

/** The array a component's `data` binds to (`${payload.list}`), or undefined when it has none. */
function boundItems(data: unknown, context: Context, at: string): unknown[] | undefined {
  if (data === undefined) return undefined;
  if (Array.isArray(data)) return data;
  const match = typeof data === 'string' ? /^\$\{\s*([A-Za-z_][\w.]*)\s*\}$/.exec(data) : null;
  if (!match) {
    context.problems.push(`${at}.data: must be a list or bind one from the data sources`);
    return [];
  }
  const [root, ...rest] = match[1].split('.');
  let node: unknown = context.datasources[root];
  for (const part of rest) node = isRecord(node) ? node[part] : undefined;
  if (!Array.isArray(node)) {
    context.problems.push(`${at}.data: \${${match[1]}} is not a list in the data sources`);
    return [];
  }
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

/** A property value with a whole-value resource reference (`@name`) left as is when unknown. */
function resolveResource(value: unknown, context: Context): unknown {
  return typeof value === 'string' && value.startsWith('@') && context.resources.has(value.slice(1))
    ? '${resource}'
    : value;
}

function checkCommand(command: unknown, at: string, context: Context): void {
  const { problems } = context;
  if (!isRecord(command)) {
    problems.push(`${at}: is not a command`);
    return;
  }
  const spec = typeof command.type === 'string' ? COMMANDS[command.type] : undefined;
  if (!spec) {
    problems.push(`${at}: unknown command type ${JSON.stringify(command.type)}`);
    return;
  }
  checkKeys(command, spec, `${at} (${String(command.type)})`, problems);
  if (command.delay !== undefined && !(Number.isInteger(command.delay) && (command.delay as number) >= 0))
    problems.push(`${at}: delay must be a non-negative integer`);
  if (command.type === 'SendEvent' && command.arguments !== undefined && !Array.isArray(command.arguments))
    problems.push(`${at}: arguments must be a list`);
  if (command.type === 'AnimateItem') {
    if (!(Number.isInteger(command.duration) && (command.duration as number) > 0))
      problems.push(`${at}: duration must be a positive integer (ms)`);
    const values = Array.isArray(command.value) ? command.value : [command.value];
    for (const value of values) {
      if (
        !isRecord(value) ||
        !['opacity', 'transform'].includes(String(value.property)) ||
        value.to === undefined
      )
        problems.push(`${at}: each animated value needs property "opacity" or "transform" and a "to"`);
    }
  }
  if (typeof command.componentId === 'string' && !command.componentId.startsWith(':'))
    (context.componentIds ??= []).push({ id: command.componentId, at });
  if (command.type === 'SetPage') {
    if (!Number.isInteger(command.value)) problems.push(`${at}: value must be an integer page index`);
    if (command.position !== undefined && !['absolute', 'relative'].includes(String(command.position)))
      problems.push(`${at}: position must be "absolute" or "relative"`);
  }
  for (const key of ['commands', 'catch', 'finally']) {
    const nested = command[key];
    if (Array.isArray(nested)) nested.forEach((c, i) => checkCommand(c, `${at}.${key}[${i}]`, context));
  }
}

function checkAvg(graphic: unknown, at: string, problems: string[]): void {
  if (!isRecord(graphic)) {
    problems.push(`${at}: is not an AVG object`);
    return;
  }
  checkKeys(graphic, AVG, at, problems);
  if (graphic.type !== 'AVG') problems.push(`${at}: type must be "AVG"`);
  if (!['1.0', '1.1', '1.2'].includes(String(graphic.version)))
    problems.push(`${at}: version must be an AVG version`);
  for (const key of ['width', 'height']) {
    if (!(typeof graphic[key] === 'number' && (graphic[key] as number) > 0))
      problems.push(`${at}: ${key} must be a positive number`);
  }
  const checkItem = (item: unknown, where: string): void => {
    if (!isRecord(item) || typeof item.type !== 'string' || !AVG_ITEMS[item.type]) {
      problems.push(`${where}: unknown AVG item`);
      return;
    }
    checkKeys(item, AVG_ITEMS[item.type], `${where} (${item.type})`, problems);
    if (
      item.type === 'path' &&
      (typeof item.pathData !== 'string' || !/^[MmLlHhVvCcSsQqTtAaZz0-9\s.,eE-]+$/.test(item.pathData))
    )
      problems.push(`${where}: pathData is not path data`);
    childrenOf(item).forEach((child, i) => checkItem(child, `${where}.items[${i}]`));
  };
  childrenOf(graphic).forEach((item, i) => checkItem(item, `${at}.items[${i}]`));
}

function checkCondition(value: unknown, at: string, problems: string[]): void {
  if (typeof value === 'boolean') return;
  if (typeof value !== 'string' || !/^\$\{.+\}$/s.test(value))
    problems.push(`${at}: must be a \${…} condition`);
}

/**
 * Every `${payload.a.b}` in a property must name a value the data sources provide; every `${data.x}`
 * in a data-bound template a value every item has; every `@name` a defined resource.
 */
function checkBindings(value: unknown, at: string, context: Context): void {
  if (typeof value === 'string') {
    for (const [, name] of value.matchAll(/(?:^|[^\w.])@([A-Za-z_]\w*)/g))
      if (!context.resources.has(name)) context.problems.push(`${at}: @${name} is not a defined resource`);
    for (const [, path] of value.matchAll(/\$\{\s*([A-Za-z_][\w.]*)\s*\}/g)) {
      const [root, ...rest] = path.split('.');
      if (root === 'data' && context.dataItems) {
        const missing = context.dataItems.some((item) => !isRecord(item) || item[rest[0]] === undefined);
        if (missing) context.problems.push(`${at}: \${${path}} is not in every data item`);
        continue;
      }
      if (!(context.parameters ?? []).includes(root)) continue;
      let node: unknown = context.datasources[root];
      for (const part of rest) node = isRecord(node) ? node[part] : undefined;
      if (node === undefined) context.problems.push(`${at}: \${${path}} is not in the data sources`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkBindings(v, `${at}[${i}]`, context));
  } else if (isRecord(value) && !('type' in value)) {
    for (const [k, v] of Object.entries(value)) checkBindings(v, `${at}.${k}`, context);
  }
}
