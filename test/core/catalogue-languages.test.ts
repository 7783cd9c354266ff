/**
 * The catalogue framework in another language, with a small overlay written here (the translators'
 * German, Spanish and French arrive separately): text laid over the English data by code, id and
 * index; look-ups from that language's words, number words and letters with diacritics; safety
 * statements through that language's corpus and carriers; everything else (ids, holds, rules) English.
 */
import deSpoken from '../../data/text/de/spoken.json';
import frSpoken from '../../data/text/fr/spoken.json';
import esSpoken from '../../data/text/es/spoken.json';
import { catalogueFor, catalogueFromFiles, englishCatalogue } from '../../lambda/src/core/catalogue';
import { SpokenForms, type SpokenLanguage } from '../../lambda/src/core/spoken-forms';

const english = englishCatalogue;
const sciatica = english.getRoutine('sciatica')!;

const german = catalogueFromFiles('de', {
  text: {
    points: {
      points: [
        { code: 'BL 23', names: ['Meer der Vitalität', 'Nieren-Shu'], location: 'Zwei Fingerbreiten …' },
      ],
    },
    routines: {
      routines: [
        {
          id: 'sciatica',
          name: 'Ischias',
          synonyms: ['Ischiasroutine', 'Ischiasnerv'],
          steps: sciatica.steps.map((_, i) => ({ cue: `Schritt ${i + 1}` })),
        },
      ],
    },
    needs: {
      needs: [{ id: 'sciatica', name: 'Ischias', synonyms: ['Ischiasschmerzen', 'Schmerzen im Bein'] }],
    },
    safety: {
      redFlags: [
        {
          id: 'saddle-numbness',
          name: 'Taubheit zwischen den Beinen',
          synonyms: ['Reithosenanästhesie'],
          why: 'Das ist ein Notfall.',
        },
      ],
    },
  },
  spoken: deSpoken,
  phrasings: {
    safety: {
      locale: 'de',
      carriers: { statement: ['ich habe', 'mein', 'meine', 'ich kann nicht'], state: ['ich bin'] },
      sensationWords: ['taub', 'kribbelt'],
      phrasings: {
        'saddle-numbness': ['meine Leiste ist taub', 'ich kann meinen Po nicht spüren'],
        pregnancy: ['ich bin schwanger'],
      },
      compound: [],
      notHealth: [],
      unclear: [],
    },
  },
});

