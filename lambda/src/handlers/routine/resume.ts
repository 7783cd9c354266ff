/**
 * Unfinished routines across sessions: saved when a session ends, stops or pauses; offered back at
 * launch and on "resume my routine". Saved progress is untrusted like any stored data: stale (over
 * 24 h) or malformed progress is never resumed.
 *
 * Only the routine's id, the position and the hold-length preference are stored, never the plan:
 * a plan is adjusted for the user's health, and health-derived data is stored only after the user's
 * own "remember". On resume the plan is made again from the profile in force then (what is
 * remembered, and what the user has said this session). When that profile adjusts the routine, it
 * starts again from the beginning, adjusted: the saved position belongs to a plan not kept.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { planRoutine, sourceCount, stepNumber, type RoutinePlan } from '../../core/routine/plan';
import { resumeOfferSpeech } from '../../speech/routine';
import {
  parseSavedProgress,
  resumePointIn,
  saveProgress,
  type Parsed,
  type ResumePoint,
  type RoutineState,
  type SavedProgress,
} from '../../core/routine/progress';
import type { Routine } from '../../core/types';
import { loadUser, saveUser } from '../../persistence/user-store';
import { updateSession } from '../conversation';
import { catalogueOf, translatorOf } from '../input';
import { ask } from '../reply';
import { recordAdjustment, routineGate } from '../safety/gate';
import { stopRulesLead } from '../safety/stop-rules';
import { playTurn } from './respond';
import { startRoutine } from './start';
import { nowOf } from './routine-attribute';
import { voiceOf } from './voice-preference';

export const PROGRESS_FIELD = 'routineProgress';

export type SavedRead = { status: 'none' } | { status: 'unavailable' } | Parsed<SavedProgress>;

export async function readSaved(h: HandlerInput): Promise<SavedRead> {
  const { record, ok, configured } = await loadUser(h);
  if (!ok && configured) return { status: 'unavailable' };
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

export function routineNameOf(h: HandlerInput, progress: SavedProgress): string {
  return catalogueOf(h).getRoutine(progress.routine)?.name ?? progress.routine;
}

/** The routine as it would be guided now, under the profile in force, with where to pick it up. */
interface Replanned {
  routine: Routine;
  plan: RoutinePlan;
  /** Undefined when the profile adjusts the routine now (it starts again) or the hold is gone. */
  point?: ResumePoint;
}

/**
 * Saved progress holds no health-derived plan (only the routine, the position and the hold length),
 * so the plan is made again under the profile in force now: the remembered one, or what the user
 * has said in this session.
 */
async function replan(h: HandlerInput, progress: SavedProgress): Promise<Replanned | undefined> {
  const routine = catalogueOf(h).getRoutine(progress.routine);
  if (!routine) return undefined;
  const gate = await routineGate(h);
  const voice = await voiceOf(h);
  if (gate.kind === 'blocked')
    return { routine, plan: planRoutine(routine, { holdScale: progress.holdScale, voice }) };
  const safe = gate.plan(routine);
  const plan = planRoutine(routine, {
    holdScale: progress.holdScale,
    voice,
    transform: () => safe.routine,
  });
  const adjusted = safe.changes.length > 0;
  return { routine, plan, point: adjusted ? undefined : resumePointIn(plan, progress) };
}

/** The offer said at launch when there is something to carry on with; "yes" then resumes it. */
export async function offerResume(
  h: HandlerInput,
  progress: SavedProgress,
): Promise<{ speech: string; reprompt: string }> {
  updateSession(h, { offer: { kind: 'resume' } });
  const again = await replan(h, progress);
  const at = again?.point
    ? { number: stepNumber(again.plan, again.point.index), of: sourceCount(again.plan) }
    : undefined;
  return resumeOfferSpeech(translatorOf(h), routineNameOf(h, progress), at);
}

/** Picks the saved routine up where it was left, or says why it can't. */
export async function resumeSaved(h: HandlerInput): Promise<Response> {
  const t = translatorOf(h);
  updateSession(h, { offer: undefined });
  const saved = await readSaved(h);
  if ('ok' in saved && saved.ok) {
    const progress = saved.value;
    const again = await replan(h, progress);
    if (again && !again.point) {
      // Adjusted for the user now (or the hold is gone): start again, adjusted, through the gate.
      return startRoutine(h, again.routine, { note: t('routine.resume.readjusted') });
    }
    if (again?.point) {
      const gate = await routineGate(h);
      if (gate.kind !== 'blocked') recordAdjustment(h, gate.plan(again.routine));
      const lead = [
        t('routine.resume.welcomeBack', { routine: routineNameOf(h, progress) }),
        (await stopRulesLead(h, again.routine)).speech,
      ];
      return playTurn(h, again.plan, again.point, { lead });
    }
  }
  let speech = t('routine.resume.none');
  if ('status' in saved && saved.status === 'unavailable') {
    speech = t('routine.resume.unavailable');
  } else if ('ok' in saved) {
    // Unusable progress is dropped so it is not offered again.
    await saveUser(h, { [PROGRESS_FIELD]: undefined });
    speech = !saved.ok && saved.problem === 'stale' ? t('routine.resume.stale') : t('routine.lostTrack');
  }
  return ask(h, speech, t('routine.lostTrackReprompt'));
}
