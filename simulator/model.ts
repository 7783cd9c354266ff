/**
 * The committed en-US interaction model, bundled into the server at build time so the simulator
 * understands exactly what Alexa would (regenerate it with `npm run generate:model`).
 */
import committed from '../skill-package/interactionModels/custom/en-US.json';
import type { InteractionModelJson } from './envelope';

export const interactionModel: InteractionModelJson = committed as InteractionModelJson;
