import {
  generateModel,
  INTENT_NAMES_PATH,
  modelPath,
  serialiseIntentNames,
  serialiseModel,
} from '../../scripts/generate-model';
import { readFileSync } from 'node:fs';
import { resolveSlotValue } from '../../simulator/envelope';
import { normaliseSpoken } from '../../lambda/src/core/spoken-forms';
import { model } from '../support/model';

const types = model.interactionModel.languageModel.types ?? [];
const slotType = (name: string) => types.find((t) => t.name === name)!;

describe('interaction model', () => {
  it('is exactly what scripts/generate-model.ts makes from data/ (run npm run generate:model)', () => {
    expect(readFileSync(modelPath('en-US'), 'utf8')).toBe(serialiseModel(generateModel('en-US')));
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
