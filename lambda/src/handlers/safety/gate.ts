/**
 * The safety gate a routine passes before it starts. The routine feature calls `routineGate(h)`
 * when the user asks to start a routine and:
 *  - `blocked`: says `speech` (a red flag or a stop-tier condition was mentioned this session; the
 *    speech explains why and what care to get) and does not start anything;
 *  - `breathing-only` or `adjust`: calls `plan(requested)` and runs `plan.routine`, saying
 *    `plan.speech` (one sentence, empty when nothing changed) before the first step, then calls
 *    `recordAdjustment(h, plan)` so "what did you change?" can explain it.
 * `routinesBlocked(h)` is the synchronous check for continuing a routine already under way ("next",
 * "resume") after a red flag was said mid-routine.
 */
import type { HandlerInput } from 'ask-sdk-core';
import {
  adjustPlanFrom,
  adjustRoutine,
  blockers,
  breathingOnlyReasons,
  type RoutineChange,
} from '../../core/safety';
import type { RoutinePlan } from '../../core/routine/plan';
import type { Routine } from '../../core/types';
import { lightenRoutine, pressesHarderThanLight } from '../../core/safety';
import { catalogueOf, translatorOf } from '../input';
import { blockedSpeech, changesSentence } from '../../speech/safety';
import { loadStoredProfile, patchSafety, profileOf, readSafety } from './health-profile';

/** A routine made safe for the user, with what changed and the sentence that says so. */
export interface SafeRoutine {
  routine: Routine;
  changes: RoutineChange[];
  /** SSML-safe; '' when nothing changed. */
  speech: string;
}

export type RoutineGate =
  | { kind: 'blocked'; speech: string; reprompt: string }
  | { kind: 'breathing-only' | 'adjust'; plan: (requested: Routine) => SafeRoutine };

export async function routineGate(h: HandlerInput): Promise<RoutineGate> {
  const t = translatorOf(h);
  const profile = profileOf(await loadStoredProfile(h), catalogueOf(h).safety);
  const blocking = blockers(profile);
  if (blocking.length > 0) {
    return {
      kind: 'blocked',
      speech: blockedSpeech(t, blocking),
      reprompt: t('safety.gate.blockedReprompt'),
    };
  }
  const breathingOnly = breathingOnlyReasons(profile).length > 0;
  const { lighter } = readSafety(h);
  return {
    kind: breathingOnly ? 'breathing-only' : 'adjust',
    plan(requested) {
      const adjusted = adjustRoutine(requested, profile, catalogueOf(h).safety);
      // "Carry on lighter" after a stop-rule symptom holds for every routine and hold this session.
      const routine = lighter ? lightenRoutine(adjusted.routine, catalogueOf(h).safety) : adjusted.routine;
      const lightened = lighter && pressesHarderThanLight(adjusted.routine);
      const speech = [
        changesSentence(t, adjusted.changes),
        breathingOnly ? t('safety.gate.breathingAdvice') : '',
        lightened ? t('safety.gate.lighter') : '',
      ]
        .filter(Boolean)
        .join(' ');
      return { routine, changes: adjusted.changes, speech };
    },
  };
}

/** Keeps the adjustment in the session so "what did you change?" can explain it. */
export function recordAdjustment(h: HandlerInput, safe: SafeRoutine): void {
  patchSafety(h, {
    adjusted: safe.changes.length > 0 ? { routineName: safe.routine.name, changes: safe.changes } : undefined,
  });
}

/** True when a red flag or a stop-tier condition was mentioned this session. */
export function routinesBlocked(h: HandlerInput): boolean {
  return blockers(profileOf(readSafety(h), catalogueOf(h).safety)).length > 0;
}

/** The rest of a routine under way, re-made for the profile in force now (see `adjustPlanFrom`). */
export interface ReplannedRoutine {
  plan: RoutinePlan;
  changes: RoutineChange[];
  /** The hold at the index is unchanged, so what was left of it can be resumed. */
  currentKept: boolean;
  /** One sentence saying what changes from here on (SSML-safe); '' when nothing changed. */
  speech: string;
}

/**
 * The same gate, for a routine already under way: the plan from `index` on, under the session's
 * profile (the stored one was loaded when the routine started). Undefined when nothing changes.
 */
export function replanFrom(h: HandlerInput, plan: RoutinePlan, index: number): ReplannedRoutine | undefined {
  const t = translatorOf(h);
  const profile = profileOf(readSafety(h), catalogueOf(h).safety);
  if (blockers(profile).length > 0) return undefined;
  const { plan: next, changes, currentKept } = adjustPlanFrom(plan, index, profile, catalogueOf(h).safety);
  if (next === plan) return undefined;
  const breathingOnly = changes.some((c) => c.kind === 'breathing-only');
  const sentence = changesSentence(t, changes, 'routine.replan.sentence');
  const speech = breathingOnly ? `${sentence} ${t('safety.gate.breathingAdvice')}` : sentence;
  return { plan: next, changes, currentKept, speech };
}
