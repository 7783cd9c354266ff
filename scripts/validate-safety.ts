/**
 * Cross-references for data/safety.json that a JSON schema cannot express: every point a condition
 * rules out exists, every routine step that uses a tool has a no-tool version, ids are unique across
 * conditions and red flags, and no spoken phrase means two things (a phrase must resolve to exactly
 * one condition or red flag, or triage could answer the wrong question).
 */
import { normaliseSpoken } from '../lambda/src/core/spoken-forms';
import type { DataSet } from './validate-data';

type Json = Record<string, unknown>;

function array(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const samePoints = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

export function safetyReferences(set: DataSet, pointCodes: Set<unknown>): string[] {
  const safety = set['safety.json'];
  if (!safety) return [];
  const problems: string[] = [];
  const conditions = array(safety.conditions);
  const redFlags = array(safety.redFlags);
  const stopSymptoms = array(safety.stopSymptoms);

  for (const condition of conditions) {
    const id = String(condition.id);
    for (const field of ['avoid', 'palmsInstead']) {
      strings(condition[field]).forEach((code, i) => {
        if (!pointCodes.has(code))
          problems.push(`safety.json ${id}: /${field}/${i} "${code}" is not a point in points.json`);
      });
    }
    const avoid = strings(condition.avoid);
    strings(condition.palmsInstead).forEach((code, i) => {
      if (avoid.includes(code))
        problems.push(`safety.json ${id}: /palmsInstead/${i} "${code}" is also in /avoid`);
    });
  }

  const needIds = new Set(array(set['needs.json']?.needs).map((n) => n.id));
  for (const flag of redFlags) {
    const ask = flag.askFirst as Json | undefined;
    if (ask && typeof ask.need === 'string' && !needIds.has(ask.need))
      problems.push(
        `safety.json ${String(flag.id)}: /askFirst/need "${ask.need}" is not a need in needs.json`,
      );
  }

  const noToolSteps = array(safety.noToolSteps);
  noToolSteps.forEach((step, s) => {
    strings(step.points).forEach((code, i) => {
      if (!pointCodes.has(code))
        problems.push(`safety.json: /noToolSteps/${s}/points/${i} "${code}" is not a point in points.json`);
    });
  });
  for (const routine of array(set['routines.json']?.routines)) {
    array(routine.steps).forEach((step, s) => {
      const points = strings(step.points);
      if (strings(step.tools).length === 0 || points.length === 0) return;
      if (!noToolSteps.some((n) => samePoints(strings(n.points), points))) {
        problems.push(
          `routines.json ${String(routine.id)}: /steps/${s} uses a tool but safety.json has no noToolSteps entry for ${points.join(' + ')}`,
        );
      }
    });
  }

  const ids = new Map<string, string>();
  const phrases = new Map<string, string>();
  for (const [list, entries] of [
    ['conditions', conditions],
    ['redFlags', redFlags],
    ['stopSymptoms', stopSymptoms],
  ] as const) {
    entries.forEach((entry, e) => {
      const id = String(entry.id);
      const where = `${list}/${e}`;
      if (ids.has(id) && ids.get(id) !== where)
        problems.push(`safety.json ${id}: /id is used by ${ids.get(id)} too`);
      ids.set(id, where);
      strings(entry.synonyms).forEach((phrase, i) => {
        const key = normaliseSpoken(phrase);
        const owner = phrases.get(key);
        if (owner && owner !== id)
          problems.push(`safety.json ${id}: /synonyms/${i} "${phrase}" already means ${owner}`);
        phrases.set(key, id);
      });
    });
  }
  return problems;
}
