/**
 * The interaction model carries words as people say them (accents, articles, elisions); folding
 * (no diacritics, number words as digits) is only how two phrases are compared. And a word that is
 * both an article and a number ("un", "une", "ein") stays a word unless a number is expected.
 */
import { catalogueFor, CATALOGUE_LANGUAGES } from '../../../lambda/src/core/catalogue';
import { readModel, LOCALES } from '../../../scripts/generate-model';

describe.each(CATALOGUE_LANGUAGES)('%s health phrasings in the model', (language) => {
  const { phrasings } = catalogueFor(language);

  it('slot values are the words after the carrier as written, never their folded key', () => {
    for (const [id, phrases] of Object.entries(phrasings.corpus.phrasings)) {
      const written = phrases.map((p) => p.toLowerCase());
      for (const form of phrasings.phrasingForms(id))
        expect([
          id,
          form,
          written.some((p) => p === form || p.endsWith(` ${form}`) || p.endsWith(`'${form}`)),
        ]).toEqual([id, form, true]);
    }
  });
});

describe('French, Spanish and German slot values', () => {
  const values = (locale: string): string[] =>
    (readModel(locale).interactionModel.languageModel.types ?? []).flatMap((t) =>
      t.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])]),
    );

  it('keep accents and elided articles (fr-FR "gonflées", "l\'eliquis"), no folded "l eliquis" or "1 cancer"', () => {
    expect(LOCALES).toContain('fr-FR');
    const fr = values('fr-FR');
    expect(fr.some((v) => /gonflée/.test(v))).toBe(true);
    expect(fr).not.toContain('l eliquis');
    expect(fr.filter((v) => /(^| )1 cancer/.test(v))).toEqual([]);
    expect(fr.filter((v) => /(^| )gonfles?( |$)/.test(v))).toEqual([]);
  });
});

describe.each([
  ['es', 'un latido', 'vejiga veintitrés', 'vejiga 23'],
  ['fr', 'un cancer', 'vessie vingt trois', 'vessie 23'],
  ['fr', 'une jambe', 'vessie vingt trois', 'vessie 23'],
  ['de', 'ein Kribbeln', 'Blase dreiundzwanzig', 'blase 23'],
])('%s folding', (language, article, code, codeKey) => {
  const { spoken } = catalogueFor(language);
  it(`keeps the article of "${article}" a word`, () => {
    expect(spoken.normalise(`x ${article}`).split(' ')).not.toContain('1');
    expect(spoken.normalise(`x ${article}`)).not.toMatch(/\d/);
  });
  it(`still reads the number of "${code}", and an article-number right after a channel word`, () => {
    expect(spoken.normalise(code)).toBe(codeKey);
    for (const [alias, n] of Object.entries(spoken.data.numberAliases))
      expect(spoken.normalise(alias)).toBe(String(n));
    const one = spoken.numbers.toWords(1);
    if (spoken.data.articles.includes(one) || one in spoken.data.numberAliases)
      expect(spoken.normalise(`${codeKey.split(' ')[0]} ${one}`)).toBe(`${codeKey.split(' ')[0]} 1`);
    for (const [alias, n] of Object.entries(spoken.data.numberAliases))
      expect(spoken.normalise(`${codeKey.split(' ')[0]} ${alias}`)).toBe(`${codeKey.split(' ')[0]} ${n}`);
  });
});
