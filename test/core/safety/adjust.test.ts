import { routines } from '../../../lambda/src/core/catalogue';
import {
  adjustRoutine,
  conditions,
  getCondition,
  safetyProfile,
  type Condition,
} from '../../../lambda/src/core/safety';
import type { Routine, RoutineStep } from '../../../lambda/src/core/types';

const RANK = { none: 0, light: 1, moderate: 2, firm: 3 } as const;
const pointsIn = (routine: Routine) => routine.steps.flatMap((s) => s.points ?? []);
const usesPressure = (s: RoutineStep) => s.kind === 'point' || s.pressure !== 'none';

/** What a condition promises about any routine it adjusts, checked on the adjusted routine. */
function expectRespects(routine: Routine, condition: Condition): void {
  const used = pointsIn(routine);
  for (const code of [...condition.avoid, ...condition.palmsInstead]) expect(used).not.toContain(code);
  for (const step of routine.steps) {
    if (condition.pressure === 'light') expect(RANK[step.pressure]).toBeLessThanOrEqual(RANK.light);
    if (condition.noTools) expect(step.tools).toEqual([]);
    if (condition.maxHoldSeconds !== undefined && step.kind !== 'breathing' && step.kind !== 'movement')
      expect(step.seconds).toBeLessThanOrEqual(condition.maxHoldSeconds);
    expect(step.seconds).toBeGreaterThanOrEqual(15);
    expect(step.seconds).toBeLessThanOrEqual(180);
    if (step.kind === 'point') expect(step.points?.length).toBeGreaterThan(0);
    else expect(step.points).toBeUndefined();
  }
  if (condition.breathingOnly || condition.tier === 'stop') {
    expect(routine.steps.filter(usesPressure)).toEqual([]);
    expect(routine.steps.every((s) => s.tools.length === 0 && s.sides === 'none')).toBe(true);
  }
}

describe('adjustRoutine: every routine × every condition (section 6.8)', () => {
  const cases = routines.flatMap((r) => conditions.map((c) => [r.id, c.id, r, c] as const));

  it.each(cases)(
    '%s with %s: no ruled-out point, and pressure, holds and tools as the condition says',
    (_r, _c, routine, condition) => {
      const before = JSON.stringify(routine);
      const { routine: adjusted, changes } = adjustRoutine(routine, safetyProfile([condition.id]));
      expect(JSON.stringify(routine)).toBe(before); // the catalogue routine is never modified
      expectRespects(adjusted, condition);
      // Anything that differs is reported, and each change names this condition as the reason.
      if (JSON.stringify(adjusted) !== before) expect(changes.length).toBeGreaterThan(0);
      for (const change of changes) expect(change.because).toContain(condition.id);
    },
  );

  it.each(routines.map((r) => [r.id, r] as const))(
    '%s with every condition at once still respects each of them',
    (_id, routine) => {
      const all = conditions.filter((c) => c.tier !== 'stop' && !c.breathingOnly);
      const { routine: adjusted } = adjustRoutine(routine, safetyProfile(all.map((c) => c.id)));
      for (const c of all) expectRespects(adjusted, c);
    },
  );
});

