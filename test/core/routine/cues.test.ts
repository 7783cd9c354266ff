/**
 * What the recurring cues of a routine sound like over a whole routine: several wordings, never the
 * same words twice in a row, the point's name more than its code, and no long silence in a hold.
 * Turns are built by the engine with the skill's own phrasebook (the words a user hears).
 */
import { getPoint, routines } from '../../../lambda/src/core/catalogue';
import { planRoutine } from '../../../lambda/src/core/routine/plan';
import {
  allTurns,
  announcedMinutes,
  buildTurn,
  playedMs,
  roundMinutes,
  type Cue,
  type TimelineItem,
  type Turn,
} from '../../../lambda/src/core/routine/timeline';
import routineResources from '../../../lambda/src/i18n/en/routine.json';
import { speakableCode, ssmlToText } from '../../../lambda/src/speech/ssml';
import { routineOpening } from '../../../lambda/src/speech/routine-cues';
import { everyPlan, say, t } from './fixtures';
import { RECURRING_CUES } from '../../support/cues';

type Spoken = { cue?: Cue['type'] | 'sound'; text: string; atMs: number };

/** Every speech item of a turn with its start and its words. */
function spoken(turn: Turn): Spoken[] {
  let at = 0;
  const out: Spoken[] = [];
  for (const item of turn.items) {
    if (item.type === 'speech') out.push({ cue: item.cue, text: ssmlToText(item.ssml), atMs: at });
    at += item.ms;
  }
  return out;
}

