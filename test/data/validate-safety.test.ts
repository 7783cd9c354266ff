import { loadDataSet, validateDataSet, type DataSet } from '../../scripts/validate-data';

type Entry = Record<string, unknown>;
const clone = (set: DataSet): DataSet => JSON.parse(JSON.stringify(set)) as DataSet;
const safety = (set: DataSet) =>
  set['safety.json'] as {
    conditions: Entry[];
    redFlags: Entry[];
    breathingRoutine: { steps: Entry[] };
    noToolSteps: Entry[];
  };
const condition = (set: DataSet, id: string) => safety(set).conditions.find((c) => c.id === id)!;

describe('data/safety.json validation', () => {
  it('accepts the committed rules', () => {
    expect(validateDataSet(loadDataSet()).filter((p) => p.startsWith('safety.json'))).toEqual([]);
  });

  it('names a ruled-out point that is not in points.json', () => {
    const set = clone(loadDataSet());
    (condition(set, 'varicose-veins').avoid as string[]).push('BL 99');
    expect(validateDataSet(set)).toContain(
      'safety.json varicose-veins: /avoid/1 "BL 99" is not a point in points.json',
    );
  });

  it('requires a care level on stop-tier conditions, and only there', () => {
    const set = clone(loadDataSet());
    delete condition(set, 'fever').care;
    condition(set, 'hip-replacement').care = 'urgent';
    const problems = validateDataSet(set).join('\n');
    expect(problems).toMatch(/safety\.json fever: \/ is missing field "care"/);
    expect(problems).toMatch(/safety\.json hip-replacement: \/ must NOT be valid/);
  });

  it('names a red flag with a bad care level', () => {
    const set = clone(loadDataSet());
    safety(set).redFlags[0].care = 'whenever';
    expect(validateDataSet(set).join('\n')).toMatch(
      /safety\.json saddle-numbness: \/care must be equal to one of the allowed values/,
    );
  });

  it('rejects a phrase that means two things', () => {
    const set = clone(loadDataSet());
    (condition(set, 'osteoporosis').synonyms as string[]).push('chest pain');
    expect(validateDataSet(set)).toContain(
      'safety.json chest-pain: /synonyms/0 "chest pain" already means osteoporosis',
    );
  });

  it('keeps the breathing-only routine free of pressure', () => {
    const set = clone(loadDataSet());
    safety(set).breathingRoutine.steps[1].pressure = 'light';
    expect(validateDataSet(set).join('\n')).toMatch(
      /safety\.json: \/breathingRoutine\/steps\/1\/pressure must be equal to constant/,
    );
  });

  it('requires a hands-only version of every routine step that uses a tool', () => {
    const set = clone(loadDataSet());
    safety(set).noToolSteps.splice(0, 1);
    expect(validateDataSet(set)).toContain(
      'routines.json sciatica: /steps/0 uses a tool but safety.json has no noToolSteps entry for GB 30',
    );
  });
});
