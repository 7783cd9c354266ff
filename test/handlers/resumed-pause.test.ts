/**
 * A pause while a resumed hold is still being announced ("Back to a warm-up…") keeps what was left
 * of that hold, from the user's words through the real skill: resuming again plays the remainder,
 * never the whole hold (issue 13).
 */
import { routineState } from '../support/routine';
import { newConversation } from '../support/skill';

describe("pausing during a resumed hold's announcement", () => {
  it('keeps the time that was left, and "resume" plays only that', async () => {
    const { talk } = newConversation();
    await talk.utter('start the quick routine');
    await talk.utter('no');
    const first = routineState(talk)!.turn!.windows[0];
    const fullMs = routineState(talk)!.plan.steps[first.index].seconds * 1000;
    // 10 s into the first hold: paused with the rest of it kept.
    talk.wait(first.holdStartMs / 1000 + 10);
    await talk.utter('pause');
    const left = routineState(talk)!.paused!.remainingMs!;
    expect(Math.abs(left - (fullMs - 10_000))).toBeLessThanOrEqual(1_000);

    talk.wait(5);
    expect((await talk.utter('resume')).speech).toMatch(/Back to/);
    const resumed = routineState(talk)!.turn!.windows[0];
    expect(resumed.holdMs).toBe(left);
    expect(resumed.holdStartMs).toBeGreaterThan(500);
    // Still hearing "Back to …": pause again.
    talk.wait(0.3);
    await talk.utter('pause');
    expect(routineState(talk)!.paused).toEqual({ index: first.index, remainingMs: left });

    talk.wait(5);
    await talk.utter('resume');
    expect(routineState(talk)!.turn!.windows[0].holdMs).toBe(left);
  });
});
