/**
 * Phrasing corpora hold words as people say them, in the characters Alexa accepts in sample
 * utterances and slot values: letters (any script, accents included), digits, spaces, apostrophes,
 * and hyphens inside a word ("dix-sept", "tais-toi", "Druckpunkt-Begleiter").
 */
import { loadDataSet, validateDataSet, type DataSet } from '../../scripts/validate-data';
import { CONTROL_FILES, PHRASING_FILES } from '../../scripts/validate-phrasings';

type Corpus = { actions: Record<string, { phrasings: string[] }> };
type Safety = { phrasings: Record<string, string[]> };

function withPhrases(controls: string[], safety: string[]): DataSet {
  const set = JSON.parse(JSON.stringify(loadDataSet())) as DataSet;
  const controlFile = CONTROL_FILES.find((f) => f.includes('/fr/'))!;
  const safetyFile = PHRASING_FILES.find((f) => f.includes('/fr/'))!;
  (set[controlFile] as unknown as Corpus).actions.pause.phrasings.push(...controls);
  const phrasings = (set[safetyFile] as unknown as Safety).phrasings;
  phrasings[Object.keys(phrasings)[0]].push(...safety);
  return set;
}

describe('phrase characters in the phrasing corpora', () => {
  it('accepts hyphens inside a word (no problem the committed data does not already have)', () => {
    const committed = validateDataSet(loadDataSet());
    expect(
      validateDataSet(
        withPhrases(['pause-café', 'attends deux-trois secondes'], ['entre-jambes tout engourdi']),
      ),
    ).toEqual(committed);
  });

  // A carrier ending in an elided word would make samples like "j'ai de l' {statement}", with a space
  // speech recognition never writes after an elision ("l'eliquis" is one word): refused.
  it('rejects a carrier ending in an elided word ("j\'ai de l\'") and a phrase starting with an apostrophe', () => {
    const set = JSON.parse(JSON.stringify(loadDataSet())) as DataSet;
    const safetyFile = PHRASING_FILES.find((f) => f.includes('/fr/'))!;
    (set[safetyFile] as unknown as { carriers: { statement: string[] } }).carriers.statement.push(
      "je prends de l'",
    );
    expect(validateDataSet(set).join('\n')).toMatch(/must match pattern/);
    expect(validateDataSet(withPhrases(["'toi"], [])).join('\n')).toMatch(/must match pattern/);
  });

  it.each(['tais -toi', 'tais- toi', '-toi', 'tais-', 'tais--toi', 'tais!', 'tais?toi'])(
    'rejects "%s"',
    (phrase) => {
      expect(validateDataSet(withPhrases([phrase], [])).join('\n')).toMatch(/must match pattern/);
      expect(validateDataSet(withPhrases([], [phrase])).join('\n')).toMatch(/must match pattern/);
    },
  );
});
