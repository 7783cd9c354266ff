/**
 * The routine engine's phrasebook: each cue of core/routine/timeline.ts in words, through i18n.
 * Point names and codes come from the catalogue, so what is spoken never comes from session state
 * except the step's own position and technique text (escaped by the translator).
 */
import { catalogueFor } from '../core/catalogue';
import { boundedMemo } from '../core/memo';
import type { PlannedStep } from '../core/routine/plan';
import type { Cue, Phrasebook } from '../core/routine/timeline';
import type { PointCode, Routine } from '../core/types';
import type { Translate } from '../i18n';
import { escapeSsml } from '../i18n/escape';
import { formatDuration, formatList } from './duration';
import { speakableCode } from './ssml';

/**
 * What is said before a routine's first hold: what we're doing and how long it takes, what the
 * safety gate changed (`changes`, already SSML, '' for nothing), an optional note, the stop rules
 * and the "Alexa, pause" tip; for a user who has started a routine before (`returning`), a shorter
 * introduction and no tip. `stopRules: ''` leaves the stop rules to be said elsewhere (a returning
 * user hears the one-line reminder as the first words of the first hold).
 */
export function routineOpening(
  t: Translate,
  routine: Pick<Routine, 'name' | 'approxMinutes'>,
  changes = '',
  note = '',
  said: { stopRules?: string; fingerWidth?: string; returning?: boolean } = {},
): string[] {
  const intro = said.returning ? 'routine.intro.routineReturning' : 'routine.intro.routine';
  return [
    t(intro, { routine: routine.name, minutes: spokenMinutes(t, routine.approxMinutes) }),
    changes,
    note,
    said.stopRules ?? t('routine.stopRules'),
    said.fingerWidth ?? '',
    said.returning ? '' : t('routine.intro.controls'),
  ].filter(Boolean);
}

/**
 * A number of minutes as said after "about": "5 minutes", "4 and a half minutes" for 4.5. The
 * whole phrase is one plural-aware resource per language ("sept minutes et demie", "siete minutos y
 * medio", "eineinhalb Minuten"), since the half sits in a different place in each.
 */
