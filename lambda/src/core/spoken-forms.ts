/**
 * How people (and speech recognition) say points, needs and routines. One source for both the
 * interaction model's slot synonyms (scripts/generate-model.ts) and the text resolver used when a
 * request arrives without entity resolution, so the two can never disagree.
 */
import { numberToWords, wordsToDigits } from './numbers';
import type { Need, Point, Routine } from './types';

/** Spoken variants of each WHO channel prefix. */
const CHANNEL_WORDS: Record<string, string[]> = {
  BL: ['b l', 'bl', 'bladder', 'bladder meridian', 'urinary bladder', 'u b'],
  GB: ['g b', 'gb', 'gallbladder', 'gall bladder'],
  CV: ['c v', 'cv', 'conception vessel', 'ren'],
  LI: ['l i', 'li', 'large intestine'],
  SP: ['s p', 'sp', 'spleen'],
  GV: ['g v', 'gv', 'governing vessel', 'du'],
  KI: ['k i', 'ki', 'kidney'],
  ST: ['s t', 'st', 'stomach'],
  LV: ['l v', 'lv', 'liver'],
  B: ['b'],
};

/** How a spoken form reached the point: its own code, Gach's older code, an article mislabel, or a name. */
export type ResolvedVia = 'code' | 'gach' | 'article-label' | 'name';

export interface SpokenForm {
  text: string;
  via: ResolvedVia;
}

function splitCode(code: string): { prefix: string; number: number } {
  const match = /^([A-Z]+) ?(\d+)$/.exec(code);
  if (!match) throw new Error(`Not a point code: "${code}"`);
  return { prefix: match[1], number: Number(match[2]) };
}

function codeForms(code: string): string[] {
  const { prefix, number } = splitCode(code);
  const words = CHANNEL_WORDS[prefix] ?? [prefix.toLowerCase()];
  const numbers = [String(number), numberToWords(number)];
  const forms = words.flatMap((w) => numbers.map((n) => `${w} ${n}`));
  forms.push(`${prefix.toLowerCase()}${number}`);
  return forms;
}

function withAndWithoutThe(text: string): string[] {
  const lower = text.toLowerCase();
  return lower.startsWith('the ') ? [lower, lower.slice(4)] : [lower, `the ${lower}`];
}

/** Every spoken form of a point, deduplicated, with how it identifies the point. */
export function pointSpokenForms(point: Point): SpokenForm[] {
  const forms: SpokenForm[] = [
    ...codeForms(point.code).map((text) => ({ text, via: 'code' as const })),
    ...point.gach.flatMap(codeForms).map((text) => ({ text, via: 'gach' as const })),
    ...point.articleLabels.flatMap(codeForms).map((text) => ({ text, via: 'article-label' as const })),
    ...[point.pinyin, ...point.names]
      .flatMap(withAndWithoutThe)
      .map((text) => ({ text, via: 'name' as const })),
  ];
  const seen = new Set<string>();
  return forms.filter((f) => {
    const key = normaliseSpoken(f.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Spoken forms of a need: its name, its id in words, its synonyms, with and without "the". */
export function needSpokenForms(need: Need): string[] {
  return dedupe([need.name, need.id.replace(/-/g, ' '), ...need.synonyms].flatMap(withAndWithoutThe));
}

/** Spoken forms of a routine: its name and synonyms, with and without "the". */
export function routineSpokenForms(routine: Routine): string[] {
  return dedupe(
    [routine.name, routine.id.replace(/-/g, ' '), ...routine.synonyms].flatMap(withAndWithoutThe),
  );
}

function dedupe(texts: string[]): string[] {
  const seen = new Set<string>();
  return texts.filter((t) => {
    const key = normaliseSpoken(t);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Folds what a user said into a comparable key: lower case, no punctuation, number words as
 * digits, spelled letters joined ("b l 23" → "bl 23"), and no leading "the" or trailing "point".
 */
export function normaliseSpoken(text: string): string {
  let s = text
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/'/g, '')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-z])/g, '$1 $2');
  s = wordsToDigits(s);
  // Join runs of single letters that speech recognition spells out: "b l" → "bl".
  s = s.replace(
    /\b([a-z])((?: [a-z]\b)+)/g,
    (_m, first: string, rest: string) => first + rest.replace(/ /g, ''),
  );
  s = s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(the|a|an) /, '')
    .replace(/ (acupressure point|pressure point|point|acupoint)$/, '')
    .replace(/^(point|acupoint) (?=\S+ \d)/, '');
  return s.trim();
}
