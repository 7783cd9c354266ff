/**
 * The phrasing corpus (data/phrasings/en-US/safety.json): the ways people say each red flag,
 * condition and stop-rule symptom, each tagged with the entry it must reach. The interaction model's
 * slot values and carrier samples are generated from it (scripts/generate-model.ts), and the same
 * carriers are stripped here when words arrive without entity resolution.
 */
import corpusFile from '../../../../data/phrasings/en-US/safety.json';
import { normaliseSpoken } from '../spoken-forms';

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
}

export const corpus = corpusFile as PhrasingCorpus;

export type CarrierKind = 'statement' | 'state';

let carrierKeys: Array<{ key: string; kind: CarrierKind; text: string }> | undefined;
function carriers(): NonNullable<typeof carrierKeys> {
  carrierKeys ??= (['statement', 'state'] as const)
    .flatMap((kind) => corpus.carriers[kind].map((text) => ({ key: normaliseSpoken(text), kind, text })))
    .sort((a, b) => b.key.length - a.key.length);
  return carrierKeys;
}

/** A folded phrase split into its carrier ("i cant") and the rest ("pee"); no carrier gives the whole key. */
export function stripCarrier(key: string): { carrier?: string; kind?: CarrierKind; remainder: string } {
  for (const c of carriers()) {
    if (key.startsWith(`${c.key} `)) {
      const remainder = normaliseSpoken(key.slice(c.key.length + 1));
      if (remainder !== '') return { carrier: c.text, kind: c.kind, remainder };
    }
  }
  return { remainder: key };
}

const AGE = /^(\d{1,3})( years? old| years of age)?$/;

/** "65", "sixty five years old" → 65; anything else → undefined. */
export function ageFrom(words: string): number | undefined {
  const match = AGE.exec(normaliseSpoken(words));
  if (!match) return undefined;
  const age = Number(match[1]);
  return age >= 1 && age <= 120 ? age : undefined;
}

/**
 * The corpus forms of one entry for slot values: each phrase without its carrier ("I can't pee" →
 * "pee"; the carrier is in the samples), or whole when it has none. Ages ("I'm 65") are left to the
 * number slot.
 */
export function phrasingForms(id: string): string[] {
  const forms: string[] = [];
  for (const phrase of corpus.phrasings[id] ?? []) {
    const { carrier, remainder } = stripCarrier(normaliseSpoken(phrase));
    if (ageFrom(remainder) !== undefined) continue;
    forms.push(carrier ? remainder : phrase.toLowerCase());
  }
  return forms;
}

/** The carrier samples for an intent: "I have {statement}", "I have {statement} and {other}", "I'm {state}". */
export function carrierSamples(slots: Record<CarrierKind, string>, compoundSlot?: string): string[] {
  return (['statement', 'state'] as const).flatMap((kind) =>
    corpus.carriers[kind].flatMap((c) => {
      const one = `${c} {${slots[kind]}}`;
      return compoundSlot ? [one, `${one} and {${compoundSlot}}`] : [one];
    }),
  );
}

/** True when unknown words sound like a bodily symptom ("legs feel funny"), not a condition name. */
export function soundsLikeSymptom(words: string): boolean {
  const key = normaliseSpoken(words);
  return corpus.sensationWords.some((w) => new RegExp(`\\b${w}\\b`).test(key));
}
