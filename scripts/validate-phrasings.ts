/**
 * The phrasing corpus (data/phrasings/<locale>/safety.json) against safety.json: every entry has
 * its phrasings (at least 8 per red flag, 5 per condition, 8 per stop-rule symptom group), every
 * phrase names an entry that exists, and no phrase, whole or without its carrier, means two things.
 */
import { normaliseSpoken } from '../lambda/src/core/spoken-forms';
import { stripCarrier } from '../lambda/src/core/safety/phrasings';
import type { DataSet } from './validate-data';

export const PHRASING_FILES = ['phrasings/en-US/safety.json'];
/** The control corpora (routine controls and questions), checked against controls.schema.json. */
export const CONTROL_FILES = ['phrasings/en-US/controls.json'];

/** The fewest phrasings an entry of each kind may have. */
export const MIN_PHRASINGS = { redFlags: 8, conditions: 5, stopSymptoms: 8 } as const;

type Json = Record<string, unknown>;

const array = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function phrasingReferences(set: DataSet): string[] {
  const safety = set['safety.json'];
  const problems: string[] = [];
  if (!safety) return problems;
  const kindOf = new Map<string, keyof typeof MIN_PHRASINGS>();
  const owner = new Map<string, string>();
  for (const kind of Object.keys(MIN_PHRASINGS) as Array<keyof typeof MIN_PHRASINGS>) {
    for (const entry of array(safety[kind])) {
      const id = String(entry.id);
      kindOf.set(id, kind);
      for (const form of [String(entry.name), ...strings(entry.synonyms)])
        owner.set(normaliseSpoken(form), id);
    }
  }
  for (const file of PHRASING_FILES) {
    const corpus = set[file];
    if (!corpus) continue;
    const phrasings = (corpus.phrasings ?? {}) as Record<string, unknown>;
    for (const [id, kind] of kindOf) {
      const count = strings(phrasings[id]).length;
      if (count < MIN_PHRASINGS[kind])
        problems.push(
          `${file} ${id}: has ${count} phrasings, a ${kind} entry needs at least ${MIN_PHRASINGS[kind]}`,
        );
    }
    const said = new Map<string, string>();
    for (const [id, phrases] of Object.entries(phrasings)) {
      if (!kindOf.has(id)) {
        problems.push(`${file} ${id}: is not a condition, red flag or stop symptom in safety.json`);
        continue;
      }
      strings(phrases).forEach((phrase, i) => {
        const whole = normaliseSpoken(phrase);
        for (const key of new Set([whole, stripCarrier(whole).remainder])) {
          const other = said.get(key) ?? owner.get(key);
          if (other && other !== id)
            problems.push(`${file} ${id}: /phrasings/${id}/${i} "${phrase}" already means ${other}`);
          said.set(key, id);
        }
      });
    }
    array(corpus.compound).forEach((c, i) => {
      if (!kindOf.has(String(c.reaches)))
        problems.push(`${file}: /compound/${i} reaches "${String(c.reaches)}", which is not in safety.json`);
    });
  }
  return problems;
}

/** Every control phrase means one action: the same words in two actions are a problem. */
export function controlReferences(set: DataSet): string[] {
  const problems: string[] = [];
  for (const file of CONTROL_FILES) {
    const actions = (set[file]?.actions ?? {}) as Record<string, { phrasings?: unknown }>;
    const said = new Map<string, string>();
    for (const [id, action] of Object.entries(actions)) {
      strings(action.phrasings).forEach((phrase, i) => {
        const key = normaliseSpoken(phrase);
        const other = said.get(key);
        if (other && other !== id)
          problems.push(`${file} ${id}: /actions/${id}/phrasings/${i} "${phrase}" already means ${other}`);
        said.set(key, id);
      });
    }
  }
  return problems;
}