describe('a catalogue in another language', () => {
  it('lays the overlay text over the English entry, by code, id and step index; the rest stays English', () => {
    const point = german.getPoint('BL 23')!;
    expect(point.names).toEqual(['Meer der Vitalität', 'Nieren-Shu']);
    expect(point.location).toBe('Zwei Fingerbreiten …');
    expect(point.find).toEqual(english.getPoint('BL 23')!.find);
    expect(point.holdSeconds).toBe(english.getPoint('BL 23')!.holdSeconds);
    expect(point.pinyin).toBe('Shenshu');
    const routine = german.getRoutine('sciatica')!;
    expect(routine.name).toBe('Ischias');
    expect(routine.steps.map((s) => s.cue)).toEqual(sciatica.steps.map((_, i) => `Schritt ${i + 1}`));
    expect(routine.steps.map((s) => s.seconds)).toEqual(sciatica.steps.map((s) => s.seconds));
    expect(german.safety.getRedFlag('saddle-numbness')!.why).toBe('Das ist ein Notfall.');
    expect(german.safety.getRedFlag('saddle-numbness')!.care).toBe('emergency');
    // English is untouched.
    expect(english.getPoint('BL 23')!.names[0]).toBe('Sea of Vitality');
  });

  it('resolves a code said in German words, with and without the compound number', () => {
    for (const said of [
      'Blase dreiundzwanzig',
      'blase 23',
      'B L dreiundzwanzig',
      'Punkt BL 23',
      'der Punkt Blase dreiundzwanzig',
    ])
      expect([said, german.resolvePoint(said)?.point.code]).toEqual([said, 'BL 23']);
    expect(german.resolvePoint('Gallenblase dreißig')?.point.code).toBe('GB 30');
    expect(german.resolvePoint('gallenblase dreissig')?.point.code).toBe('GB 30');
    expect(german.resolvePoint('das Meer der Vitalität')?.point.code).toBe('BL 23');
    expect(german.resolvePoint('meer der vitalitat')?.point.code).toBe('BL 23');
    // An English name is not German.
    expect(german.resolvePoint('sea of vitality')).toBeUndefined();
  });

  it('resolves needs and routines by their German words', () => {
    expect(german.resolveNeed('Schmerzen im Bein')?.id).toBe('sciatica');
    expect(german.resolveRoutine('die Ischiasroutine')?.id).toBe('sciatica');
  });

  it('hears a red flag through the language’s own corpus and carriers', () => {
    expect(german.safety.resolveHealth('ich kann meinen Po nicht spüren')?.kind).toBe('red-flag');
    expect(german.safety.resolveHealth('Reithosenanästhesie')).toMatchObject({ kind: 'red-flag' });
    expect(german.safety.resolveHealth('ich bin schwanger')).toMatchObject({ kind: 'condition' });
    expect(german.phrasings.soundsLikeSymptom('mein Bein kribbelt')).toBe(true);
  });

  it('a language without content, or no locale, is English', () => {
    expect(catalogueFor('ja-JP')).toBe(english);
    expect(catalogueFor(undefined)).toBe(english);
    expect(catalogueFor('en-GB')).toBe(english);
  });
});

describe('number words and codes in every language', () => {
  const languages: Array<[string, SpokenLanguage, Array<[string, string]>]> = [
    [
      'de',
      deSpoken as SpokenLanguage,
      [
        ['Blase dreiundzwanzig', 'blase 23'],
        ['Milz sechs', 'milz 6'],
        ['einundvierzig', '41'],
        ['neunundneunzig', '99'],
      ],
    ],
    [
      'fr',
      frSpoken as SpokenLanguage,
      [
        ['vessie soixante-sept', 'vessie 67'],
        ['quatre-vingt-dix-neuf', '99'],
        ['soixante et onze', '71'],
        ['la vésicule biliaire trente', 'vesicule biliaire 30'],
        ["l'estomac trente-six", 'estomac 36'],
        ['le point vessie vingt-trois', 'vessie 23'],
      ],
    ],
    [
      'es',
      esSpoken as SpokenLanguage,
      [
        ['vejiga veintitrés', 'vejiga 23'],
        ['sesenta y siete', '67'],
        ['la vesícula biliar treinta', 'vesicula biliar 30'],
        ['punto vejiga cuarenta', 'vejiga 40'],
      ],
    ],
  ];

  it.each(languages)('%s: every number 0-99 reads back from its words', (_language, data) => {
    const spoken = new SpokenForms(data);
    for (let n = 0; n < 100; n++) expect(spoken.normalise(spoken.numbers.toWords(n))).toBe(String(n));
  });

  it.each(languages)(
    '%s: codes and names fold as speech recognition writes them',
    (_language, data, cases) => {
      const spoken = new SpokenForms(data);
      for (const [said, key] of cases) expect([said, spoken.normalise(said)]).toEqual([said, key]);
    },
  );

  it('keeps letters with diacritics, folded the same way wherever they come from', () => {
    const spoken = new SpokenForms(frSpoken as SpokenLanguage);
    expect(spoken.normalise('Vésicule Biliaire')).toBe(spoken.normalise('vesicule biliaire'));
    expect(spoken.normalise('vésicule')).not.toBe('v sicule');
    expect(new SpokenForms(deSpoken as SpokenLanguage).normalise('Gefäß')).toBe('gefass');
  });
});
