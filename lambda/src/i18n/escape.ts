/**
 * Characters that may not appear in XML 1.0 (C0 controls other than tab, line feed and carriage
 * return; lone surrogates; U+FFFE and U+FFFF) and other control characters (DEL, C1) that mean
 * nothing in speech.
 */
const UNSPEAKABLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters XML forbids (and other control characters). */
export function xmlSafe(text: string): string {
  UNSPEAKABLE.lastIndex = 0;
  return UNSPEAKABLE.test(text) ? text.replace(UNSPEAKABLE, '') : text;
}

/**
 * Escapes text for use inside SSML, dropping the characters XML forbids. Every resource string is
 * SSML, so the translator escapes each value it interpolates with this; Alexa rejects a response
 * whose SSML is not well-formed XML.
 */
export function escapeSsml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
