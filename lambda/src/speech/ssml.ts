/**
 * SSML helpers shared by every response. Alexa rejects a response whose SSML is not well-formed XML,
 * so every value that comes from data or from the user is escaped before it is spoken: by the
 * translator (i18n/escape.ts) for every interpolated value.
 */
export { escapeSsml } from '../i18n/escape';

/** Alexa's longest single break. Longer silences are split into several breaks. */
export const MAX_BREAK_SECONDS = 10;

/** A silence of any length as SSML breaks of at most 10 s each. */
export function silence(seconds: number): string {
  const parts: string[] = [];
  let left = Math.round(seconds * 1000);
  while (left > 0) {
    const ms = Math.min(left, MAX_BREAK_SECONDS * 1000);
    parts.push(`<break time="${ms}ms"/>`);
    left -= ms;
  }
  return parts.join('');
}

/** Plain text of an SSML fragment: tags removed, entities decoded. For logs, screens and tests. */
export function ssmlToText(ssml: string): string {
  return ssml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,?!;:])/g, '$1')
    .trim();
}

/** "BL 23" as Alexa should say it: letters spelled, number as a number. */
export function speakableCode(code: string): string {
  return code.replace(/^([A-Z]+)/, (prefix) => prefix.split('').join(' '));
}
