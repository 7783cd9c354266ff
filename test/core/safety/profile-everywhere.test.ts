/**
 * The one profile behind every answer, in core: a point's verdict under each condition agrees with
 * what a timed hold of it becomes through the routine rules, and a routine re-planned mid-way keeps
 * what was done and makes every later hold respect the profile, for every routine, condition and
 * place in it.
 */
import { points, routines } from '../../../lambda/src/core/catalogue';
import {
  planPointHold,
  planRoutine,
  pointHoldRoutine,
  pressesPoint,
  type PlannedStep,
} from '../../../lambda/src/core/routine/plan';
import { parsePlan } from '../../../lambda/src/core/routine/progress';
import {
  adjustPlanFrom,
  adjustRoutine,
  conditions,
  pointAdvice,
  pointAllowed,
  redFlags,
  safetyProfile,
} from '../../../lambda/src/core/safety';

const RANK = { none: 0, light: 1, moderate: 2, firm: 3 } as const;
/** What the user would notice of a hold. */
const holdKey = (s: PlannedStep | undefined) =>
  s && JSON.stringify([s.kind, s.points, s.side, s.seconds, s.pressure, s.tools, s.position, s.cue]);
const pressing = conditions.filter((c) => c.tier !== 'stop');

describe('pointAdvice', () => {
  const cases = pressing.flatMap((c) =>
    points.filter((p) => p.inRoutines).map((p) => [c.id, p.code] as const),
  );

  it.each(cases)('%s, %s: allowed exactly when a timed hold of it still presses it', (id, code) => {
    const point = points.find((p) => p.code === code)!;
    const profile = safetyProfile([id]);
    const advice = pointAdvice(profile, point);
    const held = adjustRoutine(pointHoldRoutine(point), profile).routine;
    expect(pointAllowed(advice)).toBe(pressesPoint(held, code));
    const c = conditions.find((x) => x.id === id)!;
    if (c.breathingOnly || c.avoid.includes(code)) expect(advice.kind).toBe('ruled-out');
    if (advice.kind === 'adjusted' && c.pressure === 'light' && point.pressure !== 'light')
      expect(advice.technique).not.toBe('as-written');
  });

  it('a red flag or a stop-tier condition blocks every point', () => {
    for (const point of points) {
      for (const flag of redFlags) {
        const advice = pointAdvice(safetyProfile([], [flag.id]), point);
        // "See a GP or physio" signs (care: clinician) leave self-care, and so every point, as written.
        if (flag.care === 'clinician') expect(advice).toEqual({ kind: 'as-written' });
        else expect(advice).toEqual({ kind: 'blocked', because: [flag.id] });
      }
      expect(pointAdvice(safetyProfile(['fever']), point).kind).toBe('blocked');
    }
  });

  it('an unknown condition allows no point (breathing only)', () => {
    for (const point of points)
      expect(pointAdvice(safetyProfile([], [], true), point)).toMatchObject({
        kind: 'ruled-out',
        breathingOnly: true,
      });
  });

  it('no profile: every point as written', () => {
    for (const point of points) expect(pointAdvice(safetyProfile([]), point)).toEqual({ kind: 'as-written' });
  });
});

describe('adjustPlanFrom', () => {
  const cases = routines.flatMap((r) => pressing.map((c) => [r.id, c.id] as const));

  it.each(cases)(
    '%s, %s said at every hold: what is done stays, the rest respects the profile',
    (routineId, id) => {
      const routine = routines.find((r) => r.id === routineId)!;
      const c = conditions.find((x) => x.id === id)!;
      const profile = safetyProfile([id]);
      const plan = planRoutine(routine, { holdScale: 1.25 });
      for (let index = 0; index < plan.steps.length; index++) {
        const { plan: next, changes, currentKept } = adjustPlanFrom(plan, index, profile);
        expect(next.steps.slice(0, index)).toEqual(plan.steps.slice(0, index));
        // A valid plan, as the session state reader will check it.
        expect(parsePlan(JSON.parse(JSON.stringify(next)))).toEqual(next);
        const rest = next.steps.slice(index);
        const banned = c.breathingOnly ? points.map((p) => p.code) : [...c.avoid, ...c.palmsInstead];
        for (const step of rest) {
          for (const code of banned) expect(step.points).not.toContain(code);
          if (c.breathingOnly) expect(step.pressure).toBe('none');
          if (c.pressure === 'light') expect(RANK[step.pressure]).toBeLessThanOrEqual(RANK.light);
          if (c.noTools) expect(step.tools).toEqual([]);
        }
        if (next === plan) {
          expect(changes).toEqual([]);
          expect(currentKept).toBe(true);
        } else {
          expect(changes.length).toBeGreaterThan(0);
          expect(currentKept).toBe(holdKey(rest[0]) === holdKey(plan.steps[index]));
        }
      }
    },
  );

  it('a plan already adjusted for the profile is left as it is', () => {
    for (const routine of routines) {
      for (const c of pressing) {
        const profile = safetyProfile([c.id]);
        const safe = adjustRoutine(routine, profile).routine;
        const plan = planRoutine(routine, { transform: () => safe });
        for (let index = 0; index < plan.steps.length; index++)
          expect(adjustPlanFrom(plan, index, profile).plan).toBe(plan);
      }
    }
  });

  it('a timed hold is re-planned like a routine', () => {
    const point = points.find((p) => p.code === 'BL 60')!;
    const plan = planPointHold(point);
    const { plan: next } = adjustPlanFrom(plan, 0, safetyProfile(['blood-thinners']));
    expect(next.source).toEqual({ type: 'point', code: 'BL 60' });
    expect(next.steps.every((s) => s.pressure === 'light')).toBe(true);
  });
});
