import { getPoint, routines } from '../../../lambda/src/core/catalogue';
import {
  planPointHold,
  planRoutine,
  rescalePlan,
  scaleHold,
  stepHoldScale,
  type RoutinePlan,
} from '../../../lambda/src/core/routine/plan';
import {
  nextSourceIndex,
  parseRoutineState,
  parseSavedProgress,
  pauseAt,
  positionAt,
  resumePointOf,
  saveProgress,
  startTurn,
  STALE_AFTER_MS,
  type RoutineState,
} from '../../../lambda/src/core/routine/progress';
import { buildTurn } from '../../../lambda/src/core/routine/timeline';
import type { Routine } from '../../../lambda/src/core/types';
import { say } from './fixtures';

const T0 = Date.parse('2026-11-25T21:00:00Z');
const evening = routines.find((r) => r.id === 'evening')!;
const general = routines.find((r) => r.id === 'general')!;

/** A state whose turn starts at T0 with the 120 s BL 23 + BL 52 hold of the evening routine. */
function eveningAtTowelHold(): { state: RoutineState; holdStart: number } {
  const plan = planRoutine(evening);
  const turn = buildTurn(plan, { index: 1 }, say);
  expect(plan.steps[1].seconds).toBe(120);
  return { state: startTurn(plan, turn, T0), holdStart: T0 + turn.steps[0].holdStartMs };
}

describe('the plan', () => {
  it('splits left-then-right into two holds of the written length each', () => {
    const plan = planRoutine(general);
    const bl60 = plan.steps.filter((s) => s.points.includes('BL 60'));
    expect(bl60.map((s) => [s.side, s.seconds])).toEqual([
      ['left', 30],
      ['right', 30],
    ]);
    expect(new Set(bl60.map((s) => s.source)).size).toBe(1);
  });

  it('scales holds one step at a time, within 30–180 s, to the nearest 5 s', () => {
    expect(scaleHold(120, 1.5)).toBe(180);
    expect(scaleHold(180, 1.5)).toBe(180);
    expect(scaleHold(60, 0.5)).toBe(30);
    expect(scaleHold(30, 0.5)).toBe(30);
    expect(scaleHold(90, 0.75)).toBe(70);
    expect(stepHoldScale(1, 'shorter')).toBe(0.75);
    expect(stepHoldScale(0.5, 'shorter')).toBeUndefined();
    expect(stepHoldScale(1.5, 'longer')).toBeUndefined();
    const shorter = rescalePlan(planRoutine(general), 0.75);
    expect(shorter.steps.map((s) => s.seconds)).toEqual(
      planRoutine(general, { holdScale: 0.75 }).steps.map((s) => s.seconds),
    );
  });

  it('applies a Routine → Routine transform (the safety feature’s adjustment) before planning', () => {
    const dropCv6 = (r: Routine): Routine => ({
      ...r,
      steps: r.steps.filter((s) => !s.points?.includes('CV 6')),
    });
    const plan = planRoutine(evening, { transform: dropCv6 });
    expect(plan.steps.some((s) => s.points.includes('CV 6'))).toBe(false);
    expect(plan.steps).toHaveLength(evening.steps.length - 1);
    expect(plan.source).toEqual({ type: 'routine', id: 'evening' });
  });

  it('plans one hold of a point from the catalogue', () => {
    const plan = planPointHold(getPoint('BL 60')!);
    expect(plan.source).toEqual({ type: 'point', code: 'BL 60' });
    expect(plan.steps.map((s) => [s.side, s.seconds])).toEqual([
      ['left', 60],
      ['right', 60],
    ]);
  });
});

