/**
 * Checks what a response says against what Alexa accepts, for the tests (on every response) and the
 * simulator (before it shows one); the Lambda itself never runs it.
 * - SSML: well-formed XML inside one <speak>, only the tags Alexa supports, only the five XML
 *   entities, breaks of at most 10 seconds, and at most 8000 characters.
 * - APL for Audio: the RenderDocument shape this skill sends, with every Speech's SSML checked.
 */
import { APLA_DIRECTIVE } from '../lambda/src/speech/apla';
import { MAX_BREAK_SECONDS } from '../lambda/src/speech/ssml';

export const MAX_SSML_CHARACTERS = 8000;

const ALLOWED_TAGS = new Set([
  'speak',
  'break',
  'say-as',
  'sub',
  'emphasis',
  'prosody',
  'p',
  's',
  'lang',
  'phoneme',
  'w',
  'voice',
  'audio',
  'amazon:effect',
  'amazon:domain',
  'amazon:emotion',
]);

/** Problems with an SSML document; an empty list means Alexa will accept it. */
export function ssmlProblems(ssml: string): string[] {
  const problems: string[] = [];
  if (ssml.length > MAX_SSML_CHARACTERS)
    problems.push(`SSML is ${ssml.length} characters (max ${MAX_SSML_CHARACTERS})`);
  const trimmed = ssml.trim();
  if (!trimmed.startsWith('<speak>') || !trimmed.endsWith('</speak>'))
    problems.push('SSML must be wrapped in one <speak>');
  const stack: string[] = [];
  const token =
    /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos);)/g;
  let match: RegExpExecArray | null;
  let speakCount = 0;
  while ((match = token.exec(trimmed)) !== null) {
    const [whole, closing, tag, attributes, selfClosing] = match;
    if (whole === '<') {
      problems.push(`stray "<" at ${match.index}`);
      continue;
    }
    if (whole.startsWith('&')) {
      problems.push(`unescaped "&" at ${match.index}`);
      continue;
    }
    if (!ALLOWED_TAGS.has(tag)) problems.push(`tag <${tag}> is not supported by Alexa`);
    if (tag === 'speak' && !closing) speakCount++;
    if (tag === 'break' && !closing) {
      const time = /time="([\d.]+)(ms|s)"/.exec(attributes ?? '');
      if (time) {
        const seconds = Number(time[1]) / (time[2] === 'ms' ? 1000 : 1);
        if (!(seconds <= MAX_BREAK_SECONDS))
          problems.push(`break of ${seconds}s is longer than ${MAX_BREAK_SECONDS}s`);
      } else if (!/strength="(none|x-weak|weak|medium|strong|x-strong)"/.test(attributes ?? '')) {
        problems.push('break without a valid time or strength');
      }
    }
    if (selfClosing) continue;
    if (closing) {
      const open = stack.pop();
      if (open !== tag) problems.push(`</${tag}> closes <${open ?? 'nothing'}>`);
    } else {
      stack.push(tag);
    }
  }
  if (stack.length > 0) problems.push(`unclosed tags: ${stack.join(', ')}`);
  if (speakCount > 1) problems.push('nested <speak>');
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Problems with an APLA RenderDocument directive of the shape this skill sends; an empty list means
 * it has the documented shape. Used by the tests and by the simulator before it plays a turn.
 */
export function aplaProblems(directive: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(directive)) return ['directive is not an object'];
  if (directive.type !== APLA_DIRECTIVE) problems.push(`type must be ${APLA_DIRECTIVE}`);
  if (directive.token !== undefined && typeof directive.token !== 'string')
    problems.push('token must be a string');
  if (directive.datasources !== undefined && !isObject(directive.datasources))
    problems.push('datasources must be an object');
  const document = directive.document;
  if (!isObject(document)) return [...problems, 'document is missing'];
  if (document.type !== 'APLA') problems.push('document.type must be "APLA"');
  if (typeof document.version !== 'string') problems.push('document.version must be a string');
  const template = document.mainTemplate;
  if (!isObject(template)) return [...problems, 'document.mainTemplate is missing'];
  if (template.parameters !== undefined) {
    if (!Array.isArray(template.parameters) || !template.parameters.every((p) => typeof p === 'string'))
      problems.push('mainTemplate.parameters must be an array of strings');
  }
  const roots = template.item !== undefined ? [template.item] : template.items;
  if (!Array.isArray(roots) || roots.length === 0) return [...problems, 'mainTemplate has no item'];
  let speech = 0;
  const visit = (component: unknown, path: string): void => {
    if (!isObject(component)) {
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
