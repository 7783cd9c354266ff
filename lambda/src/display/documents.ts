/**
 * Everything a screen needs that a speaker never does: the APL documents (point card, routine
 * pages, progress chart) with their diagrams, and the interaction model that screen buttons are checked against.
 * `handlers/screen.ts` and `handlers/screen-events.ts` require this module on first use, and the Lambda build
 * puts it in a file of its own (dist/lambda/screens.js, scripts/build.ts), so a request from a
 * speaker never loads or compiles it.
 */
import interactionModel from '../../../skill-package/interactionModels/custom/en-US.json';

export { pointDirective } from './apl';
export { routineDirective } from './routine-document';
export { pausedScreenFor, turnScreenFor } from './routine-turn';
export { progressChartData, progressChartDirective } from './progress-chart';

/** The interaction model's language model: the intents and slot values a button may name. */
export const languageModel: unknown = (interactionModel as { interactionModel: { languageModel: unknown } })
  .interactionModel.languageModel;
