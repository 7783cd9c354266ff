/**
 * Checks SSML against what Alexa accepts: well-formed XML inside one <speak>, only the tags Alexa
 * supports, only the five XML entities, breaks of at most 10 seconds, and at most 8000 characters.
 * The Lambda runs it before "repeat" speaks a sentence rebuilt from session state (speech/said.ts);
 * the tests and the simulator run it on every response.
 */
import { MAX_BREAK_SECONDS } from './ssml';

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
