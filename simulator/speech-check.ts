/**
 * Checks what a response says against what Alexa accepts, for the tests (on every response) and the
 * simulator (before it shows one):
 * - SSML: lambda/src/speech/ssml-check.ts (the Lambda runs it too, for "repeat");
 * - APL for Audio: the RenderDocument shape this skill sends, with every Speech's SSML checked.
 */
import { APLA_DIRECTIVE } from '../lambda/src/speech/apla';
import { ssmlProblems } from '../lambda/src/speech/ssml-check';

export { MAX_SSML_CHARACTERS, ssmlProblems } from '../lambda/src/speech/ssml-check';

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
