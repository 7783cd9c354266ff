/**
 * Unfinished routines across sessions: saved when a session ends, stops or pauses; offered back at
 * launch and on "resume my routine". Saved progress is untrusted like any stored data: stale (over
 * 24 h) or malformed progress is never resumed.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { getRoutine } from '../../core/catalogue';
import { planRoutine, sourceCount, type PlannedStep } from '../../core/routine/plan';
import type { Routine } from '../../core/types';
import { routineGate } from '../safety/gate';
import { startRoutine } from './start';
import {
  parseSavedProgress,
  saveProgress,
  type Parsed,
  type RoutineState,
  type SavedProgress,
} from '../../core/routine/session';
import { loadUser, saveUser } from '../../persistence/user-store';
import { updateSession } from '../../state/session';
import { tr } from '../input';
import { stopRulesLead } from '../safety/stop-rules';
import { playTurn } from './respond';
import { nowOf } from './state';

export const PROGRESS_FIELD = 'routineProgress';

export type SavedRead = { status: 'none' } | Parsed<SavedProgress>;

export async function readSaved(h: HandlerInput): Promise<SavedRead> {
  const { record } = await loadUser(h);
  const raw = record[PROGRESS_FIELD];
  if (raw === undefined || raw === null) return { status: 'none' };
  return parseSavedProgress(raw, nowOf(h));
}

/**
 * Saves where the user is in a routine (or clears it when the routine is over). One-point holds are
 * not kept. Returns false when storage failed.
 */
export async function saveRoutineProgress(h: HandlerInput, state: RoutineState): Promise<boolean> {
  if (state.plan.source.type !== 'routine') return true;
  const progress = saveProgress(state, nowOf(h));
  return saveUser(h, { [PROGRESS_FIELD]: progress });
}

export function routineNameOf(progress: SavedProgress): string {
  return progress.plan.source.type === 'routine'
    ? (getRoutine(progress.plan.source.id)?.name ?? progress.plan.source.id)
    : progress.plan.source.code;
}

/** "At step 3 of 6": the routine step number of a saved plan index. */
export function stepNumberOf(progress: SavedProgress): { number: number; of: number } {
  const sources = new Set(progress.plan.steps.slice(0, progress.index + 1).map((s) => s.source));
  return { number: sources.size, of: sourceCount(progress.plan) };
}

/** The offer said at launch when there is something to carry on with. */
export function resumeOfferSpeech(
  h: HandlerInput,
  progress: SavedProgress,
): { speech: string; reprompt: string } {
  const t = tr(h);
  const routine = routineNameOf(progress);
  updateSession(h, { offer: { kind: 'resume' } });
  return {
    speech: t('routine.resume.offer', { routine, ...stepNumberOf(progress) }),
    reprompt: t('routine.resume.offerReprompt', { routine }),
  };
}

/** True when the saved plan is what the user's safety profile would make of the routine now. */
async function matchesProfile(h: HandlerInput, routine: Routine, progress: SavedProgress): Promise<boolean> {
  const gate = await routineGate(h);
  if (gate.kind === 'blocked') return false;
  const safe = gate.plan(routine);
  const expected = planRoutine(routine, {
    holdScale: progress.plan.holdScale,
    transform: () => safe.routine,
  });
  const key = (steps: PlannedStep[]) =>
    JSON.stringify(
      steps.map((s) => [s.source, s.kind, s.points, s.side, s.seconds, s.pressure, s.tools, s.cue]),
    );
  return key(expected.steps) === key(progress.plan.steps);
}

/** Picks the saved routine up where it was left, or says why it can't. */
export async function resumeSaved(h: HandlerInput): Promise<Response> {
  const t = tr(h);
  updateSession(h, { offer: undefined });
  const saved = await readSaved(h);
  if ('ok' in saved && saved.ok) {
    const progress = saved.value;
    const routine = progress.plan.source.type === 'routine' ? getRoutine(progress.plan.source.id) : undefined;
    // Saved under another safety profile (a condition said since): start again, adjusted for it.
    if (routine && !(await matchesProfile(h, routine, progress))) {
      return startRoutine(h, routine, { note: t('routine.resume.readjusted') });
    }
    const lead = [
      t('routine.resume.welcomeBack', { routine: routineNameOf(progress) }),
      stopRulesLead(h, routine),
    ];
    return playTurn(h, progress.plan, { index: progress.index, remainingMs: progress.remainingMs }, { lead });
  }
  let speech = t('routine.resume.none');
  if ('ok' in saved) {
    // Unusable progress is dropped so it is not offered again.
    await saveUser(h, { [PROGRESS_FIELD]: undefined });
    speech = saved.problem === 'stale' ? t('routine.resume.stale') : t('routine.lostTrack');
  }
  return h.responseBuilder.speak(speech).reprompt(t('routine.lostTrackReprompt')).getResponse();
}
