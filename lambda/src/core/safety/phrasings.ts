/**
 * The phrasing corpus (data/phrasings/<lang>/safety.json, English's in data/phrasings/en-US/): the
 * ways people say each red flag, condition and stop-rule symptom, each tagged with the entry it must
 * reach. The interaction model's slot values and carrier samples are generated from it
 * (scripts/generate-model.ts), and the same carriers are stripped here when words arrive without
 * entity resolution. One `Phrasings` per language; the module functions are English's.
 */
import corpusFile from '../../../../data/phrasings/en-US/safety.json';
import { englishSpoken, type SpokenForms } from '../spoken-forms';

export interface PhrasingCorpus {
  locale: string;
  /** Words before the symptom. `statement` carriers are health statements ("I have", "my", "I can't"); `state` ones ("I'm") are not always. */
  carriers: { statement: string[]; state: string[] };
  /** Words that make an unknown statement sound like a symptom ("my legs feel funny"). */
  sensationWords: string[];
  /** Entry id (condition, red flag or stop-rule symptom) → the ways people say it. */
  phrasings: Record<string, string[]>;
  /** Statements that name more than one entry, and the one they must reach (the most urgent). */
  compound: Array<{ text: string; reaches: string }>;
  /** Words that are not health statements and must never be asked about as one. */
  notHealth: string[];
  /** Unclear statements that get one short clarifying question. */
  unclear: string[];
  /** Words for an age ("years old"), in this language; English's are built in. */
  ageWords?: string[];
}

export type CarrierKind = 'statement' | 'state';

const ENGLISH_AGE_WORDS = ['years old', 'year old', 'years of age'];

export class Phrasings {
  private carrierKeys: Array<{ key: string; kind: CarrierKind; text: string }> | undefined;
  private readonly age: RegExp;

  constructor(
    readonly corpus: PhrasingCorpus,
    readonly spoken: SpokenForms = englishSpoken,
  ) {
    const words = (corpus.ageWords ?? (spoken.data.language === 'en' ? ENGLISH_AGE_WORDS : []))
      .map((w) => spoken.normalise(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .filter((w) => w !== '');
    this.age = new RegExp(`^(\\d{1,3})(?: (?:${words.join('|') || '(?!)'}))?$`);
  }

  private carriers(): NonNullable<Phrasings['carrierKeys']> {
    this.carrierKeys ??= (['statement', 'state'] as const)
      .flatMap((kind) =>
        this.corpus.carriers[kind].map((text) => ({ key: this.spoken.normalise(text), kind, text })),
      )
      .sort((a, b) => b.key.length - a.key.length);
    return this.carrierKeys;
  }

  /** A folded phrase split into its carrier ("i cant") and the rest ("pee"); no carrier gives the whole key. */
  stripCarrier(key: string): { carrier?: string; kind?: CarrierKind; remainder: string } {
    for (const c of this.carriers()) {
      if (key.startsWith(`${c.key} `)) {
        const remainder = this.spoken.normalise(key.slice(c.key.length + 1));
        if (remainder !== '') return { carrier: c.text, kind: c.kind, remainder };
      }
    }
    return { remainder: key };
  }

  /** "65", "sixty five years old" → 65; anything else → undefined. */
  ageFrom(words: string): number | undefined {
    const match = this.age.exec(this.spoken.normalise(words));
    if (!match) return undefined;
    const age = Number(match[1]);
    return age >= 1 && age <= 120 ? age : undefined;
  }

  /**
   * The corpus forms of one entry for slot values: each phrase without its carrier ("I can't pee" →
   * "pee"; the carrier is in the samples), or whole when it has none. Ages ("I'm 65") are left to
   * the number slot.
   */
  phrasingForms(id: string): string[] {
    const forms: string[] = [];
    for (const phrase of this.corpus.phrasings[id] ?? []) {
      const { carrier, remainder } = this.stripCarrier(this.spoken.normalise(phrase));
      if (this.ageFrom(remainder) !== undefined) continue;
      forms.push((carrier ? this.afterCarrier(phrase, carrier) : phrase).toLowerCase());
    }
    return forms;
  }

  /**
   * The words of a phrase after its carrier, as written ("J'ai les jambes gonflées" → "les jambes
   * gonflées"): the model carries words as people say them, accents and articles included; folding
   * is only for matching. The cut is the first word boundary (a space, or after an elided "l'")
   * where the folded start equals the folded carrier.
   */
  private afterCarrier(phrase: string, carrier: string): string {
    const key = this.spoken.normalise(carrier);
    for (const cut of phrase.matchAll(/\s+|(?<=['’])/g)) {
      const end = cut.index + cut[0].length;
      if (this.spoken.normalise(phrase.slice(0, cut.index)) === key) return phrase.slice(end).trim();
    }
    throw new Error(`"${phrase}" does not start with its carrier "${carrier}"`);
  }

  /** The carrier samples for an intent: "I have {statement}", "I have {statement} and {other}", "I'm {state}". */
  carrierSamples(slots: Record<CarrierKind, string>, compoundSlot?: string, and = 'and'): string[] {
    return (['statement', 'state'] as const).flatMap((kind) =>
      this.corpus.carriers[kind].flatMap((c) => {
        const one = `${c} {${slots[kind]}}`;
        return compoundSlot ? [one, `${one} ${and} {${compoundSlot}}`] : [one];
      }),
    );
  }

  /** True when unknown words sound like a bodily symptom ("legs feel funny"), not a condition name. */
  soundsLikeSymptom(words: string): boolean {
    const key = this.spoken.normalise(words);
    return this.corpus.sensationWords.some((w) =>
      new RegExp(`(?<![\\p{L}\\p{N}])${this.spoken.normalise(w)}(?![\\p{L}\\p{N}])`, 'u').test(key),
    );
  }
}

export const englishPhrasings = new Phrasings(corpusFile as PhrasingCorpus);
export const corpus = englishPhrasings.corpus;

export function stripCarrier(key: string): ReturnType<Phrasings['stripCarrier']> {
  return englishPhrasings.stripCarrier(key);
}
export function ageFrom(words: string): number | undefined {
  return englishPhrasings.ageFrom(words);
}
export function phrasingForms(id: string): string[] {
  return englishPhrasings.phrasingForms(id);
}
export function carrierSamples(slots: Record<CarrierKind, string>, compoundSlot?: string): string[] {
  return englishPhrasings.carrierSamples(slots, compoundSlot);
}
export function soundsLikeSymptom(words: string): boolean {
  return englishPhrasings.soundsLikeSymptom(words);
}
