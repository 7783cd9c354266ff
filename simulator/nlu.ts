/**
 * A small, deterministic stand-in for Alexa's language understanding, driven only by the skill's own
 * interaction model: typed text is matched against every sample utterance (slots capture words),
 * slot words are checked against their slot type, and built-in intents get their common phrasings.
 * What matches nothing goes to AMAZON.FallbackIntent, as on Alexa.
 *
 * Text is compared as words in any language: letters with diacritics (ä ö ü ß é è ç ñ á í ó ú)
 * are letters, typed accents are composed first (NFC), curly apostrophes are apostrophes, in French
 * an elision's apostrophe may be typed or not, with or without a space ("l'épaule", "l’ épaule",
 * "l épaule"), and a hyphen is a space ("qu'est-ce que" = "qu'est ce que"). Built-in phrasings and
 * launch words come from the locale's language (nlu-languages.ts).
 */
import { resolveSlotValue, type InteractionModelJson, type ModelSlotType } from './envelope';
import { alexaTimeValue } from './time-slot';
import { catalogueFor } from '../lambda/src/core/catalogue';
import { scoreReaderFor, type ScoreReader } from '../lambda/src/core/progress/score';
import { LANGUAGE_PHRASES, matcherLanguage, type MatcherLanguage } from './nlu-languages';

/** Common phrasings of Amazon's built-in intents in English (their samples live inside Alexa, not in the model). */
export const BUILT_IN_PHRASES: Record<string, string[]> = LANGUAGE_PHRASES.en.builtIns;

/** What a device would send for typed words: a launch ("open pressure point guide") or an intent. */
export type Interpreted =
  { type: 'LaunchRequest' } | { type: 'IntentRequest'; intent: string; slots: Record<string, string> };

export interface Understood {
  intent: string;
  /** Slot name → the words the user used for it. */
  slots: Record<string, string>;
}

interface CompiledSample {
  intent: string;
  regex: RegExp;
  slotNames: string[];
  literalLength: number;
  /** A sample of the skill's own model, rather than a phrasing Alexa knows for a built-in intent. */
  own: boolean;
}

