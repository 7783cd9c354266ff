/**
 * The shared catalogue: points, needs and routines from `data/`, with look-ups by code and by what a
 * user said. The data is validated against `data/schema/` at build time and in tests
 * (scripts/validate-data.ts), so nothing is re-validated on the request path.
 */
import needsFile from '../../../data/needs.json';
import pointsFile from '../../../data/points.json';
import routinesFile from '../../../data/routines.json';
import {
  needSpokenForms,
  normaliseSpoken,
  pointSpokenForms,
  type ResolvedVia,
  routineSpokenForms,
} from './spoken-forms';
import type { Need, Point, PointCode, Routine } from './types';

export const points: readonly Point[] = (pointsFile as { points: Point[] }).points;
export const needs: readonly Need[] = (needsFile as { needs: Need[] }).needs;
export const routines: readonly Routine[] = (routinesFile as { routines: Routine[] }).routines;

const pointByKey = new Map<string, { point: Point; via: ResolvedVia }>();
for (const point of points) {
  for (const form of pointSpokenForms(point))
    pointByKey.set(normaliseSpoken(form.text), { point, via: form.via });
}
const needByKey = new Map<string, Need>();
for (const need of needs)
  for (const form of needSpokenForms(need)) needByKey.set(normaliseSpoken(form), need);
const routineByKey = new Map<string, Routine>();
for (const routine of routines) {
  for (const form of routineSpokenForms(routine)) routineByKey.set(normaliseSpoken(form), routine);
}

/** The slot value id used in the interaction model for a point: its code without the space. */
export function pointSlotId(point: Point): string {
  return point.code.replace(/ /g, '');
}

/** A point by its WHO code or slot id ("BL 23", "BL23", "bl23"); undefined when unknown. */
export function getPoint(codeOrId: string): Point | undefined {
  const key = normaliseSpoken(codeOrId);
  const found = pointByKey.get(key);
  return found && found.via === 'code' ? found.point : undefined;
}

export interface PointMatch {
  point: Point;
  /** How the words identified the point; "article-label" means the user used a misnumbered code. */
  via: ResolvedVia;
}

/** Resolves what a user said ("bladder twenty three", "the sea of vitality", "B 47") to a point. */
export function resolvePoint(spoken: string): PointMatch | undefined {
  return pointByKey.get(normaliseSpoken(spoken));
}

export function getNeed(id: string): Need | undefined {
  return needs.find((n) => n.id === id);
}

/** Resolves a spoken need ("pain down my leg") to a need. */
export function resolveNeed(spoken: string): Need | undefined {
  return getNeed(spoken) ?? needByKey.get(normaliseSpoken(spoken));
}

/** Points traditionally used for a need, in catalogue order (the most commonly used first). */
export function pointsFor(needId: string, limit = 3): Point[] {
  return points.filter((p) => p.inRoutines && p.needs.includes(needId)).slice(0, limit);
}

export function getRoutine(id: string): Routine | undefined {
  return routines.find((r) => r.id === id);
}

/** Resolves a spoken routine name ("the evening", "sleep") to a routine. */
export function resolveRoutine(spoken: string): Routine | undefined {
  return getRoutine(spoken) ?? routineByKey.get(normaliseSpoken(spoken));
}

/** The routine offered for a need, if one covers it. */
export function routineFor(needId: string): Routine | undefined {
  return routines.find((r) => r.needs.includes(needId));
}

export function isPointCode(code: string): code is PointCode {
  return getPoint(code) !== undefined;
}
