/**
 * What the routine questions say ("where am I", "which side", "how many more", "what's next"), the
 * honest answers to controls not built yet (slower, faster, fewer cues), and the help and fallback
 * that know where the user is. Every sentence comes from i18n/en/controls.json.
 */
import type { RoutinePlan } from '../core/routine/plan';
import { remainingHoldMs, type ResumePoint } from '../core/routine/progress';
import type { Translate } from '../i18n';
import { formatDuration } from './duration';
import { spokenSeconds } from './routine';
import { stepWhat } from './routine-cues';

/** "step 2 of 6": routine steps (both sides of a step are one step). */
export function stepLabel(t: Translate, plan: RoutinePlan, index: number): string {
  const sources = [...new Set(plan.steps.map((s) => s.source))];
  const n = sources.indexOf(plan.steps[index].source) + 1;
  return t('controls.step', { n, m: sources.length });
}

function sideOf(t: Translate, plan: RoutinePlan, index: number): string {
  return t(`controls.side.${plan.steps[index].side}`);
}

function stepFields(t: Translate, plan: RoutinePlan, index: number) {
  return {
    step: stepLabel(t, plan, index),
    what: stepWhat(t, plan.steps[index]),
    side: sideOf(t, plan, index),
  };
}

/** Where the user is: step, point, side and time left. */
export function whereSpeech(
  t: Translate,
  plan: RoutinePlan,
  at: 'holding' | 'announcing' | 'paused' | 'between',
  point: ResumePoint,
): string {
  if (at === 'between') {
    const done = stepLabel(t, plan, Math.max(0, point.index - 1));
    return t('controls.where.between', { ...stepFields(t, plan, point.index), done });
  }
  const fields = stepFields(t, plan, point.index);
  if (at === 'announcing') return t('controls.where.announcing', fields);
  const duration = point.remainingMs === undefined ? '' : formatDuration(t, spokenSeconds(point.remainingMs));
  if (at === 'paused' && point.remainingMs === undefined) return t('controls.where.pausedBefore', fields);
  return t(at === 'paused' ? 'controls.where.paused' : 'controls.where.holding', { ...fields, duration });
}

/** "This one is the left side." (between holds: the next one). */
export function whichSideSpeech(t: Translate, plan: RoutinePlan, index: number, upcoming: boolean): string {
  const step = plan.steps[index];
  return t(`controls.whichSide.${upcoming ? 'next' : 'now'}.${step.side}`, { what: stepWhat(t, step) });
}

/** Steps after this one and the minutes they take; between holds, the steps still to do. */
export function howManySpeech(t: Translate, plan: RoutinePlan, point: ResumePoint, between: boolean): string {
  const current = plan.steps[point.index]?.source;
  const later = new Set(plan.steps.slice(point.index).map((s) => s.source));
  if (!between) later.delete(current);
  const count = later.size;
  if (count === 0) return t('controls.howMany.last');
  const from = between ? point : { index: plan.steps.findIndex((s) => later.has(s.source)) };
  const total = remainingHoldMs(plan, { index: from.index });
  const duration = formatDuration(
    t,
    total >= 90_000 ? Math.round(total / 60_000) * 60 : spokenSeconds(total),
  );
  return t(between ? 'controls.howMany.between' : 'controls.howMany.more', { count, duration });
}

/** The step after the current one ("Next is step 3 of 6: B L 52, both sides together."). */
export function whatsNextSpeech(t: Translate, plan: RoutinePlan, nextIndex: number): string {
  if (nextIndex >= plan.steps.length) return t('controls.whatsNext.last');
  return t('controls.whatsNext.next', stepFields(t, plan, nextIndex));
}

/** Help mid-routine: the routine is paused, and three things that fit. */
export function routineHelpSpeech(t: Translate, plan: RoutinePlan, paused: ResumePoint): string {
  return t('controls.help.paused', { what: stepWhat(t, plan.steps[paused.index]) });
}

/** The first miss while paused: where the user is and three things to say. */
export function pausedFallbackSpeech(t: Translate, plan: RoutinePlan, paused: ResumePoint): string {
  const what = stepWhat(t, plan.steps[paused.index]);
  if (paused.remainingMs === undefined) return t('controls.fallback.pausedBefore', { what });
  return t('controls.fallback.paused', {
    what,
    duration: formatDuration(t, spokenSeconds(paused.remainingMs)),
  });
}

/** The first miss between holds: what "next" plays. */
export function betweenFallbackSpeech(t: Translate, plan: RoutinePlan, index: number): string {
  return t('controls.fallback.between', { what: stepWhat(t, plan.steps[index]) });
}
