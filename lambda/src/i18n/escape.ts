/**
 * Escapes text for use inside SSML. Every resource string is SSML, so the translator escapes each
 * value it interpolates with this; Alexa rejects a response whose SSML is not well-formed XML.
 */
export function escapeSsml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
