import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { hasKey, translatorFor } from '../lambda/src/i18n';

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