describe('where the user is, from the request time', () => {
  it('pause 40 s into a 120 s hold leaves 80 s (±2 s), and resume plays exactly that', () => {
    const { state, holdStart } = eveningAtTowelHold();
    const paused = pauseAt(state, holdStart + 40_000);
    expect(paused.paused?.index).toBe(1);
    expect(Math.abs((paused.paused?.remainingMs ?? 0) - 80_000)).toBeLessThanOrEqual(2_000);
    // An hour later (same session) the pause still holds 80 s.
    const later = positionAt(paused, holdStart + 3_600_000);
    expect(later).toMatchObject({ at: 'paused', index: 1 });
    const resumed = buildTurn(paused.plan, resumePointOf(later)!, say);
    expect(resumed.steps[0]).toMatchObject({ index: 1, resumed: true });
    expect(Math.abs(resumed.steps[0].holdMs - 80_000)).toBeLessThanOrEqual(2_000);
    expect(resumed.next).toBeGreaterThan(1);
  });

  it('knows announcing, holding, between holds, and the turn being over', () => {
    const { state, holdStart } = eveningAtTowelHold();
    expect(positionAt(state, T0 + 1_000)).toEqual({ at: 'announcing', index: 1 });
    expect(positionAt(state, holdStart + 100_000)).toEqual({ at: 'holding', index: 1, remainingMs: 20_000 });
    const window = state.turn!.windows;
    expect(window.length).toBeGreaterThanOrEqual(1);
    const afterTurn = positionAt(state, T0 + state.turn!.totalMs + 60_000);
    expect(afterTurn).toEqual({ at: 'between', index: state.turn!.next, turnOver: true });
  });

  it('pausing before a hold starts keeps the whole hold, a pause in its last seconds moves on', () => {
    const { state, holdStart } = eveningAtTowelHold();
    expect(pauseAt(state, T0 + 2_000).paused).toEqual({ index: 1 });
    expect(pauseAt(state, holdStart + 118_000).paused).toEqual({ index: 2 });
  });

  it('the routine is finished once the last turn has played', () => {
    const plan = planRoutine(evening);
    const last = buildTurn(plan, { index: plan.steps.length - 1 }, say);
    expect(last.finished).toBe(true);
    const state = startTurn(plan, last, T0);
    expect(positionAt(state, T0 + last.totalMs + 1)).toEqual({ at: 'finished' });
    expect(saveProgress(state, T0 + last.totalMs + 1)).toBeUndefined();
  });

  it('"skip this point" skips both sides of a left-then-right step', () => {
    const plan = planRoutine(general);
    const left = plan.steps.findIndex((s) => s.side === 'left');
    expect(nextSourceIndex(plan, left)).toBe(left + 2);
  });
});

