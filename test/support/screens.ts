/**
 * Routine screens for the display tests, as the one typed fixture they share: a turn screen with a
 * single hold page, described by the fields a test varies. Screens the skill sends are built from
 * real turns by display/routine-turn.ts; these exercise the document builder on its own.
 */
import type { RoutineHoldPage, RoutineTurnScreen } from '../../lambda/src/display/routine';
import type { PointCode } from '../../lambda/src/core/types';

/** A hold page's fields, with the title and pause state of its screen; the hold bar starts full. */
export type HoldFields = Omit<RoutineHoldPage, 'showAtMs' | 'hold'> & {
  routineName: string;
  hold?: { offsetMs: number; lengthMs: number };
  paused: boolean;
};

/** "Step 3 of 6, BL 60, left side" with a 60 s hold from 6.5 s in, unless overridden. */
export function holdFields(overrides: Partial<HoldFields> = {}): HoldFields {
  return {
    routineName: 'Evening wind-down',
    step: 3,
    stepCount: 6,
    points: ['BL 60' as PointCode],
    side: 'left',
    hold: { offsetMs: 6500, lengthMs: 60000 },
    nextPoint: 'BL 40' as PointCode,
    paused: false,
    ...overrides,
  };
}

/** A turn screen of one hold page that comes up at the start of the turn. */
export function holdScreen(overrides: Partial<HoldFields> = {}): RoutineTurnScreen {
  const s = holdFields(overrides);
  return {
    routineName: s.routineName,
    kind: 'routine',
    paused: s.paused,
    pages: [
      {
        step: s.step,
        stepCount: s.stepCount,
        points: s.points,
        side: s.side,
        caption: s.caption,
        showAtMs: 0,
        hold: s.hold ? { ...s.hold, from: 1 } : undefined,
        nextPoint: s.nextPoint,
      },
    ],
  };
}
