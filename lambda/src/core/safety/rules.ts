/**
 * The safety rules from data/safety.json (validated at build time by scripts/validate-data.ts), and
 * look-ups from what a user said to a condition, a red flag or a stop-rule symptom. A phrase
 * resolves to exactly one of them (validation checks that no phrase is in two entries); a sentence
 * that names several ("a fever and back pain", "numb legs and I can't pee") gives them all, the
 * most urgent first.
 */
import safetyFile from '../../../../data/safety.json';
import { normaliseSpoken } from '../spoken-forms';
import { phrasingForms, stripCarrier } from './phrasings';
import type { PointCode } from '../types';
import type { Condition, RedFlag, SafetyData, StepText, StopSymptom } from './types';

export const safetyData = safetyFile as SafetyData;
export const conditions: readonly Condition[] = safetyData.conditions;
export const redFlags: readonly RedFlag[] = safetyData.redFlags;
export const stopSymptoms: readonly StopSymptom[] = safetyData.stopSymptoms;

/**
 * Spoken forms of a condition, red flag or stop-rule symptom: its name, its synonyms and the ways
 * people say it in the phrasing corpus (whole, and without the carrier: "I can't pee" → "pee"),
 * deduplicated by their folded form.
 */
export function healthSpokenForms(entry: { id: string; name: string; synonyms: string[] }): string[] {
  const seen = new Set<string>();
  return [entry.name, ...entry.synonyms, ...phrasingForms(entry.id)].filter((form) => {
    const key = normaliseSpoken(form);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type HealthMatch =
  | { kind: 'condition'; condition: Condition }
  | { kind: 'red-flag'; redFlag: RedFlag }
  | { kind: 'stop-symptom'; symptom: StopSymptom };

/** Spoken-form look-ups, built on the first safety question rather than at every cold start. */
let index: Map<string, HealthMatch> | undefined;
function healthIndex(): Map<string, HealthMatch> {
  if (!index) {
    index = new Map();
    const add = (forms: string[], match: HealthMatch) => {
      for (const f of forms) {
        const key = normaliseSpoken(f);
        if (!index?.has(key)) index?.set(key, match);
      }
    };
    for (const r of redFlags) add(healthSpokenForms(r), { kind: 'red-flag', redFlag: r });
    for (const c of conditions) add(healthSpokenForms(c), { kind: 'condition', condition: c });
    for (const s of stopSymptoms) add(healthSpokenForms(s), { kind: 'stop-symptom', symptom: s });
  }
  return index;
}

/** Leading words people add that do not change the meaning: "my", "really", "some". */
function withoutFiller(key: string): string {
  return key
    .replace(/^(yes|yeah|well|and|also|but|oh|um|so) /, '')
    .replace(/^(my|some|really|very bad|bad|a bit of|a lot of) /, '')
    .replace(/ (as well|too|also|now|today|again)$/, '');
}

/** "a fever and back pain" → "a fever": the back pain is what the guide is for, not a warning sign. */
function withoutBackPain(key: string): string {
  return key
    .replace(/ (and|with|plus) (my |some |a )?(lower )?back (pain|ache|hurts|hurting|is sore)$/, '')
    .replace(/^(i have |ive got |i got )?(lower )?back (pain|ache) (and|with|plus) /, '');
}

export function getCondition(id: string): Condition | undefined {
  return conditions.find((c) => c.id === id);
}

export function getRedFlag(id: string): RedFlag | undefined {
  return redFlags.find((r) => r.id === id);
}

export function getStopSymptom(id: string): StopSymptom | undefined {
  return stopSymptoms.find((s) => s.id === id);
}

/** Any entry by id: the slot type HealthWords uses entry ids across the three lists. */
export function healthEntry(id: string): HealthMatch | undefined {
  const redFlag = getRedFlag(id);
  if (redFlag) return { kind: 'red-flag', redFlag };
  const condition = getCondition(id);
  if (condition) return { kind: 'condition', condition };
  const symptom = getStopSymptom(id);
  return symptom ? { kind: 'stop-symptom', symptom } : undefined;
}

export function matchId(match: HealthMatch): string {
  if (match.kind === 'red-flag') return match.redFlag.id;
  if (match.kind === 'condition') return match.condition.id;
  return match.symptom.id;
}

const CONDITION_RANK = { stop: 1, check: 4, light: 5, dont: 6 } as const;
const FLAG_RANK = { emergency: 0, urgent: 1, 'adults-only': 2, clinician: 7 } as const;

/**
 * How urgent a match is, lower first: emergencies, same-day care, adults only, a stop-rule symptom,
 * then conditions by tier, then "worth seeing a clinician". Ties keep the data's order.
 */
export function urgency(match: HealthMatch): number {
  if (match.kind === 'red-flag') return FLAG_RANK[match.redFlag.care] * 100 + redFlags.indexOf(match.redFlag);
  if (match.kind === 'stop-symptom') return 300 + stopSymptoms.indexOf(match.symptom);
  const { condition } = match;
  const rank =
    condition.tier === 'stop' && condition.care === 'emergency' ? 0 : CONDITION_RANK[condition.tier];
  return rank * 100 + 50 + conditions.indexOf(condition);
}

function lookUp(key: string): HealthMatch | undefined {
  const found = healthIndex();
  for (const k of [key, withoutFiller(key), withoutBackPain(key), withoutBackPain(withoutFiller(key))]) {
    const match = found.get(k) ?? found.get(stripCarrier(k).remainder);
    if (match) return match;
  }
  return undefined;
}

/**
 * Everything a sentence names, most urgent first: the whole sentence if it is a known phrase,
 * otherwise each part of it ("numb legs and I can't pee" → both legs, bladder).
 */
export function resolveStatement(spoken: string): HealthMatch[] {
  const key = normaliseSpoken(spoken);
  if (key === '') return [];
  const whole = lookUp(key);
  if (whole) return [whole];
  const parts = key.split(/ (?:and|with|plus|but|also|as well as|or) |, /).filter((p) => p !== '');
  const found: HealthMatch[] = [];
  for (const part of parts.length > 1 ? parts : []) {
    const match = lookUp(part);
    if (match && !found.some((m) => matchId(m) === matchId(match))) found.push(match);
  }
  return found.sort((a, b) => urgency(a) - urgency(b));
}

/** What a user said ("warfarin", "numbness between my legs") as the most urgent entry it names. */
export function resolveHealth(spoken: string): HealthMatch | undefined {
  return resolveStatement(spoken)[0];
}

/**
 * A red flag that these words only hint at ("morning stiffness" for the inflammatory pattern): the
 * skill asks its question before anything else.
 */
export function hintedRedFlag(spoken: string): RedFlag | undefined {
  const key = normaliseSpoken(spoken);
  const keys = [key, withoutFiller(key), stripCarrier(key).remainder, withoutBackPain(key)];
  return redFlags.find((r) => r.askFirst?.when.some((w) => keys.includes(normaliseSpoken(w))));
}

/**
 * The hands-only version of a step done with a tool (a ball, a rolled towel) on `points`: its
 * position and cue, pressed lightly with the fingers. Validation guarantees one for every tool step.
 */
export function handsOnlyVersion(points: readonly PointCode[]): StepText | undefined {
  const found = safetyData.noToolSteps.find(
    (n) => n.points.length === points.length && n.points.every((p) => points.includes(p)),
  );
  return found ? { position: found.position, cue: found.cue } : undefined;
}
