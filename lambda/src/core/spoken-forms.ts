/**
 * How people (and speech recognition) say points, needs and routines. One source for both the
 * interaction model's slot synonyms (scripts/generate-model.ts) and the text resolver used when a
 * request arrives without entity resolution, so the two can never disagree. What differs by
 * language (channel words, number words, articles, trailing words like "Punkt") is data:
 * data/text/<lang>/spoken.json.
 */
import englishSpokenFile from '../../../data/text/en/spoken.json';
import { NumberWords } from './numbers';
import type { Need, Point, Routine } from './types';

/** The shape of data/text/<lang>/spoken.json. */
export interface SpokenLanguage {
  language: string;
  /** Spoken variants of each WHO channel prefix ("BL" → "b l", "bladder"; "Blase"; "vessie"). */
  channels: Record<string, string[]>;
  /** Number words 0-99 as speech recognition writes them, by value. */
  numbers: string[];
  /** Other words speech recognition writes for a number ("oh" for 0). */
  numberAliases: Record<string, number>;
  /** Leading articles dropped when comparing ("the", "der", "el", "le"). */
  articles: string[];
  /** The article put before a name to make the slot synonym with it ("the sea of vitality"), if any. */
  definiteArticle?: string;
  /** Words after a point that say nothing about which ("point", "Punkt", "punto"). */
  trailing: string[];
  /** Words before a code that say nothing about which ("point BL 23"). */
  leading: string[];
  /** "join": "can't" → "cant"; "space": "l'estomac" → "l estomac" (elision). */
  apostrophe: 'join' | 'space';
  /** Everyday words a point slot may catch that name no point ("the", "it", "my"). */
  notPointWords: string[];
  /** The word joining two statements in a carrier sample ("I have {statement} and {other}"). */
  and: string;
  /** Words that join two things a user names ("numb legs and I can't pee"). */
  conjunctions: string[];
  /** Words people add around a health statement that do not change it ("yes, my…", "…too"). */
  fillers: { leading: string[]; then: string[]; trailing: string[] };
  /**
   * Back pain said alongside a sign ("a fever and back pain"): the guide is for back pain, so it is
   * not a sign. Regular expressions over folded words (no diacritics, no apostrophes).
   */
  backPain: { after: string; before: string };
  /** How a pain score is said beyond its number words ("minus two", "six and a half", "five out of ten"). */
  score: ScoreWords;
  /** The words for each part of the day a reminder names ("every evening at 9", "jeden Abend um 9"). */
  partsOfDay: Record<'morning' | 'afternoon' | 'evening' | 'night', string[]>;
}

/** The words of a spoken pain score in one language, each a word or phrase matched as whole words. */
export interface ScoreWords {
  /** A negative number: "minus", "negative"; "moins"; "menos". */
  minus: string[];
  /** Half a point more: "and a half", "point five"; "einhalb"; "et demi"; "y medio". */
  half: string[];
  /** Half words that may be written joined to the number ("sechseinhalb"). */
  halfJoined: string[];
  /** The scale said after the number, dropped: "out of ten"; "von zehn"; "sur dix"; "de diez". */
  outOf: string[];
  /** No pain, said without a number: "none", "nothing"; "schmerzfrei"; "pas de douleur". */
  zero: string[];
  /** A hundred (a number off the scale): "hundred"; "hundert"; "cent"; "cien". */
  hundred: string[];
}

/** How a spoken form reached the point: its own code, Gach's older code, an article mislabel, or a name. */
export type ResolvedVia = 'code' | 'gach' | 'article-label' | 'name';

export interface SpokenForm {
  text: string;
  via: ResolvedVia;
}

