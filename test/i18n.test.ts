import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { hasKey, i18nextTranslatorFor, resources, translatorFor } from '../lambda/src/i18n';

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

  it('falls back to English for other locales', () => {
    expect(translatorFor('fr-FR')('common.goodbye')).toBe(translatorFor('en-GB')('common.goodbye'));
  });
});

describe('the compiled translator', () => {
  /** Every leaf key of the English resources, with its template. */
  function leaves(node: unknown, prefix = ''): Array<[string, string]> {
    if (typeof node === 'string') return [[prefix, node]];
    if (typeof node !== 'object' || node === null) return [];
    return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  const all = leaves(resources.en.translation);

  it('covers a real set of resources', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it('gives exactly what i18next gives, for every key, with awkward values', () => {
    const fast = translatorFor('en-US');
    const reference = i18nextTranslatorFor('en-US');
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
  });

  it('answers unknown keys and default values as i18next does', () => {
    const fast = translatorFor('en-US');
    const reference = i18nextTranslatorFor('en-US');
    expect(fast('find.needNote.nothing', { defaultValue: '' })).toBe(
      reference('find.needNote.nothing', { defaultValue: '' }),
    );
    expect(fast('no.such.key')).toBe(reference('no.such.key'));
  });
});
