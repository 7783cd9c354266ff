import { existsSync } from 'node:fs';
import { modelPath, readModel } from '../../scripts/generate-model';
import type { InteractionModelJson } from '../../simulator/envelope';

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
