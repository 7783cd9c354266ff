/**
 * The routine engine's phrasebook: each cue of core/routine/timeline.ts in words, through i18n.
 * Point names and codes come from the catalogue, so what is spoken never comes from session state
 * except the step's own position and technique text (escaped by the translator).
 */
import { getPoint, getRoutine } from '../core/catalogue';
import { boundedMemo } from '../core/memo';
import type { PlannedStep } from '../core/routine/plan';
import type { Cue, Phrasebook } from '../core/routine/timeline';
import type { PointCode, Routine } from '../core/types';
import type { Translate } from '../i18n';
import { formatDuration, formatList } from './duration';
import { speakableCode } from './ssml';

/**
 * What is said before a routine's first hold: what we're doing and how long it takes, what the
 * safety gate changed (`changes`, already SSML, '' for nothing), an optional note, the stop rules
 * and the controls.
 */
export function routineOpening(
  t: Translate,
  routine: Pick<Routine, 'name' | 'approxMinutes'>,
  changes = '',
  note = '',
  said: { stopRules?: string; fingerWidth?: string } = {},
): string[] {
  return [
    t('routine.intro.routine', { routine: routine.name, minutes: routine.approxMinutes }),
    changes,
    note,
    said.stopRules ?? t('routine.stopRules'),
    said.fingerWidth ?? '',
    t('routine.intro.controls'),
  ].filter(Boolean);
}

/** What is said before a timed hold of one point: which point, what the gate changed, the stop rules. */
export function pointHoldOpening(t: Translate, code: PointCode, changes = '', stopRules?: string): string[] {
  return [
    t('routine.intro.point', { code: speakableCode(code) }),
    changes,
    stopRules ?? t('routine.stopRules'),
  ].filter(Boolean);
}

/** "B L 23" for a point step, "slow breathing" for the others; several points joined with "and". */
export function stepWhat(t: Translate, step: PlannedStep): string {
  if (step.kind === 'point' && step.points.length > 0) {
    return formatList(
      t,
      step.points.map((code) => speakableCode(code)),
    );
  }
  return t(`routine.cue.what.${step.kind === 'point' ? 'palms' : step.kind}`);
}

function pointNames(step: PlannedStep): string {
  return step.points.map((code) => getPoint(code)?.names[0] ?? code).join(' and ');
}

/** A cache key that identifies what a cue says (the step's words, not its object identity). */
function cueKey(cue: Cue): string {
  switch (cue.type) {
    case 'announce':
      return `a|${cue.order}|${cue.number}/${cue.of}|${stepKey(cue.step)}`;
    case 'finished':
      return `f|${cue.plan.source.type === 'routine' ? cue.plan.source.id : cue.plan.source.code}`;
    case 'ready-for-next':
      return `r|${stepKey(cue.next)}`;
    case 'breathe-in':
    case 'breathe-out':
      return cue.type;
    default:
      return `${cue.type}|${stepKey(cue.step)}`;
  }
}

function stepKey(step: PlannedStep): string {
  return `${step.kind}|${step.points.join(',')}|${step.side}|${step.seconds}|${step.pressure}|${step.position}|${step.cue}`;
}

const phrasebooks = new Map<Translate, Phrasebook>();
const MAX_CACHED = 2000;

/** The phrasebook for a translator. Cues repeat across turns, so their words are memoised. */
export function routinePhrasebook(t: Translate): Phrasebook {
  const known = phrasebooks.get(t);
  if (known) return known;
  const phrasebook: Phrasebook = boundedMemo(uncachedPhrasebook(t), { limit: MAX_CACHED, key: cueKey });
  phrasebooks.set(t, phrasebook);
  return phrasebook;
}

function uncachedPhrasebook(t: Translate): Phrasebook {
  return (cue: Cue): string => {
    switch (cue.type) {
      case 'announce': {
        const { step } = cue;
        const values = {
          order: t(`routine.cue.order.${cue.order}`),
          duration: formatDuration(t, step.seconds),
          position: step.position,
          cue: step.cue,
        };
        const speech =
          step.kind === 'point'
            ? t('routine.cue.announcePoint', {
                ...values,
                code: stepWhat(t, step),
                name: pointNames(step),
                side: t(`routine.cue.side.${step.side}`),
              })
            : t('routine.cue.announceOther', { ...values, what: stepWhat(t, step) });
        return speech.trim();
      }
      case 'switch-sides':
        return t('routine.cue.switchSides');
      case 'back-to':
        return cue.step.kind === 'point'
          ? t('routine.cue.backToPoint', { code: stepWhat(t, cue.step) })
          : t('routine.cue.backToOther', { what: stepWhat(t, cue.step) });
      case 'press':
        return cue.step.kind === 'point'
          ? t(`routine.cue.press.${cue.step.pressure === 'none' ? 'light' : cue.step.pressure}`)
          : t(`routine.cue.press.${cue.step.kind}`);
      case 'breathe':
        return t('routine.cue.breathe');
      case 'breathe-in':
        return t('routine.cue.breatheIn');
      case 'breathe-out':
        return t('routine.cue.breatheOut');
      case 'halfway':
        return t('routine.cue.halfway');
      case 'release':
        return t(`routine.cue.release.${cue.step.kind}`);
      case 'ready-for-next':
        return t('routine.cue.readyForNext', { what: stepWhat(t, cue.next) });
      case 'finished': {
        const routine = cue.plan.source.type === 'routine' ? getRoutine(cue.plan.source.id) : undefined;
        return routine
          ? t('routine.cue.finishedRoutine', { routine: routine.name, closing: routine.closing })
          : t('routine.cue.finishedPoint');
      }
    }
  };
}
