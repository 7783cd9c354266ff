/**
 * Builds skill-package/interactionModels/custom/<locale>.json for every supported locale whose
 * language has interaction fragments (data/interaction/<lang>/*.json; English's in
 * data/interaction/en-US/): the intents and sample utterances, the language's control and safety
 * corpora, and the slot types generated from the catalogue in that language. Every English market
 * gets the English model; de-DE, es-ES, es-MX, … get theirs once data/interaction/<lang>/ exists.
 * The generated content indexes and spoken forms are written first (scripts/generate-content-index.ts,
 * scripts/generate-spoken.ts), so a new language is files plus `npm run generate:model`.
 *
 *   tsx scripts/generate-model.ts          write the models
 *   tsx scripts/generate-model.ts --check  exit 1 if a committed model differs
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { InteractionModelJson } from '../simulator/envelope';
import { catalogueFor, type Catalogue } from '../lambda/src/core/catalogue';
import { SUPPORTED_LOCALES, languageOfLocale } from '../lambda/src/i18n';
import { slotTypeGenerators, type SlotType } from './model/slot-types';
import { contentDirName } from './generate-content-index';

export const ROOT = path.resolve(__dirname, '..');

/** Where a language's interaction fragments are: data/interaction/<lang>/, English's in en-US/. */
export function fragmentsDir(locale: string): string {
  return path.join(ROOT, 'data', 'interaction', contentDirName(languageOfLocale(locale)));
}

/** The supported locales whose language has interaction fragments: each gets a model. */
export const LOCALES: string[] = SUPPORTED_LOCALES.filter((locale) => existsSync(fragmentsDir(locale)));

interface IntentSlot {
  name: string;
  type: string;
}
export interface Intent {
  name: string;
  slots?: IntentSlot[];
  samples: string[];
}
/**
 * An intent as written in data/interaction: `carriers` asks for the phrasing corpus's carrier
 * samples ("I have {statement}", "I'm {state}", and each with "and {compound}") to be added.
 */
interface FragmentIntent extends Intent {
  carriers?: { statement: string; state: string; compound?: string };
}
interface Fragment {
  invocationName?: string;
  intents: FragmentIntent[];
}

function expand(intent: FragmentIntent, catalogue: Catalogue): Intent {
  const { carriers, ...rest } = intent;
  if (!carriers) return rest;
  const generated = catalogue.phrasings.carrierSamples(
    carriers,
    carriers.compound,
    catalogue.spoken.data.and,
  );
  const seen = new Set<string>();
  const samples = [...rest.samples, ...generated].filter((sample) => {
    const key = sample.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...rest, samples };
}

/**
 * The control corpus (data/phrasings/<lang>/controls.json): every phrase becomes a sample of the
 * intent its action names, added to that intent's samples (a new intent when none has the name).
 * A phrase already a sample of another intent is an error: one set of words, one action.
 */
export function addControlPhrasings(intents: Intent[], catalogue: Catalogue = catalogueFor('en')): void {
  const controlsCorpus = catalogue.controls;
  const owner = new Map<string, string>();
  for (const intent of intents)
    for (const sample of intent.samples) owner.set(sample.toLowerCase(), intent.name);
  for (const action of Object.values(controlsCorpus.actions)) {
    let intent = intents.find((i) => i.name === action.intent);
    if (!intent) {
      intent = { name: action.intent, samples: [] };
      intents.push(intent);
    }
    for (const phrase of action.phrasings) {
      const key = phrase.toLowerCase();
      const other = owner.get(key);
      if (other === intent.name) continue;
      if (other) throw new Error(`controls.json: "${phrase}" is already a sample of ${other}`);
      owner.set(key, intent.name);
      intent.samples.push(phrase);
    }
  }
}

export interface InteractionModel {
  interactionModel: {
    languageModel: { invocationName: string; intents: Intent[]; types: SlotType[] };
  };
}

export function modelPath(locale: string): string {
  return path.join(ROOT, 'skill-package', 'interactionModels', 'custom', `${locale}.json`);
}

/** The committed model for a locale, exactly as Alexa is given it. */
export function readModel(locale = 'en-US'): InteractionModelJson {
  return JSON.parse(readFileSync(modelPath(locale), 'utf8')) as InteractionModelJson;
}

export function generateModel(locale: string): InteractionModel {
  const dir = fragmentsDir(locale);
  const catalogue = catalogueFor(locale);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => (a === 'model.json' ? -1 : b === 'model.json' ? 1 : a.localeCompare(b)));
  let invocationName: string | undefined;
  const intents: Intent[] = [];
  for (const file of files) {
    const fragment = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Fragment;
    if (fragment.invocationName) invocationName = fragment.invocationName;
    for (const intent of fragment.intents) {
      if (intents.some((i) => i.name === intent.name)) {
        throw new Error(`${locale}/${file}: intent ${intent.name} is defined twice`);
      }
      intents.push(expand(intent, catalogue));
    }
  }
  addControlPhrasings(intents, catalogue);
  if (!invocationName)
    throw new Error(`${locale}: no invocationName in ${path.relative(ROOT, dir)}/model.json`);
  const types = slotTypeGenerators.map((generate) => generate(catalogue));
  const usedTypes = new Set(intents.flatMap((i) => (i.slots ?? []).map((s) => s.type)));
  return {
    interactionModel: {
      languageModel: {
        invocationName,
        intents,
        types: types.filter((t) => usedTypes.has(t.name)),
      },
    },
  };
}

