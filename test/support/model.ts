import { existsSync } from 'node:fs';
import { modelPath, readModel } from '../../scripts/generate-model';
import type { InteractionModelJson } from '../../simulator/envelope';
import { LANGUAGE_PHRASES, matcherLanguage } from '../../simulator/nlu-languages';

/** The committed en-US interaction model, exactly as Alexa would be given it. */
export const model: InteractionModelJson = readModel('en-US');

const models = new Map<string, InteractionModelJson>([['en-US', model]]);

/** A locale's committed model; the en-US one for a locale that has none (an unsupported market). */
export function modelFor(locale: string | undefined): InteractionModelJson {
  const key = locale && existsSync(modelPath(locale)) ? locale : 'en-US';
  let found = models.get(key);
  if (!found) {
    found = readModel(key);
    models.set(key, found);
  }
  return found;
}

/**
 * What a user in the locale says to hear the reason after "Want to know why?": its model's first
 * WhyIntent sample ("why", "warum"), or, in a model without WhyIntent yet, the language's plain
 * "yes", which the skill answers with the same reason.
 */
export function whyWords(locale: string): string {
  const why = modelFor(locale).interactionModel.languageModel.intents.find((i) => i.name === 'WhyIntent');
  return why?.samples?.[0] ?? yesWords(locale);
}

/** The language's plain "yes" ("yes", "ja", "sí", "oui"), as Alexa's built-in YesIntent hears it. */
export function yesWords(locale: string): string {
  return LANGUAGE_PHRASES[matcherLanguage(locale)].builtIns['AMAZON.YesIntent'][0];
}
