/**
 * Catalogue text in another language: an overlay (data/text/<lang>/<file>.json) has the English
 * file's structure, keeps the identifying keys (`code`, `id`) and holds only the text fields,
 * translated. Laid over the English data it gives the same entries, numbers and rules, with that
 * language's words. Everything the overlay omits comes from English.
 */
import { isRecord } from './record';

/** Keys that identify an entry in an array of objects: overlays match entries by these, not by position. */
const IDENTIFYING_KEYS = ['code', 'id'] as const;

/**
 * The keys whose values are spoken or shown (LOCALES.md section 3); only these are taken from an
 * overlay. Anything else (codes, numbers, enums, point codes, sources, SVG paths) stays English.
 */
export const TEXT_KEYS = new Set([
  'names',
  'region',
  'location',
  'find',
  'short',
  'detail',
  'position',
  'technique',
  'cautions',
  'name',
  'synonyms',
  'you',
  'advice',
  'why',
  'cue',
  'closing',
  'claim',
  'forms',
  'approved',
  'question',
  'when',
  'label',
  'title',
  'caption',
  'text',
]);

/** Containers that hold text fields below them (the overlay's structure down to its text). */
const CONTAINER_KEYS = new Set([
  'points',
  'needs',
  'routines',
  'steps',
  'conditions',
  'redFlags',
  'stopSymptoms',
  'palmHold',
  'noToolSteps',
  'breathingRoutine',
  'wording',
  'banned',
  'askFirst',
  'views',
  'figures',
  'labels',
]);

function identity(entry: unknown): string | undefined {
  if (!isRecord(entry)) return undefined;
  for (const key of IDENTIFYING_KEYS) if (typeof entry[key] === 'string') return `${key}:${entry[key]}`;
  return undefined;
}

function isText(value: unknown): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}

/** The overlay's entry for an English entry of an array: by its code or id, else by position. */
function counterpart(english: unknown, index: number, overlay: unknown[]): unknown {
  const id = identity(english);
  if (id === undefined) return overlay[index];
  return overlay.find((o) => identity(o) === id);
}

/** The English value with the overlay's text laid over it; the English value when the overlay has none. */
export function overlayText<T>(english: T, overlay: unknown, key = ''): T {
  if (overlay === undefined || overlay === null) return english;
  if (isText(english)) return (TEXT_KEYS.has(key) && isText(overlay) ? overlay : english) as T;
  if (Array.isArray(english)) {
    if (!Array.isArray(overlay)) return english;
    return english.map((entry: unknown, i) => overlayText(entry, counterpart(entry, i, overlay), key)) as T;
  }
  if (isRecord(english)) {
    if (!isRecord(overlay)) return english;
    const out: Record<string, unknown> = {};
    for (const [k, value] of Object.entries(english)) out[k] = overlayText(value, overlay[k], k);
    return out as T;
  }
  return english;
}

/**
 * What is wrong with an overlay against the English file, path by path: an id or key English does
 * not have, an array of another length, a value of another kind, a field that is not text.
 */
export function overlayProblems(english: unknown, overlay: unknown, at = ''): string[] {
  if (overlay === undefined) return [];
  const key = at.split('.').pop()?.replace(/\[.*$/, '') ?? '';
  if (isText(english)) {
    if (!isText(overlay)) return [`${at}: expected text`];
    if (!TEXT_KEYS.has(key)) return [`${at}: not a text field (it comes from English)`];
    if (typeof english === 'string' && typeof overlay === 'string' && english !== '' && overlay.trim() === '')
      return [`${at}: empty`];
    return [];
  }
  if (Array.isArray(english)) {
    if (!Array.isArray(overlay)) return [`${at}: expected an array`];
    const problems: string[] = [];
    const byId = english.some((e) => identity(e) !== undefined);
    if (byId) {
      const known = new Set(english.map(identity));
      for (const o of overlay) {
        const id = identity(o);
        if (id === undefined || !known.has(id))
          problems.push(`${at}: unknown entry ${id ?? JSON.stringify(o)}`);
      }
    } else if (overlay.length !== english.length) {
      problems.push(`${at}: ${overlay.length} entries, English has ${english.length}`);
    }
    english.forEach((entry: unknown, i) => {
      const label = identity(entry) ?? String(i);
      problems.push(...overlayProblems(entry, counterpart(entry, i, overlay), `${at}[${label}]`));
    });
    return problems;
  }
  if (isRecord(english)) {
    if (!isRecord(overlay)) return [`${at}: expected an object`];
    const problems: string[] = [];
    for (const k of Object.keys(overlay)) {
      if (!(k in english)) problems.push(`${at ? `${at}.` : ''}${k}: not in the English file`);
      else if (
        !IDENTIFYING_KEYS.includes(k as (typeof IDENTIFYING_KEYS)[number]) &&
        !TEXT_KEYS.has(k) &&
        !CONTAINER_KEYS.has(k) &&
        !isRecord(english[k]) &&
        !Array.isArray(english[k])
      )
        problems.push(`${at ? `${at}.` : ''}${k}: not a text field (it comes from English)`);
    }
    for (const [k, value] of Object.entries(english)) {
      if (IDENTIFYING_KEYS.includes(k as (typeof IDENTIFYING_KEYS)[number])) continue;
      problems.push(...overlayProblems(value, overlay[k], at ? `${at}.${k}` : k));
    }
    return problems;
  }
  return [];
}

/**
 * The text an overlay is missing, path by path: every text field of every English entry that the
 * overlay does not translate (empty English text, such as a cue deliberately left unsaid, is not asked for).
 */
export function missingText(english: unknown, overlay: unknown, at = ''): string[] {
  const key = at.split('.').pop()?.replace(/\[.*$/, '') ?? '';
  if (isText(english)) {
    if (!TEXT_KEYS.has(key)) return [];
    const empty = typeof english === 'string' ? english === '' : (english as string[]).length === 0;
    return overlay === undefined && !empty ? [at] : [];
  }
  if (Array.isArray(english))
    return english.flatMap((entry: unknown, i) =>
      missingText(
        entry,
        Array.isArray(overlay) ? counterpart(entry, i, overlay) : undefined,
        `${at}[${identity(entry) ?? i}]`,
      ),
    );
  if (isRecord(english))
    return Object.entries(english).flatMap(([k, value]) =>
      missingText(value, isRecord(overlay) ? overlay[k] : undefined, at ? `${at}.${k}` : k),
    );
  return [];
}
