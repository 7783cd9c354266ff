import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { InteractionModelJson } from '../../lambda/src/simulator/envelope';

/** The committed en-US interaction model, exactly as Alexa would be given it. */
export const model: InteractionModelJson = JSON.parse(
  readFileSync(path.join(__dirname, '../../skill-package/interactionModels/custom/en-US.json'), 'utf8'),
) as InteractionModelJson;