describe('untrusted state', () => {
  const { state } = eveningAtTowelHold();
  const json = (): Record<string, unknown> => JSON.parse(JSON.stringify(state)) as Record<string, unknown>;
  const now = T0 + 30_000;

  it('accepts its own state after a round trip through JSON', () => {
    const parsed = parseRoutineState(json(), now);
    expect(parsed).toEqual({ ok: true, value: state });
  });

  const tamper: Array<[string, (s: Record<string, unknown>) => unknown]> = [
    ['not an object', () => 'garbage'],
    ['an array', () => []],
    ['another version', (s) => ({ ...s, v: 2 })],
    ['no plan', (s) => ({ ...s, plan: undefined })],
    [
      'an unknown routine',
      (s) => ({ ...s, plan: { ...(s.plan as object), source: { type: 'routine', id: 'pizza' } } }),
    ],
    [
      'a point kept only for safety answers',
      (s) => ({ ...s, plan: { ...(s.plan as object), source: { type: 'point', code: 'LI 4' } } }),
    ],
    [
      'a hold made longer than its preference allows',
      (s) => {
        const plan = s.plan as RoutinePlan;
        return {
          ...s,
          plan: { ...plan, steps: plan.steps.map((st, i) => (i === 1 ? { ...st, seconds: 3600 } : st)) },
        };
      },
    ],
    ['an unknown hold scale', (s) => ({ ...s, plan: { ...(s.plan as object), holdScale: 7 } })],
    [
      'a point that is not in the catalogue',
      (s) => {
        const plan = s.plan as RoutinePlan;
        return {
          ...s,
          plan: { ...plan, steps: plan.steps.map((st, i) => (i === 1 ? { ...st, points: ['BL 99'] } : st)) },
        };
      },
    ],
    [
      'an unknown step kind',
      (s) => {
        const plan = s.plan as RoutinePlan;
        return {
          ...s,
          plan: { ...plan, steps: plan.steps.map((st, i) => (i === 0 ? { ...st, kind: 'cartwheel' } : st)) },
        };
      },
    ],
    [
      'empty text',
      (s) => {
        const plan = s.plan as RoutinePlan;
        return { ...s, plan: { ...plan, steps: plan.steps.map((st) => ({ ...st, cue: '' })) } };
      },
    ],
    [
      'a turn start that is not a number',
      (s) => ({ ...s, turn: { ...(s.turn as object), startedAt: 'yesterday' } }),
    ],
    [
      'a turn start in the future',
      (s) => ({ ...s, turn: { ...(s.turn as object), startedAt: T0 + 86_400_000 } }),
    ],
    [
      'hold windows out of order',
      (s) => {
        const turn = s.turn as RoutineState['turn'] & object;
        return {
          ...s,
          turn: { ...turn, windows: turn.windows.map((w) => ({ ...w, holdStartMs: w.endMs + 5 })) },
        };
      },
    ],
    [
      'a window pointing past the plan',
      (s) => {
        const turn = s.turn as RoutineState['turn'] & object;
        return { ...s, turn: { ...turn, windows: turn.windows.map((w) => ({ ...w, index: w.index + 40 })) } };
      },
    ],
    ['a pause past the end of the plan', (s) => ({ ...s, paused: { index: 99 } })],
    [
      'a pause with more left than the hold',
      (s) => ({ ...s, paused: { index: 1, remainingMs: 10_000_000 } }),
    ],
    ['neither a turn nor a pause', (s) => ({ ...s, turn: undefined })],
  ];
  it.each(tamper)('rejects %s', (_label, change) => {
    expect(parseRoutineState(change(json()), now)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('calls state older than 24 hours stale', () => {
    expect(parseRoutineState(json(), T0 + STALE_AFTER_MS + 1)).toEqual({ ok: false, problem: 'stale' });
  });

  it('validates saved progress the same way', () => {
    const paused = pauseAt(state, now);
    const saved = JSON.parse(JSON.stringify(saveProgress(paused, now))) as Record<string, unknown>;
    expect(parseSavedProgress(saved, now + 1000)).toMatchObject({ ok: true, value: { index: 1 } });
    expect(parseSavedProgress({ ...saved, index: -1 }, now)).toEqual({ ok: false, problem: 'invalid' });
    expect(parseSavedProgress({ ...saved, routine: 'nope' }, now)).toEqual({ ok: false, problem: 'invalid' });
    expect(parseSavedProgress({ ...saved, holdScale: 7 }, now)).toEqual({ ok: false, problem: 'invalid' });
    expect(parseSavedProgress({ ...saved, remainingMs: 10 ** 9 }, now)).toEqual({
      ok: false,
      problem: 'invalid',
    });
    // the old format, which kept the whole (health-adjusted) plan, is not read
    expect(parseSavedProgress({ ...saved, v: 1, plan: state.plan }, now)).toEqual({
      ok: false,
      problem: 'invalid',
    });
    expect(parseSavedProgress({ ...saved, savedAt: now - STALE_AFTER_MS - 1 }, now)).toEqual({
      ok: false,
      problem: 'stale',
    });
  });
});

describe('every plan survives the round trip through session state', () => {
  it.each(routines.map((r) => [r.id]))('%s at every hold preference', (id) => {
    for (const holdScale of [0.5, 0.75, 1, 1.25, 1.5]) {
      const plan = planRoutine(
        routines.find((r) => r.id === id)!,
        { holdScale },
      );
      const turn = buildTurn(plan, { index: 0 }, say);
      const state = JSON.parse(JSON.stringify(startTurn(plan, turn, T0))) as unknown;
      expect(parseRoutineState(state, T0 + 1000)).toEqual({ ok: true, value: startTurn(plan, turn, T0) });
    }
  });
});
