import {
  generateModel,
  INTENT_NAMES_PATH,
  LOCALES,
  modelPath,
  readModel,
  serialiseIntentNames,
  serialiseModel,
  serialiseSimulatorModels,
  SIMULATOR_MODELS_PATH,
} from '../../scripts/generate-model';
import { contentIndexOutputs } from '../../scripts/generate-content-index';
import { GENERATED_SPOKEN_LANGUAGES, serialiseSpoken, spokenPath } from '../../scripts/generate-spoken';
import { existsSync, readFileSync } from 'node:fs';
import { catalogueFor } from '../../lambda/src/core/catalogue';
import { LOCALES_UNDER_TEST } from '../support/locales';
import { resolveSlotValue } from '../../simulator/envelope';
import { normaliseSpoken } from '../../lambda/src/core/spoken-forms';
import { model } from '../support/model';

const types = model.interactionModel.languageModel.types ?? [];
const slotType = (name: string) => types.find((t) => t.name === name)!;

describe('generated files', () => {
  it('every locale with content has a model (the English markets today)', () => {
    expect(LOCALES).toEqual(expect.arrayContaining(['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IN']));
    expect(LOCALES).toEqual(expect.arrayContaining([...LOCALES_UNDER_TEST]));
  });

  it.each(LOCALES)(
    'the %s model is exactly what scripts/generate-model.ts makes (run npm run generate:model)',
    (locale) => {
      expect(readFileSync(modelPath(locale), 'utf8')).toBe(serialiseModel(generateModel(locale)));
    },
  );

  it('the content and i18n indexes list exactly the files that exist (run npm run generate:model)', () => {
    for (const [file, text] of contentIndexOutputs())
      expect([file, readFileSync(file, 'utf8')]).toEqual([file, text]);
  });

  it.each(GENERATED_SPOKEN_LANGUAGES)(
    'data/text/%s/spoken.json is what scripts/generate-spoken.ts makes',
    (language) => {
      expect(existsSync(spokenPath(language))).toBe(true);
      expect(readFileSync(spokenPath(language), 'utf8')).toBe(serialiseSpoken(language));
    },
  );
});

describe.each(LOCALES)('the %s model', (locale) => {
  const localeModel = readModel(locale);
  const localeTypes = localeModel.interactionModel.languageModel.types ?? [];
  const { spoken } = catalogueFor(locale);

  it('gives every point code with its number as digits and as words, for each channel word', () => {
    const points = localeTypes.find((t) => t.name === 'PointName');
    for (const value of points?.values ?? []) {
      const forms = new Set([value.name.value, ...(value.name.synonyms ?? [])].map((f) => f.toLowerCase()));
      const [prefix, number] = value.name.value.split(' ');
      for (const word of spoken.data.channels[prefix] ?? []) {
        expect(forms).toContain(`${word} ${number}`);
        expect(forms).toContain(`${word} ${spoken.numbers.toWords(Number(number))}`);
      }
    }
  });

  it('resolves every spoken form of every slot value back to its own id', () => {
    for (const type of localeTypes) {
      for (const value of type.values) {
        for (const form of [value.name.value, ...(value.name.synonyms ?? [])])
          expect([type.name, form, resolveSlotValue(type, form, locale)?.id]).toEqual([
            type.name,
            form,
            value.id,
          ]);
      }
    }
  });

  it('uses only characters Alexa accepts, and names only its own slots', () => {
    for (const intent of localeModel.interactionModel.languageModel.intents) {
      const slotNames = (intent.slots ?? []).map((s) => s.name);
      for (const sample of intent.samples ?? []) {
        expect(sample).toMatch(/^[\p{L}0-9' .{}-]+$/u);
        for (const [, slot] of sample.matchAll(/\{(\w+)\}/g)) expect(slotNames).toContain(slot);
      }
    }
    for (const type of localeTypes)
      for (const value of type.values)
        for (const form of [value.name.value, ...(value.name.synonyms ?? [])])
          expect(form).toMatch(/^[\p{L}0-9' .-]+$/u);
  });
});

describe('interaction model', () => {
  it('gives the simulator every committed model (run npm run generate:model)', () => {
    expect(readFileSync(SIMULATOR_MODELS_PATH, 'utf8')).toBe(serialiseSimulatorModels());
  });

  it('gives the logs its intent names in a file of their own (run npm run generate:model)', () => {
    expect(readFileSync(INTENT_NAMES_PATH, 'utf8')).toBe(serialiseIntentNames());
    expect(JSON.parse(readFileSync(INTENT_NAMES_PATH, 'utf8'))).toContain('FindPointIntent');
  });

  it('has the invocation name', () => {
    expect(model.interactionModel.languageModel.invocationName).toBe('pressure point guide');
  });

  // The spoken forms the product brief lists, each resolved by Alexa-style entity resolution.
  const spoken: Array<[string, string]> = [
    ['b l twenty three', 'BL23'],
    ['b l 23', 'BL23'],
    ['bl 23', 'BL23'],
    ['bladder twenty three', 'BL23'],
    ['bladder 23', 'BL23'],
    ['b twenty three', 'BL23'],
    ['b 47', 'BL52'],
    ['b 48', 'BL53'],
    ['b 54', 'BL40'],
    ['g b thirty', 'GB30'],
    ['gallbladder thirty', 'GB30'],
    ['c v six', 'CV6'],
    ['conception vessel six', 'CV6'],
    ['ren six', 'CV6'],
    ['shenshu', 'BL23'],
    ['sea of vitality', 'BL23'],
    ['the sea of vitality', 'BL23'],
    ['kunlun', 'BL60'],
    ['huantiao', 'GB30'],
    ['the commanding middle', 'BL40'],
  ];
  it.each(spoken)('PointName resolves "%s" to %s', (words, id) => {
    expect(resolveSlotValue(slotType('PointName'), words)?.id).toBe(id);
  });

  it('gives no slot value a synonym that belongs to another value', () => {
    for (const type of types) {
      const owner = new Map<string, string>();
      for (const value of type.values) {
        for (const form of [value.name.value, ...(value.name.synonyms ?? [])]) {
          const key = normaliseSpoken(form);
          const previous = owner.get(key);
          if (previous && previous !== value.id)
            throw new Error(`${type.name}: "${form}" is on ${previous} and ${value.id}`);
          owner.set(key, value.id ?? value.name.value);
        }
      }
    }
  });

  it('uses only characters Alexa accepts in samples and slot values', () => {
    const { intents } = model.interactionModel.languageModel;
    for (const intent of intents) {
      for (const sample of intent.samples ?? []) expect(sample).toMatch(/^[a-zA-Z0-9' .{}-]+$/);
      const slotNames = (intent.slots ?? []).map((s) => s.name);
      for (const sample of intent.samples ?? []) {
        for (const [, slot] of sample.matchAll(/\{(\w+)\}/g)) expect(slotNames).toContain(slot);
      }
    }
    for (const type of types) {
      for (const value of type.values) {
        for (const form of [value.name.value, ...(value.name.synonyms ?? [])])
          expect(form).toMatch(/^[a-zA-Z0-9' .-]+$/);
      }
    }
  });

  it('has no sample utterance in two intents', () => {
    const seen = new Map<string, string>();
    for (const intent of model.interactionModel.languageModel.intents) {
      for (const sample of intent.samples ?? []) {
        const key = sample.toLowerCase();
        expect(`${key} in ${seen.get(key) ?? intent.name}`).toBe(`${key} in ${intent.name}`);
        seen.set(key, intent.name);
      }
    }
  });
});
