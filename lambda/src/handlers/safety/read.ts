/** Reading the safety intents' slots: a condition or red flag (ids first, then words), and a point. */
import type { HandlerInput } from 'ask-sdk-core';
import { getPoint, resolvePoint } from '../../core/catalogue';
import { getCondition, getRedFlag, resolveHealth, type HealthMatch } from '../../core/safety';
import type { Point } from '../../core/types';
import { readSlot } from '../input';

export interface HealthReading {
  match?: HealthMatch;
  /** The words the user used, when they matched nothing. */
  spoken?: string;
  /** Something was said in a condition or red-flag slot. */
  given: boolean;
}

export function readHealth(h: HandlerInput): HealthReading {
  const flagSlot = readSlot(h, 'symptom');
  const conditionSlot = readSlot(h, 'condition');
  const flag = flagSlot.id ? getRedFlag(flagSlot.id) : undefined;
  if (flag) return { match: { kind: 'red-flag', redFlag: flag }, given: true };
  // Words first for the condition slot: Alexa may put a red-flag phrase into it, and triage must win.
  for (const spoken of [flagSlot.spoken, conditionSlot.spoken]) {
    const match = spoken ? resolveHealth(spoken) : undefined;
    if (match) return { match, given: true };
  }
  const condition = conditionSlot.id ? getCondition(conditionSlot.id) : undefined;
  if (condition) return { match: { kind: 'condition', condition }, given: true };
  const spoken = conditionSlot.spoken ?? flagSlot.spoken;
  return { spoken, given: Boolean(spoken) };
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