/** Letters with diacritics folded to their base letter, so "vésicule" and "vesicule" compare equal. */
export function foldLetters(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One language's spoken forms and the folding that compares them. */
export class SpokenForms {
  readonly numbers: NumberWords;
  private readonly leadingArticle: RegExp;
  /** Articles of more than one letter: dropped before number words are read ("un" is not "1"). */
  private readonly leadingWordArticle: RegExp;
  private readonly trailingWords: RegExp;
  private readonly leadingWords: RegExp;

  constructor(readonly data: SpokenLanguage) {
    const articles = new Set(data.articles.map((a) => this.foldWords(a)));
    const channelEnds = Object.values(data.channels)
      .flat()
      .map((w) => this.foldWords(w).split(' ').pop() ?? '')
      .filter((w) => w !== '' && !articles.has(w));
    this.numbers = new NumberWords(data.numbers, data.numberAliases, (t) => this.foldWords(t), {
      words: articles,
      after: new Set(channelEnds),
    });
    const alternatives = (words: string[]) =>
      words
        .map((w) => this.foldWords(w))
        .filter((w) => w !== '')
        .sort((a, b) => b.length - a.length)
        .map(escapeRegex)
        .join('|');
    this.leadingArticle = new RegExp(`^(?:${alternatives(data.articles) || '(?!)'}) `);
    const wordArticles = data.articles.filter((a) => this.foldWords(a).length > 1);
    this.leadingWordArticle = new RegExp(`^(?:${alternatives(wordArticles) || '(?!)'}) `);
    this.trailingWords = new RegExp(` (?:${alternatives(data.trailing) || '(?!)'})$`);
    this.leadingWords = new RegExp(`^(?:${alternatives(data.leading) || '(?!)'}) (?=\\S+ \\d)`);
  }

  /** What people said folded as spoken forms compare it (lower case, no diacritics or punctuation). */
  fold(text: string): string {
    return this.foldWords(text);
  }

  /** Lower case, diacritics folded, punctuation as spaces, apostrophes joined or split by language. */
  private foldWords(text: string): string {
    return foldLetters(text)
      .replace(/[’`]/g, "'")
      .replace(/'/g, this.data.apostrophe === 'space' ? ' ' : '')
      .replace(/[^\p{L}\p{N} ]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }

  /**
   * Folds what a user said into a comparable key: lower case, diacritics folded, no punctuation,
   * number words as digits, spelled letters joined ("b l 23" → "bl 23"), and no leading article or
   * trailing "point".
   */
  normalise(text: string): string {
    let s = this.foldWords(text)
      .replace(/(\p{L})(\d)/gu, '$1 $2')
      .replace(/(\d)(\p{L})/gu, '$1 $2');
    // An article first, so a French "un" before a name is not read as the number one (a
    // one-letter article may be a spelled letter: "a c section").
    const withoutArticle = s.replace(this.leadingWordArticle, '');
    const articleDropped = withoutArticle !== s;
    s = this.numbers.toDigits(withoutArticle);
    // Join runs of single letters that speech recognition spells out: "b l" → "bl".
    s = s.replace(
      /(?<![\p{L}\p{N}])(\p{L})((?: \p{L}(?![\p{L}\p{N}]))+)/gu,
      (_m, first: string, rest: string) => first + rest.replace(/ /g, ''),
    );
    s = s.replace(/\s+/g, ' ').trim();
    // At most one article: "the a sore back" stays "a sore back".
    if (!articleDropped) s = s.replace(this.leadingArticle, '');
    s = s.replace(this.trailingWords, '').replace(this.leadingWords, '');
    return s.trim();
  }

  private splitCode(code: string): { prefix: string; number: number } {
    const match = /^([A-Z]+) ?(\d+)$/.exec(code);
    if (!match) throw new Error(`Not a point code: "${code}"`);
    return { prefix: match[1], number: Number(match[2]) };
  }

  /** Every way to say a code: each channel word with the number as digits and as words, and "bl23". */
  codeForms(code: string): string[] {
    const { prefix, number } = this.splitCode(code);
    const words = this.data.channels[prefix] ?? [prefix.toLowerCase()];
    const numbers = [String(number), this.numbers.toWords(number)];
    const forms = words.flatMap((w) => numbers.map((n) => `${w} ${n}`));
    forms.push(`${prefix.toLowerCase()}${number}`);
    return forms;
  }

  /** A name as said with and without its article ("the sea of vitality", "sea of vitality"). */
  withAndWithoutArticle(text: string): string[] {
    const lower = text.toLowerCase();
    const definite = this.data.definiteArticle;
    if (definite)
      return lower.startsWith(`${definite} `)
        ? [lower, lower.slice(definite.length + 1)]
        : [lower, `${definite} ${lower}`];
    // A language whose names carry their own article (der, die, das): the name without it too.
    const article = this.data.articles.find((a) => lower.startsWith(`${a} `));
    return article ? [lower, lower.slice(article.length + 1)] : [lower];
  }

  /**
   * Every spoken form of a point, with how it identifies the point. Forms are kept as written
   * ("b l 23" and "b l twenty three" both, for the model's synonyms: Alexa's entity resolution
   * compares the words as said); a look-up folds them to one key, the first form's.
   */
  pointForms(point: Point): SpokenForm[] {
    const forms: SpokenForm[] = [
      ...this.codeForms(point.code).map((text) => ({ text, via: 'code' as const })),
      ...point.gach.flatMap((c) => this.codeForms(c)).map((text) => ({ text, via: 'gach' as const })),
      ...point.articleLabels
        .flatMap((c) => this.codeForms(c))
        .map((text) => ({ text, via: 'article-label' as const })),
      ...[point.pinyin, ...point.names]
        .flatMap((n) => this.withAndWithoutArticle(n))
        .map((text) => ({ text, via: 'name' as const })),
    ];
    const seen = new Set<string>();
    return forms.filter((f) => {
      const key = f.text.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** Spoken forms of a need: its name, its id in words (English), its synonyms, with and without an article. */
  needForms(need: Need): string[] {
    return this.dedupe(
      [need.name, ...this.idWords(need.id), ...need.synonyms].flatMap((t) => this.withAndWithoutArticle(t)),
    );
  }

  /** Spoken forms of a routine: its name and synonyms, with and without an article. */
  routineForms(routine: Routine): string[] {
    return this.dedupe(
      [routine.name, ...this.idWords(routine.id), ...routine.synonyms].flatMap((t) =>
        this.withAndWithoutArticle(t),
      ),
    );
  }

  /** An id in words ("lower-back" → "lower back") is English: other languages say their names. */
  private idWords(id: string): string[] {
    return this.data.language === 'en' ? [id.replace(/-/g, ' ')] : [];
  }

  dedupe(texts: string[]): string[] {
    const seen = new Set<string>();
    return texts.filter((t) => {
      const key = this.normalise(t);
      if (key === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}

export const englishSpoken = new SpokenForms(englishSpokenFile as SpokenLanguage);

/** Every spoken form of a point in English. */
export function pointSpokenForms(point: Point, spoken: SpokenForms = englishSpoken): SpokenForm[] {
  return spoken.pointForms(point);
}

export function needSpokenForms(need: Need, spoken: SpokenForms = englishSpoken): string[] {
  return spoken.needForms(need);
}

export function routineSpokenForms(routine: Routine, spoken: SpokenForms = englishSpoken): string[] {
  return spoken.routineForms(routine);
}

/** Folds English words into a comparable key (see `SpokenForms.normalise`). */
export function normaliseSpoken(text: string, spoken: SpokenForms = englishSpoken): string {
  return spoken.normalise(text);
}