export function serialiseModel(model: InteractionModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

/**
 * The Lambda's logs keep an intent name only when the skill's model has it (lambda/src/log.ts). The
 * names are written to a small file of their own, so the Lambda does not load the whole model.
 */
export const INTENT_NAMES_PATH = path.join(ROOT, 'lambda', 'src', 'generated', 'intent-names.json');

export function serialiseIntentNames(): string {
  const names = new Set(
    LOCALES.flatMap((locale) =>
      generateModel(locale).interactionModel.languageModel.intents.map((i) => i.name),
    ),
  );
  return `${JSON.stringify([...names].sort(), null, 2)}\n`;
}

/** The simulator's list of every committed model (bundled into the server), one import per locale. */
export const SIMULATOR_MODELS_PATH = path.join(ROOT, 'simulator', 'models.generated.ts');

export function serialiseSimulatorModels(): string {
  const name = (locale: string) => locale.replace('-', '');
  return [
    '// Generated by scripts/generate-model.ts: every locale with a committed model. Do not edit.',
    "import type { InteractionModelJson } from './envelope';",
    ...LOCALES.map((l) => `import ${name(l)} from '../skill-package/interactionModels/custom/${l}.json';`),
    '',
    '/** The interaction model of every locale the simulator can talk as. */',
    'export const interactionModels: Record<string, InteractionModelJson> = {',
    ...LOCALES.map((l) => `  '${l}': ${name(l)} as InteractionModelJson,`),
    '};',
    '',
  ].join('\n');
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  let stale = false;
  const outputs: Array<[string, () => string]> = [
    ...LOCALES.map((locale): [string, () => string] => [
      modelPath(locale),
      () => serialiseModel(generateModel(locale)),
    ]),
    [INTENT_NAMES_PATH, serialiseIntentNames],
    [SIMULATOR_MODELS_PATH, serialiseSimulatorModels],
  ];
  for (const [file, make] of outputs) {
    const text = make();
    if (check) {
      const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
      if (current !== text) {
        stale = true;
        console.error(`${path.relative(ROOT, file)} is out of date: run npm run generate:model`);
      }
    } else {
      writeFileSync(file, text);
      console.log(`wrote ${path.relative(ROOT, file)}`);
    }
  }
  if (stale) process.exit(1);
}
