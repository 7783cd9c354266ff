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

/** Where a tag stood, while the text is flattened (a character SSML text cannot hold). */
const TAG = '\u0001';

/**
 * Plain text of an SSML fragment, as the skill shows and logs what it says (and as tests compare
 * it): tags removed, entities decoded, whitespace collapsed. A space a tag left before punctuation
 * goes ("911</say-as>." → "911."), and no language puts one before "." or ","; but a space written
 * before "?", "!", ":" or ";" stays: French typography puts one there ("Voulez-vous savoir
 * pourquoi ?"). Alexa's French voice speaks the sentence the same either way.
 */
export function ssmlToText(ssml: string): string {
  return ssml
    .replace(/<[^>]+>/g, TAG)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(new RegExp(`[\\s${TAG}]*${TAG}[\\s${TAG}]*([.,?!;:])`, 'gu'), '$1')
    .replace(new RegExp(`[\\s${TAG}]+`, 'gu'), ' ')
    .replace(/ ([.,])/g, '$1')
    .trim();
}

/** "BL 23" as Alexa should say it: letters spelled, number as a number. */
export function speakableCode(code: string): string {
  return code.replace(/^([A-Z]+)/, (prefix) => prefix.split('').join(' '));
}
