/**
 * Reading the safety intents' slots: conditions, red flags and stop-rule symptoms (ids first, then
 * words, every entry a sentence names, most urgent first), an age, and a point.
 */
import type { HandlerInput } from 'ask-sdk-core';
import { getPoint, resolvePoint } from '../../core/catalogue';
import {
  ageFrom,
  getCondition,
  getRedFlag,
  healthEntry,
  matchId,
  resolveStatement,
  urgency,
  type HealthMatch,
} from '../../core/safety';
import type { Point } from '../../core/types';
import { readSlot } from '../input';

export interface HealthReading {
  /** Every entry named, most urgent first. */
  matches: HealthMatch[];
  /** The most urgent of them. */
  match?: HealthMatch;
  /** An age said as a number ("I'm 65"). */
  age?: number;
  /** The words the user used, when they matched nothing. */
  spoken?: string;
  /** The unmatched words came after a health carrier ("I have…", "my…", "I can't…"), not "I'm…". */
  statement: boolean;
  /** Something was said in a health slot. */
  given: boolean;
}

/** Slots that carry health words: `statement` follows "I have / my / I can't", `state` follows "I'm". */
const SLOTS = ['symptom', 'condition', 'statement', 'state', 'other'] as const;

export function readHealth(h: HandlerInput): HealthReading {
  const matches: HealthMatch[] = [];
  const add = (match: HealthMatch | undefined) => {
    if (match && !matches.some((m) => matchId(m) === matchId(match))) matches.push(match);
  };
  let spoken: string | undefined;
  let statement = false;
  for (const name of SLOTS) {
    const slot = readSlot(h, name);
    // Words first: Alexa may resolve a whole sentence to one of the entries it names, and the most
    // urgent one must win.
    const fromWords = slot.spoken ? resolveStatement(slot.spoken) : [];
    fromWords.forEach(add);
    if (fromWords.length === 0 && slot.id) {
      const byId =
        name === 'symptom'
          ? getRedFlag(slot.id) && healthEntry(slot.id)
          : name === 'condition'
            ? getCondition(slot.id) && healthEntry(slot.id)
            : healthEntry(slot.id);
      add(byId);
    }
    if (fromWords.length === 0 && !slot.id && slot.spoken) {
      spoken ??= slot.spoken;
      if (name !== 'state' && name !== 'other') statement = true;
    }
  }
  const ageSlot = readSlot(h, 'age');
  const age = ageSlot.spoken ? ageFrom(ageSlot.spoken) : undefined;
  if (ageSlot.spoken && age === undefined) spoken ??= ageSlot.spoken;
  matches.sort((a, b) => urgency(a) - urgency(b));
  return {
    matches,
    match: matches[0],
    age,
    spoken,
    statement,
    given: matches.length > 0 || age !== undefined || spoken !== undefined,
  };
}

export interface PointReading {
  point?: Point;
  spoken?: string;
  given: boolean;
}

export function readPoint(h: HandlerInput): PointReading {
  const slot = readSlot(h, 'point');
  const point =
    (slot.id ? getPoint(slot.id) : undefined) ?? (slot.spoken ? resolvePoint(slot.spoken)?.point : undefined);
  return { point, spoken: slot.spoken, given: Boolean(slot.spoken || slot.id) };
}