describe('what the adjustments do', () => {
  const routine = (id: string) => routines.find((r) => r.id === id)!;
  const adjust = (id: string, ...conditionIds: string[]) =>
    adjustRoutine(routine(id), safetyProfile(conditionIds));

  it('pregnancy (rule 3.2): the breathing-only routine, with warm palms and no pressure at all', () => {
    for (const r of routines) {
      const { routine: adjusted, changes } = adjustRoutine(r, safetyProfile(['pregnancy']));
      expect(adjusted.id).toBe('breathing-only');
      expect(adjusted.steps.map((s) => s.kind)).toEqual(['breathing', 'palms', 'breathing']);
      expect(adjusted.steps.every((s) => s.pressure === 'none' && !s.points)).toBe(true);
      expect(adjusted.steps.map((s) => s.cue).join(' ')).toMatch(
        /palms lightly on your lower back, with no pressure/,
      );
      expect(changes).toEqual([{ kind: 'breathing-only', because: ['pregnancy'] }]);
    }
  });

  it('hip replacement drops GB 30 from the sciatica routine and keeps the rest', () => {
    const { routine: adjusted, changes } = adjust('sciatica', 'hip-replacement');
    expect(pointsIn(adjusted)).toEqual(['BL 53', 'BL 40', 'BL 60']);
    expect(changes).toEqual([{ kind: 'skipped', points: ['GB 30'], because: ['hip-replacement'] }]);
  });

  it('varicose veins drop BL 40 from every routine that has it', () => {
    for (const r of routines.filter((r) => pointsIn(r).includes('BL 40')))
      expect(pointsIn(adjustRoutine(r, safetyProfile(['varicose-veins'])).routine)).not.toContain('BL 40');
  });

  it('osteoporosis turns the lumbar and sacral steps into one light palm hold, with no tennis balls', () => {
    const { routine: adjusted, changes } = adjust('general', 'osteoporosis');
    expect(adjusted.steps.map((s) => s.kind)).toEqual(['warm-up', 'palms', 'point', 'point', 'breathing']);
    expect(adjusted.steps[1]).toMatchObject({ pressure: 'light', seconds: 120, tools: [] });
    expect(changes).toContainEqual({
      kind: 'palms-instead',
      points: ['BL 23', 'BL 52', 'BL 53'],
      because: ['osteoporosis'],
    });
    expect(changes).toContainEqual({ kind: 'lighter', because: ['osteoporosis'] });
    const stiffness = adjust('stiffness', 'osteoporosis').routine;
    expect(stiffness.steps.some((s) => s.tools.length > 0)).toBe(false);
  });

  it('blood thinners: every step light and the tennis ball replaced by the hands-only version of the step', () => {
    const { routine: adjusted, changes } = adjust('sciatica', 'blood-thinners');
    expect(adjusted.steps[0]).toMatchObject({ points: ['GB 30'], tools: [], pressure: 'light' });
    expect(adjusted.steps[0].cue).toMatch(/fingertips.*press lightly, with no ball/);
    expect(changes).toContainEqual({ kind: 'no-tools', tools: ['ball'], because: ['blood-thinners'] });
    expect(changes).toContainEqual({ kind: 'lighter', because: ['blood-thinners'] });
  });

  it('frailty shortens the holds to a minute and says so', () => {
    const { routine: adjusted, changes } = adjust('evening', 'frail');
    expect(Math.max(...adjusted.steps.filter((s) => s.kind !== 'breathing').map((s) => s.seconds))).toBe(60);
    expect(changes).toContainEqual({ kind: 'shorter', maxSeconds: 60, because: ['frail'] });
    expect(adjusted.approxMinutes).toBeLessThan(routine('evening').approxMinutes);
  });

  it('neuropathy drops BL 60; abdominal surgery drops CV 6; back surgery drops every lumbar and sacral step', () => {
    expect(pointsIn(adjust('quick', 'neuropathy').routine)).not.toContain('BL 60');
    expect(pointsIn(adjust('evening', 'abdominal').routine)).toEqual(['BL 23', 'BL 52', 'BL 40']);
    expect(pointsIn(adjust('general', 'back-surgery').routine)).toEqual(['BL 40', 'BL 60']);
  });

  it('a local problem (skin, new injury) keeps the routine but adds the keep-off reminder', () => {
    const { routine: adjusted, changes } = adjust('quick', 'skin-problem');
    expect(adjusted).toEqual(routine('quick'));
    expect(changes).toEqual([{ kind: 'keep-off-site', because: ['skin-problem'] }]);
  });

  it('no conditions: the same routine, nothing changed', () => {
    for (const r of routines)
      expect(adjustRoutine(r, safetyProfile([]))).toEqual({ routine: r, changes: [] });
  });

  it('a red flag or a stop-tier condition never yields a pressure routine, even if the gate were bypassed', () => {
    for (const profile of [safetyProfile([], ['saddle-numbness']), safetyProfile(['fever'])]) {
      const { routine: adjusted } = adjustRoutine(routine('general'), profile);
      expect(adjusted.steps.filter(usesPressure)).toEqual([]);
    }
  });

  it('an unknown condition gives breathing only', () => {
    expect(adjustRoutine(routine('morning'), safetyProfile([], [], true)).changes).toEqual([
      { kind: 'breathing-only', because: ['unknown'] },
    ]);
  });

  it('profiles built from untrusted ids keep only known conditions', () => {
    const profile = safetyProfile(['pregnancy', 'pregnancy', 'bogus', 42, null], 'not-a-list');
    expect(profile.conditions).toEqual([getCondition('pregnancy')]);
    expect(profile.redFlags).toEqual([]);
  });
});
