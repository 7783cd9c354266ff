/**
 * The phrasing corpora (data/phrasings/<lang>/safety.json, English's in en-US/) against safety.json:
 * every entry has its phrasings (at least 8 per red flag, 5 per condition, 8 per stop-rule symptom
 * group), every phrase names an entry that exists, and no phrase, whole or without its carrier,
 * means two things, each folded with its own language's spoken forms and carriers.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { catalogueFor, type Catalogue } from '../lambda/src/core/catalogue';
import type { DataSet } from './validate-data';

const PHRASINGS_DIR = path.join(__dirname, '..', 'data', 'phrasings');
const corpusDirs = (): string[] =>
  existsSync(PHRASINGS_DIR)
    ? readdirSync(PHRASINGS_DIR, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];

/** Every language's safety corpus, as a path under data/. */
export const PHRASING_FILES = corpusDirs()
  .filter((d) => existsSync(path.join(PHRASINGS_DIR, d, 'safety.json')))
  .map((d) => `phrasings/${d}/safety.json`);
/** The control corpora (routine controls and questions), checked against controls.schema.json. */
export const CONTROL_FILES = corpusDirs()
  .filter((d) => existsSync(path.join(PHRASINGS_DIR, d, 'controls.json')))
  .map((d) => `phrasings/${d}/controls.json`);

/** The catalogue of the language a corpus file is in ("phrasings/de/safety.json" → German). */
function catalogueOfFile(file: string): Catalogue {
  const dir = file.split('/')[1];
  return catalogueFor(dir === 'en-US' ? 'en' : dir);
}

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
  for (const kind of Object.keys(MIN_PHRASINGS) as Array<keyof typeof MIN_PHRASINGS>)
    for (const entry of array(safety[kind])) kindOf.set(String(entry.id), kind);
  for (const file of PHRASING_FILES) {
    const corpus = set[file];
    if (!corpus) continue;
    const catalogue = catalogueOfFile(file);
    const normaliseSpoken = (text: string) => catalogue.spoken.normalise(text);
    const stripCarrier = (key: string) => catalogue.phrasings.stripCarrier(key);
    // The names and synonyms of the entries in the corpus's language (English's, or its overlay's).
    const owner = new Map<string, string>();
    const rules = catalogue.safety;
    for (const entry of [...rules.redFlags, ...rules.conditions, ...rules.stopSymptoms])
      for (const form of [entry.name, ...entry.synonyms]) owner.set(normaliseSpoken(form), entry.id);
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
    const { spoken } = catalogueOfFile(file);
    const normaliseSpoken = (text: string) => spoken.normalise(text);
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
