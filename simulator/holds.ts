/**
 * The holds a turn plays: when the person presses, and for how long. The web simulator shows one
 * countdown ring per hold, labelled with the hold's time left, and the terminal chat one
 * "[holding …]" line.
 *
 * A routine turn's holds are the ones the skill itself laid out and keeps in its session (the turn's
 * hold windows, the same numbers it answers "how long is left" from): a hold runs from "press now"
 * to "release", through the short cues spoken inside it ("halfway"), and the settle pause before
 * "press now" is not a hold. Audio that is not a routine turn the skill just started (a fixed turn,
 * another skill) has no such record: there each silence of HOLD_MIN_MS or more counts as a hold.
 *
 * Plain data in, plain data out: no clock, no I/O.
 */
import { parseRoutineState } from '../lambda/src/core/routine/progress';
import { isRecord } from '../lambda/src/core/record';
import { ROUTINE_ATTRIBUTE } from '../lambda/src/handlers/routine/routine-attribute';
import type { Cue } from './cues';

/** Without the skill's record of a turn, silences at least this long count as holds. */
export const HOLD_MIN_MS = 3000;
/** More holds than any turn has (a turn is at most 240 s); a hostile record gets no more. */
const MAX_HOLDS = 60;

export interface Hold {
  /** When the hold starts, in ms from the start of the response's audio. */
  atMs: number;
  durationMs: number;
}

/**
 * The holds of the routine turn this response starts, from the routine state in the response's
 * session attributes: only when that state's turn started with this request (`requestTime`) and is
 * not paused. `audioStartMs` is where the turn's audio starts in the response (after any output
 * speech). Undefined when the response plays no routine turn.
 */
export function routineHolds(
  sessionAttributes: unknown,
  requestTime: number,
  audioStartMs: number,
): Hold[] | undefined {
  if (!isRecord(sessionAttributes) || !Number.isFinite(requestTime)) return undefined;
  const parsed = parseRoutineState(sessionAttributes[ROUTINE_ATTRIBUTE], requestTime);
  if (!parsed.ok) return undefined;
  const { turn, paused } = parsed.value;
  if (!turn || paused || turn.startedAt !== requestTime) return undefined;
  return turn.windows
    .filter((w) => w.holdMs > 0)
    .slice(0, MAX_HOLDS)
    .map((w) => ({ atMs: audioStartMs + w.holdStartMs, durationMs: w.holdMs }));
}

/** Holds from the audio alone: each silence of at least HOLD_MIN_MS. */
export function silenceHolds(cues: readonly Cue[]): Hold[] {
  return cues
    .filter((c) => c.kind === 'silence' && c.durationMs >= HOLD_MIN_MS)
    .slice(0, MAX_HOLDS)
    .map((c) => ({ atMs: c.atMs, durationMs: c.durationMs }));
}