/** Lower case, composed accents, straight apostrophes; anything but letters, digits, ' - { } is a space. */
export function clean(text: string, language: MatcherLanguage = 'en'): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase(language)
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/[^\p{L}\p{N}' {}-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A literal piece of a sample as a pattern: spaces and hyphens alike; in French an elision's
 * apostrophe may be typed or not, with or without a space ("l'épaule", "l' épaule", "l épaule").
 * English keeps its apostrophes as written ("i'm ready" is a sample, "im ready" a phrasing of its own).
 */
function literalPattern(text: string, language: MatcherLanguage): string {
  const apostrophe = language === 'fr' ? "'?[\\s-]*" : "'";
  return text
    .split(/([\s-]+|')/)
    .map((piece) => (piece === "'" ? apostrophe : /^[\s-]+$/.test(piece) ? '[\\s-]*' : escapeRegex(piece)))
    .join('');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Understands typed text using one interaction model. Compile once, call for every utterance. */
export class ModelMatcher {
  private readonly samples: CompiledSample[] = [];
  private readonly slotTypes = new Map<string, string>();
  private readonly types = new Map<string, ModelSlotType>();
  /** "open pressure point guide", "alexa, launch pressure point guide", "pressure point guide". */
  private readonly launch: RegExp;
  /** "alexa, ask pressure point guide (to|about|if)" before a one-shot request. */
  private readonly oneShot: RegExp;

  /** Numbers in the model's language ("sechs", "six et demi") fill AMAZON.NUMBER as on Alexa. */
  private readonly scores: ScoreReader;

  private readonly language: MatcherLanguage;

  /** The locale whose folding rules resolve slot words (see `resolveSlotValue`). */
  private readonly locale: string | undefined;

  constructor(model: InteractionModelJson, locale?: string) {
    this.scores = scoreReaderFor(catalogueFor(locale ?? 'en-US').spoken);
    this.locale = locale;
    this.language = matcherLanguage(locale);
    const phrases = LANGUAGE_PHRASES[this.language];
    const { intents, types = [], invocationName } = model.interactionModel.languageModel;
    const invocation = literalPattern(clean(invocationName, this.language), this.language);
    const words = (list: string[]): string =>
      list.map((w) => literalPattern(clean(w, this.language), this.language)).join('|');
    const articles = `((${words(phrases.articles)})[\\s-]*)?`;
    this.launch = new RegExp(
      `^(alexa )?((${words(phrases.launchVerbs)})[\\s-]*)?${articles}${invocation}( skill)?( (${words(phrases.please)}))?$`,
      'u',
    );
    this.oneShot = new RegExp(
      `^(alexa )?(${words(phrases.oneShotVerbs)})[\\s-]*${articles}${invocation}[\\s-]*((${words(phrases.joiners)})[\\s-]+)?`,
      'u',
    );
    for (const type of types) this.types.set(type.name, type);
    for (const intent of intents) {
      for (const slot of intent.slots ?? []) this.slotTypes.set(`${intent.name}.${slot.name}`, slot.type);
      for (const sample of intent.samples ?? []) this.samples.push(this.compile(intent.name, sample, true));
      for (const sample of phrases.builtIns[intent.name] ?? [])
        this.samples.push(this.compile(intent.name, sample, false));
    }
  }

  private compile(intent: string, sample: string, own: boolean): CompiledSample {
    const slotNames: string[] = [];
    const parts = clean(sample, this.language).split(/(\{\w+\})/);
    let literalLength = 0;
    const pattern = parts
      .map((part) => {
        const slot = /^\{(\w+)\}$/.exec(part);
        if (slot) {
          slotNames.push(slot[1]);
          return '(.+?)';
        }
        // Letters and digits only: "weiter machen" and "weitermachen" are the same words, whichever is written.
        literalLength += part.replace(/[^\p{L}\p{N}]/gu, '').length;
        return literalPattern(part, this.language);
      })
      .join('');
    return { intent, regex: new RegExp(`^${pattern}$`, 'u'), slotNames, literalLength, own };
  }

  /** The request a device would send for these words: a launch, or an intent with its slot words. */
  interpret(text: string): Interpreted {
    if (this.launch.test(clean(text, this.language))) return { type: 'LaunchRequest' };
    return { type: 'IntentRequest', ...this.understand(text) };
  }

  /** The intent and slot words for what was typed. */
  understand(text: string): Understood {
    const input = clean(text, this.language).replace(this.oneShot, '');
    let best: { score: number; understood: Understood } | undefined;
    for (const sample of this.samples) {
      const match = sample.regex.exec(input);
      if (!match) continue;
      const slots: Record<string, string> = {};
      // The skill's own sample wins a tie with a built-in phrasing ("continue" as GoOnIntent, not next).
      let score = sample.literalLength + (sample.own ? 0.5 : 0);
      let fits = true;
      sample.slotNames.forEach((name, i) => {
        const words = match[i + 1].trim();
        slots[name] = words;
        const typeName = this.slotTypes.get(`${sample.intent}.${name}`) ?? '';
        // AMAZON.TIME fills only with words that are a time (a lone number only beside the sample's own words).
        if (typeName === 'AMAZON.TIME') {
          if (alexaTimeValue(words, sample.literalLength > 0)) score += 1000;
          else fits = false;
          return;
        }
        const type = this.types.get(typeName);
        // A slot whose words are a known value is a far better match than one that merely captured words.
        if (type) score += resolveSlotValue(type, words, this.locale) ? 1000 : -500;
        // AMAZON.NUMBER fills only with a number ("six", "6", "minus two", "six and a half").
        else if (typeName === 'AMAZON.NUMBER') score += this.scores.isNumberPhrase(words) ? 1000 : -500;
      });
      if (!fits) continue;
      // A sample that is only a slot ("{point}") matches anything, so it counts only with a known value.
      if (sample.literalLength === 0 && score < 0) continue;
      if (!best || score > best.score) best = { score, understood: { intent: sample.intent, slots } };
    }
    if (best) return best.understood;
    return { intent: 'AMAZON.FallbackIntent', slots: {} };
  }
}