const sentences = (text: string): string[] =>
  text
    .split(/(?<=[.?!])\s+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

/** The cue groups of routine.json: each leaf object of numbered wordings. */
function wordingGroups(node: unknown, key: string): Array<[string, string[]]> {
  if (typeof node !== 'object' || node === null) return [];
  const entries = Object.entries(node as Record<string, unknown>);
  if (entries.length > 0 && entries.every(([k, v]) => /^\d+$/.test(k) && typeof v === 'string')) {
    return [[key, entries.map(([, v]) => v as string)]];
  }
  return entries.flatMap(([k, v]) => wordingGroups(v, `${key}.${k}`));
}

describe('recurring cues', () => {
  const groups = wordingGroups(routineResources.cue, 'routine.cue');

  it('come in at least three different wordings each (press, breathe, keep, halfway, release, switch sides)', () => {
    const names = groups.map(([key]) => key);
    for (const expected of [
      'routine.cue.press.firm',
      'routine.cue.press.light',
      'routine.cue.breathe',
      'routine.cue.breatheIn',
      'routine.cue.breatheOut',
      'routine.cue.keep.point',
      'routine.cue.halfway',
      'routine.cue.release.point',
      'routine.cue.switchSides',
    ]) {
      expect(names).toContain(expected);
    }
    for (const [key, wordings] of groups) {
      expect([key, new Set(wordings).size]).toEqual([key, wordings.length]);
      expect([key, wordings.length]).toEqual([key, 3]);
    }
  });

  describe.each(everyPlan)('%s routine, holds × %s', (_id, _scale, plan, lead) => {
    const turns = allTurns(plan, say, lead);
    const heard = turns.flatMap(spoken);

    it('never says a cue in the same words as the last time that cue came up', () => {
      const last = new Map<string, string>();
      for (const { cue, text } of heard) {
        if (!cue || !RECURRING_CUES.has(cue)) continue;
        expect({ cue, text, previous: last.get(cue) }).not.toEqual({ cue, text, previous: text });
        last.set(cue, text);
      }
    });

    it('never says the same sentence in two cues in a row', () => {
      for (let i = 1; i < heard.length; i++) {
        const shared = sentences(heard[i].text).filter((s) => sentences(heard[i - 1].text).includes(s));
        expect({ at: heard[i].text, shared }).toEqual({ at: heard[i].text, shared: [] });
      }
    });

    it('leaves no silence inside a hold longer than 25 s: a breath cue comes first', () => {
      for (const turn of turns) {
        expect(longestSilence(turn.items)).toBeLessThanOrEqual(25_000);
      }
    });

    it("says a point's code once per step (in its announcement), and its name in the hold", () => {
      for (const turn of turns) {
        const items = spoken(turn);
        for (const step of turn.steps) {
          if (step.kind !== 'point') continue;
          const inStep = items.filter((s) => s.atMs >= step.startMs && s.atMs < step.endMs);
          for (const code of step.points) {
            const saying = inStep.filter((s) => s.text.includes(speakableCode(code)));
            // The second side of a step follows "switch sides": its code was said for the first.
            const intro = step.resumed ? ['back-to'] : inStep[0]?.cue === 'switch-sides' ? [] : ['announce'];
            expect(saying.map((s) => s.cue)).toEqual(intro);
          }
          const names = step.points.map((code) => getPoint(code)!.names[0]);
          const held = inStep.filter((s) => s.cue !== 'announce');
          if (step.holdMs >= 60_000 && !step.resumed) {
            expect(held.some((s) => names.some((name) => s.text.includes(name)))).toBe(true);
          }
        }
      }
    });
  });

  it('names the next point by name, not code, when asking for "next" (its code comes in its announcement)', () => {
    for (const routine of routines) {
      const plan = planRoutine(routine);
      for (const turn of allTurns(plan, say).filter((x) => !x.finished)) {
        const closing = spoken(turn).at(-1)!;
        expect(closing.cue).toBe('ready-for-next');
        const next = plan.steps[turn.next];
        for (const code of next.points) expect(closing.text).not.toContain(speakableCode(code));
        if (next.kind === 'point') expect(closing.text).toContain(getPoint(next.points[0])!.names[0]);
      }
    }
  });

  it('pick wordings by position in the routine: a hold resumed after a pause says what the straight run says', () => {
    for (const routine of routines) {
      const plan = planRoutine(routine);
      const straight = allTurns(plan, say);
      for (const turn of straight) {
        for (const step of turn.steps) {
          const full = spoken(turn).filter(
            (s) => s.atMs >= step.holdStartMs && s.atMs < step.holdStartMs + step.holdMs,
          );
          for (const leftMs of [step.holdMs - 20_000, step.holdMs / 2 + 5_000]) {
            if (leftMs <= 5_000 || leftMs >= step.holdMs) continue;
            const resumed = buildTurn(plan, { index: step.index, remainingMs: leftMs }, say);
            const first = resumed.steps[0];
            const heardThen = spoken(resumed)
              .filter((s) => s.atMs >= first.holdStartMs && s.atMs < first.holdStartMs + first.holdMs)
              .map((s) => s.text);
            const skipped = step.holdMs - leftMs;
            const expected = full.filter((s) => s.atMs - step.holdStartMs >= skipped).map((s) => s.text);
            expect(heardThen).toEqual(expected);
          }
        }
      }
    }
  });

  it('are the same every time a turn is built (no randomness)', () => {
    const plan = planRoutine(routines.find((r) => r.id === 'sciatica')!);
    expect(JSON.stringify(allTurns(plan, say))).toBe(JSON.stringify(allTurns(plan, say)));
  });
});

/** The longest run of silence in a turn (consecutive silences summed). */
function longestSilence(items: TimelineItem[]): number {
  let longest = 0;
  let run = 0;
  for (const item of items) {
    run = item.type === 'silence' ? run + item.ms : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

describe('the announced length', () => {
  it('is to the half minute under 10 minutes, to the minute above, and within 10 % from 2½ minutes', () => {
    expect(roundMinutes(4 * 60_000 + 20_000)).toBe(4.5);
    expect(roundMinutes(4 * 60_000 + 10_000)).toBe(4);
    expect(roundMinutes(11 * 60_000 + 40_000)).toBe(12);
    expect(roundMinutes(10_000)).toBe(1);
    for (let ms = 150_000; ms <= 30 * 60_000; ms += 1_000) {
      expect(Math.abs(roundMinutes(ms) * 60_000 - ms) / ms).toBeLessThanOrEqual(0.1);
    }
  });

  it.each(everyPlan)('%s routine, holds × %s: counts the opening that says it', (_id, _scale, plan) => {
    const opening = (minutes: number) => routineOpening(t, { name: 'test', approxMinutes: minutes });
    const minutes = announcedMinutes(plan, say, opening);
    const played = playedMs(plan, say, opening(minutes));
    expect(Math.abs(minutes * 60_000 - played) / played).toBeLessThanOrEqual(0.1);
    expect(played).toBeGreaterThan(playedMs(plan, say));
  });
});
