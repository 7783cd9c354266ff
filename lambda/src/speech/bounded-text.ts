/**
 * Text from outside the skill (slot values, stored or session strings) before it is matched or
 * spoken: characters XML 1.0 forbids are removed, whitespace is collapsed, and the length is
 * bounded. What the user said is spoken back only as a short phrase (`spokenPhrase`), so a slot of
 * any size adds at most a few words to the answer. Escaping is left to the translator (every
 * interpolated value) or `escapeSsml`, which both strip the same characters (i18n/escape.ts).
 */
import { xmlSafe } from '../i18n/escape';

export { xmlSafe };

/** At most this many characters of what the user said are matched against the catalogue. */
export const MAX_HEARD_CHARACTERS = 200;
/** What the user said is spoken back as at most this many words… */
export const PHRASE_MAX_WORDS = 8;
/** …and at most this many characters. */
export const PHRASE_MAX_CHARACTERS = 60;

/** Cuts `text` to at most `max` characters, at a space when there is one, never inside a surrogate pair. */
function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  if (space > 0) return text.slice(0, space).trimEnd();
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/**
 * What the user said, for matching: forbidden characters removed, whitespace collapsed, at most
 * `MAX_HEARD_CHARACTERS` (no name or phrase the skill knows is longer). Empty when nothing is left.
 */
export function heardText(raw: string): string {
  // Only a bounded prefix is ever looked at, so a huge value costs no more than a short one.
  const prefix = raw.length > MAX_HEARD_CHARACTERS * 4 ? raw.slice(0, MAX_HEARD_CHARACTERS * 4) : raw;
  const clean = xmlSafe(prefix).replace(/\s+/g, ' ').trim();
  return cutAt(clean, MAX_HEARD_CHARACTERS);
}

/**
 * What the user said, to be spoken back ("I don't know a point called …"): clean, and cut at a word
 * boundary to at most `PHRASE_MAX_WORDS` words and `PHRASE_MAX_CHARACTERS` characters. Plain text:
 * the translator escapes it when it fills a sentence in.
 */
export function spokenPhrase(raw: string): string {
  const words = heardText(raw).split(' ').slice(0, PHRASE_MAX_WORDS).join(' ');
  return cutAt(words, PHRASE_MAX_CHARACTERS);
}
