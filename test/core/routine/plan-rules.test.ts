import { getPoint, getRoutine } from '../../../lambda/src/core/catalogue';
import {
  planName,
  planPointHold,
  planRoutine,
  pointHoldRoutine,
  pressesPoint,
  rescalePlan,
  samePlannedSteps,
} from '../../../lambda/src/core/routine/plan';
import { carryHeldTime } from '../../../lambda/src/core/routine/progress';
import { adjustRoutine, safetyProfile } from '../../../lambda/src/core/safety';
import type { PointCode } from '../../../lambda/src/core/types';

const evening = getRoutine('evening')!;
const code = (c: string) => c as PointCode;

describe('planName', () => {
  it("is the routine's name, or the point's code for a timed hold", () => {
    expect(planName(planRoutine(evening))).toBe(evening.name);
    expect(planName(planPointHold(getPoint('BL 23')!))).toBe('BL 23');
  });
});

describe('samePlannedSteps: does a saved plan still match what the routine makes now', () => {
  it('the same routine and preference plan the same holds', () => {
    expect(samePlannedSteps(planRoutine(evening), planRoutine(evening))).toBe(true);
  });

  it('another hold length, a dropped step, or a lighter pressure is a different plan', () => {
    const plan = planRoutine(evening);
    expect(samePlannedSteps(plan, rescalePlan(plan, 1.5))).toBe(false);
    expect(samePlannedSteps(plan, { ...plan, steps: plan.steps.slice(1) })).toBe(false);
    const lighter = plan.steps.map((s, i) => (i === 0 ? { ...s, pressure: 'light' as const } : s));
    expect(samePlannedSteps(plan, { ...plan, steps: lighter })).toBe(plan.steps[0].pressure === 'light');
  });
});

describe('pressesPoint: does a routine (after the safety adjustment) still press a point', () => {
  it('a timed hold presses its point until a condition rules the point out', () => {
    const hold = pointHoldRoutine(getPoint('BL 40')!);
    expect(pressesPoint(hold, code('BL 40'))).toBe(true);
    expect(pressesPoint(hold, code('BL 23'))).toBe(false);
    const varicose = adjustRoutine(hold, safetyProfile(['varicose-veins'])).routine;
    expect(pressesPoint(varicose, code('BL 40'))).toBe(false);
    const osteoporosis = adjustRoutine(hold, safetyProfile(['osteoporosis'])).routine;
    expect(pressesPoint(osteoporosis, code('BL 40'))).toBe(true);
  });
});

describe('carryHeldTime: changing hold lengths mid-hold keeps what was already held', () => {
  const plan = planRoutine(evening);
  const index = plan.steps.findIndex((s) => s.kind === 'point');
  const full = plan.steps[index].seconds * 1000;

  it('longer holds: the remainder grows by the difference', () => {
    const longer = rescalePlan(plan, 1.5);
    const point = carryHeldTime(plan, longer, index, full - 20_000);
    expect(point).toEqual({ index, remainingMs: longer.steps[index].seconds * 1000 - 20_000 });
  });

  it('shorter holds past what was held already: the hold counts as done', () => {
    const shorter = rescalePlan(plan, 0.5);
    const point = carryHeldTime(plan, shorter, index, 1_000);
    expect(point).toEqual({ index: index + 1 });
  });
});
