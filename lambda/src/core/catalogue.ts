/**
 * The shared catalogue: points, needs and routines from `data/`, with look-ups by code and by what a
 * user said. The data is validated against `data/schema/` at build time and in tests
 * (scripts/validate-data.ts), so nothing is re-validated on the request path.
 */
import needsFile from '../../../data/needs.json';
import pointsFile from '../../../data/points.json';
import routinesFile from '../../../data/routines.json';
import safetyFile from '../../../data/safety.json';
import controlsCorpus from '../../../data/phrasings/en-US/controls.json';
import {
  needSpokenForms,
  normaliseSpoken,
  pointSpokenForms,
  type ResolvedVia,
  routineSpokenForms,
} from './spoken-forms';
import type { Need, Point, Routine } from './types';
import { boundedMemo } from './memo';

export const points: readonly Point[] = (pointsFile as { points: Point[] }).points;
export const needs: readonly Need[] = (needsFile as { needs: Need[] }).needs;
export const routines: readonly Routine[] = (routinesFile as { routines: Routine[] }).routines;
/** The breathing-only routine (no pressure at all) that replaces a routine in pregnancy (rule 3.2). */
const breathingRoutine = (safetyFile as unknown as { breathingRoutine: Routine }).breathingRoutine;

/**
 * Look-up tables from every spoken form to its entry. Built on first use, not at load: a cold
 * start that answers by slot id (Alexa's entity resolution) never pays for them.
 */
function lazily<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

const pointIndex = lazily(() => {
  const index = new Map<string, { point: Point; via: ResolvedVia }>();
  for (const point of points) {
    for (const form of pointSpokenForms(point))
      index.set(normaliseSpoken(form.text), { point, via: form.via });
  }
  return index;
});
const needIndex = lazily(() => {
  const index = new Map<string, Need>();
  for (const need of needs) for (const form of needSpokenForms(need)) index.set(normaliseSpoken(form), need);
  return index;
});
const routineIndex = lazily(() => {
  const index = new Map<string, Routine>();
  for (const routine of routines) {
    for (const form of routineSpokenForms(routine)) index.set(normaliseSpoken(form), routine);
  }
  return index;
});
/** Codes and slot ids as they arrive from entity resolution and session state ("BL 23", "BL23"). */
const pointByExactCode = new Map<string, Point>(
  points.flatMap((p) => [
    [p.code, p],
    [p.code.replace(/ /g, ''), p],
  ]),
);

/** Spoken words repeat across requests; resolving them builds and walks the index. */
const memo = <T>(resolve: (spoken: string) => T) => boundedMemo(resolve, { limit: 512 });

/** The slot value id used in the interaction model for a point: its code without the space. */
export function pointSlotId(point: Point): string {
  return point.code.replace(/ /g, '');
}

/** A point by its WHO code or slot id ("BL 23", "BL23", "bl23"); undefined when unknown. */
export function getPoint(codeOrId: string): Point | undefined {
  return pointByExactCode.get(codeOrId) ?? pointByCode(codeOrId);
}

const pointByCode = memo((codeOrId: string): Point | undefined => {
  const found = pointIndex().get(normaliseSpoken(codeOrId));
  return found && found.via === 'code' ? found.point : undefined;
});

export interface PointMatch {
  point: Point;
  /** How the words identified the point; "article-label" means the user used a misnumbered code. */
  via: ResolvedVia;
}

/** Resolves what a user said ("bladder twenty three", "the sea of vitality", "B 47") to a point. */
export const resolvePoint = memo((spoken: string): PointMatch | undefined =>
  pointIndex().get(normaliseSpoken(spoken)),
);

/**
 * How the words named a point already identified by its slot id (only that point's own forms are
 * compared, so a request Alexa resolved never builds the whole index).
 */
export function matchedVia(point: Point, spoken: string): ResolvedVia {
  return viaByPointAndWords(`${point.code}|${spoken}`);
}

const viaByPointAndWords = memo((pointAndWords: string): ResolvedVia => {
  const [code, spoken] = pointAndWords.split('|', 2);
  const point = pointByExactCode.get(code);
  const key = normaliseSpoken(spoken);
  return point
    ? (pointSpokenForms(point).find((f) => normaliseSpoken(f.text) === key)?.via ?? 'code')
    : 'code';
});

export function getNeed(id: string): Need | undefined {
  return needs.find((n) => n.id === id);
}

/** Resolves a spoken need ("pain down my leg") to a need. */
export function resolveNeed(spoken: string): Need | undefined {
  return getNeed(spoken) ?? needIndex().get(normaliseSpoken(spoken));
}

/** Points traditionally used for a need, in catalogue order (the most commonly used first). */
export function pointsFor(needId: string, limit = 3): Point[] {
  return points.filter((p) => p.inRoutines && p.needs.includes(needId)).slice(0, limit);
}

/**
 * A routine by id: the catalogue's, or the safety rules' breathing-only substitute (rule 3.2), which
 * a plan names as its source when it replaced the routine asked for, so it ends with its own closing.
 */
export function getRoutine(id: string): Routine | undefined {
  if (id === breathingRoutine.id) return breathingRoutine;
  return routines.find((r) => r.id === id);
}

/** Resolves a spoken routine name ("the evening", "sleep") to a routine. */
export function resolveRoutine(spoken: string): Routine | undefined {
  return getRoutine(spoken) ?? routineIndex().get(normaliseSpoken(spoken));
}

/** The routine offered for a need, if one covers it. */
export function routineFor(needId: string): Routine | undefined {
  return routines.find((r) => r.needs.includes(needId));
}

/** Words that say nothing about which point: everyday words a carrier phrase may have caught. */
const NOT_POINT_WORDS = new Set([
  'the',
  'of',
  'a',
  'an',
  'point',
  'points',
  'it',
  'is',
  'this',
  'that',
  'i',
  'my',
]);

let pointWordSet: Set<string> | undefined;
function pointWords(): Set<string> {
  pointWordSet ??= new Set(
    points
      .flatMap((p) => pointSpokenForms(p))
      .flatMap((f) => normaliseSpoken(f.text).split(' '))
      .filter((w) => w !== '' && !NOT_POINT_WORDS.has(w)),
  );
  return pointWordSet;
}

let everydayWordSet: Set<string> | undefined;
function everydayWords(): Set<string> {
  everydayWordSet ??= new Set(
    Object.values(controlsCorpus.actions)
      .flatMap((a) => a.phrasings)
      .flatMap((phrase) => normaliseSpoken(phrase).split(' '))
      .filter((w) => w !== '' && !pointWords().has(w)),
  );
  return everydayWordSet;
}

/**
 * Whether words a point slot caught are only everyday words, not an attempt at a point: every
 * word is one of the control corpus's words ("next", "it again", "acupressure"), none is a number or
 * a word of a point's code or names. "Where is the moon" is still a point the user asked for.
 */
export function onlyEverydayWords(spoken: string): boolean {
  const words = normaliseSpoken(spoken).split(' ').filter(Boolean);
  return words.length > 0 && words.every((w) => !/^\d+$/.test(w) && everydayWords().has(w));
}
