import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  fallbackChain,
  hasKey,
  i18nextTranslatorFor,
  languageOfLocale,
  resources,
  translatorFor,
} from '../lambda/src/i18n';
import { LOCALES_UNDER_TEST } from './support/locales';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('i18n resources', () => {
  it('has every key the code asks for', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(path.join(__dirname, '../lambda/src'))) {
      const text = readFileSync(file, 'utf8');
      for (const [, key] of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) {
        if (!hasKey(key)) missing.push(`${path.basename(file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('escapes interpolated values for SSML but keeps markup in resources', () => {
    const t = translatorFor('en-US');
    expect(t('find.unknownPoint', { spoken: 'a & b' })).toContain('a &amp; b');
  });

  it('falls back along locale → language → English, never to another market', () => {
    expect(fallbackChain('en-GB')).toEqual(['en-GB', 'en']);
    expect(fallbackChain('en-gb')).toEqual(['en-GB', 'en']);
    expect(fallbackChain('en-NZ')).toEqual(['en']);
    // French has a base and market overrides now: a French market reaches its own words, then the
    // French base, never another French market's (fr-CA's 811 is not fr-FR's).
    expect(fallbackChain('fr-FR')).toEqual(['fr-FR', 'fr', 'en']);
    expect(fallbackChain('fr-CA')).toEqual(['fr-CA', 'fr', 'en']);
    expect(fallbackChain('fr-BE')).toEqual(['fr', 'en']);
    // A language with no resources at all falls back to English.
    expect(fallbackChain('ja-JP')).toEqual(['en']);
    expect(fallbackChain(undefined)).toEqual(['en-US', 'en']);
    expect(translatorFor('ja-JP')('common.goodbye')).toBe(translatorFor('en-GB')('common.goodbye'));
    expect(translatorFor('fr-BE')('common.goodbye')).toBe(translatorFor('fr-FR')('common.goodbye'));
    expect(translatorFor('fr-BE')('common.goodbye')).not.toBe(translatorFor('en-GB')('common.goodbye'));
    // An English market the skill has no words for gets the base, which names no country's service.
    expect(translatorFor('en-NZ')('safety.care.emergency')).toBe(
      (resources.en.translation.safety as { care: { emergency: string } }).care.emergency,
    );
  });
});

/** Every leaf key of a resource tree, with its template. */
function leaves(node: unknown, prefix = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[prefix, node]];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}
const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{\{-?\s*(\w+)/g)].map((m) => m[1]).sort();

describe('every supported locale', () => {
  const base = new Map(leaves(resources.en.translation));

  it.each(LOCALES_UNDER_TEST)('%s resolves every key to its own text or its language base', (locale) => {
    const t = translatorFor(locale);
    const language = languageOfLocale(locale);
    const own = new Map(leaves((resources as Record<string, { translation: unknown }>)[locale].translation));
    const unresolved: string[] = [];
    for (const [leaf, template] of base) {
      const key = leaf.replace(/_(one|other|zero|two|few|many)$/, '');
      if (!hasKey(key, locale)) unresolved.push(key);
      const values: Record<string, unknown> = Object.fromEntries(placeholders(template).map((n) => [n, 'x']));
      if (key !== leaf) values.count = 2;
      const text = t(key, values);
      // Only a key that is empty in the base (a cue deliberately left unsaid) may resolve to "".
      if (text === key || (text === '' && base.get(key) !== '')) unresolved.push(key);
      // An override replaces the base text; everything else is the language's base.
      if (key === leaf && !own.has(leaf))
        expect([leaf, text]).toEqual([leaf, translatorFor(language)(key, values)]);
    }
    expect(unresolved).toEqual([]);
  });

  it.each(LOCALES_UNDER_TEST)('%s overrides only keys the base has, with the same placeholders', (locale) => {
    const own = leaves((resources as Record<string, { translation: unknown }>)[locale].translation);
    expect(own.length).toBeGreaterThan(0);
    for (const [leaf, template] of own) {
      expect([leaf, base.has(leaf)]).toEqual([leaf, true]);
      expect([leaf, placeholders(template)]).toEqual([leaf, placeholders(base.get(leaf) ?? '')]);
      expect([leaf, translatorFor(locale)(leaf)]).toEqual([leaf, template]);
    }
  });

  // A market may word other care keys its own way too (fr-CA: "physiothérapeute" where France says
  // "kinésithérapeute"); the test above checks every override is a key of the language base.
  it('every market has its own emergency and urgent-care words, and its own "call … now"', () => {
    for (const locale of LOCALES_UNDER_TEST) {
      const own = (resources as Record<string, { translation: { safety?: { care?: object } } }>)[locale];
      expect([locale, Object.keys(own.translation.safety?.care ?? {})]).toEqual([
        locale,
        expect.arrayContaining(['call', 'emergency', 'urgent']),
      ]);
    }
  });
});

describe('the compiled translator', () => {
  const all = leaves(resources.en.translation);

  it('covers a real set of resources', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it.each(['en', ...new Set(LOCALES_UNDER_TEST.map(languageOfLocale)), ...LOCALES_UNDER_TEST])(
    'gives exactly what i18next gives in %s, for every key, with awkward values',
    (locale) => {
      const fast = translatorFor(locale);
      const reference = i18nextTranslatorFor(locale);
      const checked = new Set<string>();
      for (const [leaf, template] of all) {
        const key = leaf.replace(/_(one|other|zero|two|few|many)$/, '');
        const names = [...template.matchAll(/\{\{-?\s*(\w+)/g)].map((m) => m[1]);
        const values: Record<string, unknown> = {};
        for (const name of names) values[name] = name === 'count' ? 1 : `it's <${name}> & "more"`;
        for (const count of key === leaf ? [undefined] : [1, 2, 7]) {
          const withCount = count === undefined ? values : { ...values, count };
          expect([key, fast(key, withCount)]).toEqual([key, reference(key, withCount)]);
          checked.add(key);
        }
        // A missing value is left to i18next too, and still gives the same text.
        if (names.length > 0) expect(fast(key, {})).toBe(reference(key, {}));
      }
      expect(checked.size).toBeGreaterThan(100);
    },
  );

  it('answers unknown keys and default values as i18next does', () => {
    const fast = translatorFor('en-US');
    const reference = i18nextTranslatorFor('en-US');
    expect(fast('find.needNote.nothing', { defaultValue: '' })).toBe(
      reference('find.needNote.nothing', { defaultValue: '' }),
    );
    expect(fast('no.such.key')).toBe(reference('no.such.key'));
    for (const defaultValue of ['', 'A plain note.', "it's <b> & more"])
      expect(fast('find.needNote.nothing', { defaultValue })).toBe(
        reference('find.needNote.nothing', { defaultValue }),
      );
  });
});
