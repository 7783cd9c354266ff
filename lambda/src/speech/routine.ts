/**
 * What the routine controls say: a paused hold, how long is left, a stopped routine, the stop rules.
 * Every sentence comes from i18n/en/routine.json (and safety.json for the stop rules); the cues said
 * inside turns are in routine-cues.ts.
 */
import { catalogueFor } from '../core/catalogue';
import { planName, type RoutinePlan } from '../core/routine/plan';
import { remainingHoldMs, type ResumePoint } from '../core/routine/progress';
import type { Translate } from '../i18n';
import { formatDuration, formatList } from './duration';
import { stepWhat } from './routine-cues';
import { stopRules } from './safety';

/** Whole seconds, at least one: "1 second" rather than "0 seconds" for what is nearly over. */
export function spokenSeconds(ms: number): number {
  return Math.max(1, Math.round(ms / 1000));
}

/** Where a paused routine stands: "Paused before B L 23." / "Paused with 40 seconds left on B L 23." */
export function pausedSpeech(
  t: Translate,
  plan: RoutinePlan,
  paused: ResumePoint,
  key: 'paused' | 'timeLeft',
): string {
  const what = stepWhat(t, plan.steps[paused.index]);
  if (paused.remainingMs === undefined) {
    return t(key === 'paused' ? 'routine.paused.before' : 'routine.timeLeft.pausedBefore', { what });
  }
  const duration = formatDuration(t, spokenSeconds(paused.remainingMs));
  return t(key === 'paused' ? 'routine.paused.holding' : 'routine.timeLeft.paused', { what, duration });
}

/** "About 4 minutes of holds to go in the routine", when more than half a minute is left after this hold. */
export function routineLeftSpeech(
  t: Translate,
  plan: RoutinePlan,
  from: ResumePoint,
  currentMs: number,
): string {
  const total = remainingHoldMs(plan, from);
  return total - currentMs >= 30_000
    ? t('routine.timeLeft.routine', {
        duration: formatDuration(t, Math.round(total / 60_000) * 60 || spokenSeconds(total)),
      })
    : '';
}

/** The goodbye when a routine is stopped: its place kept (or done, or a one-point hold), then goodbye. */
export function stoppedSpeech(t: Translate, plan: RoutinePlan, finished: boolean, saved: boolean): string {
  let speech: string;
  if (plan.source.type !== 'routine') speech = t('routine.stopped.point');
  else if (finished) speech = t('routine.stopped.done');
  // Only a save that worked is announced; otherwise the honest notice below says what happened.
  else
    speech = saved
      ? t('routine.stopped.saved', { routine: planName(plan, catalogueFor(t.language)) })
      : t('routine.stopped.unsaved');
  return [speech, saved ? '' : t('common.storage.unavailable'), t('common.goodbye')]
    .filter(Boolean)
    .join(' ');
}

/** The full stop rules (section 3.3 of the domain reference), as the safety feature words them. */
export function fullStopRules(t: Translate): string {
  return t('safety.stopRulesAnswer', { stopRules: stopRules(t) });
}

/** "Carry on with the evening routine, at step 3 of 6?": the offer of saved progress. */
export function resumeOfferSpeech(
  t: Translate,
  routine: string,
  at: { number: number; of: number } | undefined,
): { speech: string; reprompt: string } {
  return {
    // Without a place to pick up (the routine is adjusted for the user now), it starts again.
    speech: at ? t('routine.resume.offer', { routine, ...at }) : t('routine.resume.offerAgain', { routine }),
    reprompt: t('routine.resume.offerReprompt', { routine }),
  };
}

/** How many routines are read out at a time (voice guide: lists of three). */
export const ROUTINES_PER_LIST = 3;

/**
 * Routines by name, three at a time from `from`, ending with one question: "…, and four more. Want to
 * hear them?" (`next` is where the rest starts) or, for the last ones, "Which would you like?".
 */
export function routineListSpeech(t: Translate, from = 0): { speech: string; next?: number } {
  const { routines } = catalogueFor(t.language);
  const start = Math.max(0, Math.min(Math.trunc(from), routines.length - 1));
  const shown = routines.slice(start, start + ROUTINES_PER_LIST);
  const list = formatList(
    t,
    shown.map((r) => t('routine.routineItem', { name: r.name })),
  );
  const rest = routines.length - start - shown.length;
  if (rest <= 0) return { speech: t('routine.list.last', { list }) };
  return { speech: t('routine.list.more', { list, count: rest }), next: start + shown.length };
}