export function spokenMinutes(t: Translate, minutes: number): string {
  const whole = Math.floor(minutes);
  return minutes - whole >= 0.5
    ? t('routine.intro.halfMinutes', { count: whole })
    : t('routine.intro.minutes', { count: Math.max(1, whole) });
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

/** The step's points by their best-known names, in the translator's language ("Sea of Vitality and …"). */
function pointNames(t: Translate, step: PlannedStep): string {
  const catalogue = catalogueFor(t.language);
  return formatList(
    t,
    step.points.map((code) => catalogue.getPoint(code)?.names[0] ?? code),
  );
}

/** How many wordings each recurring cue has (`routine.cue.<key>.1` … `.3` in every language). */
export const CUE_WORDINGS = 3;

/**
 * The wording of a recurring cue: the `nth` time a cue comes up in a routine it takes wording
 * `nth mod 3`, so two cues of one kind in a row never sound the same, and a pause or a new turn
 * changes nothing (the count comes from the plan, not from what was said).
 */
function wording(t: Translate, key: string, nth: number, values?: Record<string, unknown>): string {
  const n = ((Math.trunc(nth) % CUE_WORDINGS) + CUE_WORDINGS) % CUE_WORDINGS;
  return t(`${key}.${n + 1}`, values);
}

/** A cache key that identifies what a cue says (the step's words, not its object identity). */
function cueKey(cue: Cue): string {
  switch (cue.type) {
    case 'announce':
      return `a|${cue.order}|${cue.number}/${cue.of}|${cue.brief === true}|${stepKey(cue.step)}`;
    case 'finished':
      return `f|${cue.plan.source.type === 'routine' ? cue.plan.source.id : cue.plan.source.code}`;
    case 'ready-for-next':
      return `r|${stepKey(cue.next)}`;
    case 'breathe-in':
    case 'breathe-out':
      return `${cue.type}|${cue.nth % CUE_WORDINGS}`;
    case 'back-to':
      return `${cue.type}|${stepKey(cue.step)}`;
    default:
      return `${cue.type}|${cue.nth % CUE_WORDINGS}|${stepKey(cue.step)}`;
  }
}

function stepKey(step: PlannedStep): string {
  return `${step.kind}|${step.points.join(',')}|${step.side}|${step.seconds}|${step.pressure}|${step.position}|${step.cue}`;
}

const phrasebooks = new Map<Translate, Phrasebook>();
const briefPhrasebooks = new Map<Translate, Phrasebook>();
const MAX_CACHED = 2000;

/** Press cues with a short wording for a routine the user has started before (`routine.cue.pressBrief`). */
const BRIEF_PRESS = new Set(['firm', 'moderate', 'light', 'breathing']);

/**
 * The phrasebook for a translator. Cues repeat across turns, so their words are memoised. For a
 * plan announced briefly (a routine the user has started before), each press cue is short too
 * ("Press slowly now."): the user has heard how to press, and the talk before the first press
 * stays within 20 s; "repeat" still gives the step's position and technique in full.
 */
export function routinePhrasebook(t: Translate, plan?: { brief?: true }): Phrasebook {
  const cache = plan?.brief === true ? briefPhrasebooks : phrasebooks;
  const known = cache.get(t);
  if (known) return known;
  const full = uncachedPhrasebook(t);
  const words: Phrasebook =
    plan?.brief === true
      ? (cue) => {
          if (cue.type !== 'press') return full(cue);
          const how = pressKind(cue.step);
          return BRIEF_PRESS.has(how) ? wording(t, `routine.cue.pressBrief.${how}`, cue.nth) : full(cue);
        }
      : full;
  const phrasebook: Phrasebook = Object.assign(boundedMemo(words, { limit: MAX_CACHED, key: cueKey }), {
    language: t.language,
  });
  cache.set(t, phrasebook);
  return phrasebook;
}

/** Which press wording a step takes: its pressure for a point (none: light), else its kind. */
function pressKind(step: PlannedStep): string {
  if (step.kind !== 'point') return step.kind;
  return step.pressure === 'none' ? 'light' : step.pressure;
}

function uncachedPhrasebook(t: Translate): Phrasebook {
  return (cue: Cue): string => {
    switch (cue.type) {
      case 'announce': {
        const { step } = cue;
        // A brief first announcement needs no "First,": the routine has just been named.
        const order = cue.brief === true && cue.order === 'first' ? 'only' : cue.order;
        const values = {
          order: t(`routine.cue.order.${order}`),
          duration: formatDuration(t, step.seconds),
          position: step.position,
          cue: step.cue,
        };
        const brief = cue.brief === true ? 'Brief' : '';
        const speech =
          step.kind === 'point'
            ? t(`routine.cue.announcePoint${brief}`, {
                ...values,
                code: stepWhat(t, step),
                name: pointNames(t, step),
                side: t(`routine.cue.side.${step.side}`),
              })
            : t(`routine.cue.announceOther${brief}`, { ...values, what: stepWhat(t, step) });
        const said = speech.trim();
        return order === 'only' ? said.charAt(0).toUpperCase() + said.slice(1) : said;
      }
      case 'switch-sides':
        return wording(t, 'routine.cue.switchSides', cue.nth, { name: pointNames(t, cue.step) });
      case 'back-to':
        return cue.step.kind === 'point'
          ? t('routine.cue.backToPoint', { code: stepWhat(t, cue.step) })
          : t('routine.cue.backToOther', { what: stepWhat(t, cue.step) });
      case 'press':
        return wording(t, `routine.cue.press.${pressKind(cue.step)}`, cue.nth, {
          name: pointNames(t, cue.step),
        });
      case 'breathe':
        return wording(t, 'routine.cue.breathe', cue.nth);
      case 'breathe-in':
        return wording(t, 'routine.cue.breatheIn', cue.nth);
      case 'breathe-out':
        return wording(t, 'routine.cue.breatheOut', cue.nth);
      case 'keep':
        return wording(t, `routine.cue.keep.${cue.step.kind}`, cue.nth, { name: pointNames(t, cue.step) });
      case 'halfway':
        return wording(t, 'routine.cue.halfway', cue.nth);
      case 'release':
        return wording(t, `routine.cue.release.${cue.step.kind}`, cue.nth);
      case 'ready-for-next':
        // The next point by name: its code comes once, in its announcement.
        return cue.next.kind === 'point' && cue.next.points.length > 0
          ? t('routine.cue.readyForNext', { what: escapeSsml(pointNames(t, cue.next)) })
          : t('routine.cue.readyForNext', { what: stepWhat(t, cue.next) });
      case 'finished': {
        const routine =
          cue.plan.source.type === 'routine'
            ? catalogueFor(t.language).getRoutine(cue.plan.source.id)
            : undefined;
        return routine
          ? t('routine.cue.finishedRoutine', { routine: routine.name, closing: routine.closing })
          : t('routine.cue.finishedPoint');
      }
    }
  };
}
