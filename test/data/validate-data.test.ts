import { loadDataSet, validateDataSet, type DataSet } from '../../scripts/validate-data';

function clone(set: DataSet): DataSet {
  return JSON.parse(JSON.stringify(set)) as DataSet;
}

type Entry = Record<string, unknown>;
const entries = (set: DataSet, file: string, list: string) => set[file][list] as Entry[];

describe('data/ validation', () => {
  it('accepts the committed catalogue', () => {
    expect(validateDataSet(loadDataSet())).toEqual([]);
  });

  it('names the entry and field of a bad value', () => {
    const set = clone(loadDataSet());
    entries(set, 'points.json', 'points').find((p) => p.code === 'BL 23')!.holdSeconds = 900;
    expect(validateDataSet(set)).toEqual([
      expect.stringMatching(/^points\.json BL 23: \/holdSeconds must be <= 180/),
    ]);
  });

  it('names a missing field', () => {
    const set = clone(loadDataSet());
    delete entries(set, 'points.json', 'points').find((p) => p.code === 'GB 30')!.find;
    expect(validateDataSet(set)).toContainEqual(
      expect.stringMatching(/points\.json GB 30: .*missing field "find"/),
    );
  });

  it('rejects a code that is not a WHO code', () => {
    const set = clone(loadDataSet());
    entries(set, 'points.json', 'points')[0].code = 'B 23';
    expect(validateDataSet(set).join('\n')).toMatch(/points\.json B 23: \/code must match pattern/);
  });

  it('rejects a routine step that names an unknown point', () => {
    const set = clone(loadDataSet());
    const steps = entries(set, 'routines.json', 'routines').find((r) => r.id === 'general')!.steps as Entry[];
    steps[1].points = ['BL 47'];
    expect(validateDataSet(set)).toContainEqual(
      'routines.json general: /steps/1/points/0 "BL 47" is not a point in points.json',
    );
  });

  it('rejects a routine that uses a safety-only point', () => {
    const set = clone(loadDataSet());
    const steps = entries(set, 'routines.json', 'routines').find((r) => r.id === 'quick')!.steps as Entry[];
    steps[1].points = ['LI 4'];
    expect(validateDataSet(set)).toContainEqual(
      'routines.json quick: /steps/1/points/0 "LI 4" is not a routine point',
    );
  });

  it('rejects a point tagged with an unknown need, and duplicate codes', () => {
    const set = clone(loadDataSet());
    const list = entries(set, 'points.json', 'points');
    (list[0].needs as string[]).push('flying');
    list.push({ ...list[1] });
    const problems = validateDataSet(set);
    expect(problems).toContainEqual('points.json BL 23: /needs/5 "flying" is not a need in needs.json');
    expect(problems).toContainEqual('points.json BL 52: /code is not unique');
  });

  it('takes sensation words and phrases in any language: letters with diacritics, a space or a hyphen inside', () => {
    const set = clone(loadDataSet());
    const corpus = set['phrasings/en-US/safety.json'] as {
      sensationWords: string[];
      phrasings: Record<string, string[]>;
    };
    corpus.sensationWords.push('tut weh', 'merkwürdig', 'à moitié', 'semi-numb');
    corpus.phrasings.pregnancy.push('je suis peut-être enceinte', 'estoy embarazada de cinco meses');
    expect(validateDataSet(set).filter((p) => p.startsWith('phrasings/en-US/safety.json'))).toEqual([]);
  });

  it('rejects sensation words and phrases with capitals, punctuation, or a space or hyphen at an edge', () => {
    const set = clone(loadDataSet());
    const corpus = set['phrasings/en-US/safety.json'] as {
      sensationWords: string[];
      phrasings: Record<string, string[]>;
    };
    const words = corpus.sensationWords.length;
    corpus.sensationWords.push('Komisch', 'weh!', 'weh ', '-taub', 'tut  weh');
    const phrases = corpus.phrasings.pregnancy.length;
    corpus.phrasings.pregnancy.push('peut-', 'enceinte?');
    const problems = validateDataSet(set);
    for (let i = words; i < words + 5; i++)
      expect(problems).toContainEqual(
        expect.stringMatching(
          new RegExp(`^phrasings/en-US/safety.json: /sensationWords/${i} must match pattern`),
        ),
      );
    for (let i = phrases; i < phrases + 2; i++)
      expect(problems).toContainEqual(
        expect.stringMatching(
          new RegExp(`^phrasings/en-US/safety.json: /phrasings/pregnancy/${i} must match pattern`),
        ),
      );
  });
});
