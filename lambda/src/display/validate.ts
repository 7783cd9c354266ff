/**
 * Checks an APL document (and its data sources) against the documented shape: document properties
 * and version, component types with their documented properties, AVG graphics, commands, and that
 * every `${payload.…}` reference, graphic, style and component id the document uses exists. A device
 * silently drops what it does not understand, so these mistakes would otherwise only show on hardware.
 *
 * Property lists follow the APL reference (document, Container, Frame, Text, TouchWrapper,
 * VectorGraphic, AVG 1.2, AnimateItem, SendEvent, Sequential, Parallel) for the parts this skill uses;
 * anything else is reported, not guessed.
 */
import { isRecord } from '../state/session';

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
};

const ENUMS: Record<string, string[]> = {
  direction: ['column', 'row', 'columnReverse', 'rowReverse'],
  alignItems: ['start', 'end', 'center', 'baseline', 'stretch'],
  justifyContent: ['start', 'end', 'center', 'spaceBetween', 'spaceAround', 'spaceEvenly'],
  textAlign: ['auto', 'left', 'right', 'center', 'start', 'end'],
  fontWeight: ['normal', 'bold', '100', '200', '300', '400', '500', '600', '700', '800', '900'],
  scale: ['none', 'fill', 'best-fit', 'best-fill'],
  align: ['bottom', 'bottom-left', 'bottom-right', 'center', 'left', 'right', 'top', 'top-left', 'top-right'],
  role: ['button', 'image', 'text', 'header', 'link', 'none', 'progressbar', 'timer', 'list', 'listitem'],
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

  const template = document.mainTemplate;
  const ids = new Set<string>();
  const context: Context = {
    graphics,
    styles,
    ids,
    datasources: isRecord(datasources) ? datasources : {},
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
  parameters?: string[];
  problems: string[];
  componentIds?: Array<{ id: string; at: string }>;
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
  if (typeof component.id === 'string') context.ids.add(component.id);
  if (component.when !== undefined) checkCondition(component.when, `${here}.when`, problems);
  if (typeof component.style === 'string' && !(component.style in context.styles))
    problems.push(`${here}: style "${component.style}" is not defined`);
  if (
    component.type === 'VectorGraphic' &&
    typeof component.source === 'string' &&
    !(component.source in context.graphics)
  )
    problems.push(`${here}: source "${component.source}" is not a graphic in the document`);
  for (const [key, values] of Object.entries(ENUMS)) {
    const value = component[key];
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
  childrenOf(component).forEach((child, i) => checkComponent(child, `${here}.items[${i}]`, context));
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
    if (typeof command.componentId === 'string')
      (context.componentIds ??= []).push({ id: command.componentId, at });
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

/** Every `${payload.a.b}` in a property must name a value the data sources provide. */
function checkBindings(value: unknown, at: string, context: Context): void {
  if (typeof value === 'string') {
    for (const [, path] of value.matchAll(/\$\{\s*([A-Za-z_][\w.]*)\s*\}/g)) {
      const [root, ...rest] = path.split('.');
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
