import { readModel } from '../../scripts/generate-model';
import type { InteractionModelJson } from '../../simulator/envelope';

/** The committed en-US interaction model, exactly as Alexa would be given it. */
export const model: InteractionModelJson = readModel('en-US');
