/**
 * Validates the catalogue in data/ against its JSON schemas and checks the references between
 * files (a routine's points exist, a point's needs exist, codes are unique). Every problem names the
 * entry and the field, for example: points.json BL 23: /holdSeconds must be <= 180.
 *
 * Runs in `npm run build` and in the tests; the skill itself trusts validated data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { diagramReferences } from './diagram-references';
import { CONTROL_FILES, PHRASING_FILES, controlReferences, phrasingReferences } from './validate-phrasings';
import { safetyReferences } from './validate-safety';

const ROOT = path.resolve(__dirname, '..');

export interface DataFile {
  /** File name under data/. */
  file: string;
  /** Schema file under data/schema/. */
  schema: string;
  /** The array property holding the entries, and the field that names an entry in messages. */
  list: string;
  key: string;
  /** Further entry lists in the same file, named by the same key field (safety.json: redFlags). */
  extraLists?: string[];
}

export const DATA_FILES: DataFile[] = [
  { file: 'points.json', schema: 'points.schema.json', list: 'points', key: 'code' },
  { file: 'needs.json', schema: 'needs.schema.json', list: 'needs', key: 'id' },
  { file: 'routines.json', schema: 'routines.schema.json', list: 'routines', key: 'id' },
  { file: 'diagrams.json', schema: 'diagrams.schema.json', list: 'points', key: 'code' },
  {
    file: 'safety.json',
    schema: 'safety.schema.json',
    list: 'conditions',
    key: 'id',
    extraLists: ['redFlags', 'stopSymptoms'],
  },
];

type Json = Record<string, unknown>;
export type DataSet = Record<string, Json>;

function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

/** Loads every data file as it is on disk. */
export function loadDataSet(): DataSet {
  const set: DataSet = {};
  for (const f of DATA_FILES) set[f.file] = readJson(path.join(ROOT, 'data', f.file));
  for (const f of [...PHRASING_FILES, ...CONTROL_FILES]) set[f] = readJson(path.join(ROOT, 'data', f));
  return set;
}

function entryName(data: Json, spec: DataFile, pointer: string): string {
  for (const list of [spec.list, ...(spec.extraLists ?? [])]) {
    const match = new RegExp(`^/${list}/(\\d+)(/.*)?$`).exec(pointer);
    if (!match) continue;
    const entries = data[list] as Json[];
    const entry = entries?.[Number(match[1])];
    const name = entry && typeof entry[spec.key] === 'string' ? (entry[spec.key] as string) : `#${match[1]}`;
    return `${spec.file} ${name}: ${match[2] ?? '/'}`;
  }
  return `${spec.file}: ${pointer || '/'}`;
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    return `has unknown field "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  }
  if (error.keyword === 'required') {
    return `is missing field "${(error.params as { missingProperty: string }).missingProperty}"`;
  }
  return error.message ?? error.keyword;
}

/** Schema and cross-reference problems in a data set; an empty list means valid. */
export function validateDataSet(set: DataSet): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const problems: string[] = [];
  for (const spec of DATA_FILES) {
    const schema = readJson(path.join(ROOT, 'data', 'schema', spec.schema));
    const validate = ajv.compile(schema);
    const data = set[spec.file];
    if (!validate(data)) {
      for (const error of validate.errors ?? []) {
        if (error.keyword === 'if') continue; // the failing then/else branch is reported itself
        problems.push(`${entryName(data, spec, error.instancePath)} ${describe(error)}`);
      }
    }
    const entries = [spec.list, ...(spec.extraLists ?? [])].flatMap((name) =>
      Array.isArray(data?.[name]) ? (data[name] as Json[]) : [],
    );
    const seen = new Set<unknown>();
    for (const entry of entries) {
      if (seen.has(entry[spec.key]))
        problems.push(`${spec.file} ${String(entry[spec.key])}: /${spec.key} is not unique`);
      seen.add(entry[spec.key]);
    }
  }
  const phrasingSchema = ajv.compile(readJson(path.join(ROOT, 'data', 'schema', 'phrasings.schema.json')));
  for (const file of PHRASING_FILES) {
    if (!phrasingSchema(set[file])) {
      for (const error of phrasingSchema.errors ?? [])
        problems.push(`${file}: ${error.instancePath || '/'} ${describe(error)}`);
    }
  }
  const controlSchema = ajv.compile(readJson(path.join(ROOT, 'data', 'schema', 'controls.schema.json')));
  for (const file of CONTROL_FILES) {
    if (!controlSchema(set[file])) {
      for (const error of controlSchema.errors ?? [])
        problems.push(`${file}: ${error.instancePath || '/'} ${describe(error)}`);
    }
  }
  problems.push(...phrasingReferences(set));
  problems.push(...controlReferences(set));
  problems.push(...crossReferences(set));
  problems.push(...diagramReferences(list(set, 'points.json', 'points'), set['diagrams.json']));
  return problems;
}

function list(set: DataSet, file: string, prop: string): Json[] {
  const value = set[file]?.[prop];
  return Array.isArray(value) ? (value as Json[]) : [];
}

function crossReferences(set: DataSet): string[] {
  const problems: string[] = [];
  const points = list(set, 'points.json', 'points');
  const pointCodes = new Set(points.map((p) => p.code));
  const needIds = new Set(list(set, 'needs.json', 'needs').map((n) => n.id));
  points.forEach((p) => {
    ((p.needs as string[]) ?? []).forEach((need, i) => {
      if (!needIds.has(need))
        problems.push(`points.json ${String(p.code)}: /needs/${i} "${need}" is not a need in needs.json`);
    });
  });
  for (const routine of list(set, 'routines.json', 'routines')) {
    ((routine.needs as string[]) ?? []).forEach((need, i) => {
      if (!needIds.has(need)) {
        problems.push(
          `routines.json ${String(routine.id)}: /needs/${i} "${need}" is not a need in needs.json`,
        );
      }
    });
    ((routine.steps as Json[]) ?? []).forEach((step, s) => {
      ((step.points as string[]) ?? []).forEach((code, i) => {
        const point = points.find((p) => p.code === code);
        if (!pointCodes.has(code)) {
          problems.push(
            `routines.json ${String(routine.id)}: /steps/${s}/points/${i} "${code}" is not a point in points.json`,
          );
        } else if (point && point.inRoutines === false) {
          problems.push(
            `routines.json ${String(routine.id)}: /steps/${s}/points/${i} "${code}" is not a routine point`,
          );
        }
      });
    });
  }
  problems.push(...safetyReferences(set, pointCodes));
  return problems;
}

if (require.main === module) {
  const problems = validateDataSet(loadDataSet());
  if (problems.length > 0) {
    console.error(`data/ is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log('data/ is valid');
}
