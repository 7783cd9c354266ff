/**
 * Stop-rule symptoms said mid-hold (issue 11, item 2), from the user's words through the committed
 * model and the real skill: the hold stops at once, the skill says what to do now, and either offers
 * three choices (carry on lighter, skip this point, stop) or, for dizziness, faintness and new
 * numbness, ends the routine. The halted point is never pressed again unless the user chooses, and
 * "lighter" holds for the rest of the session.
 */
import { corpus, getStopSymptom, stopSymptoms } from '../../../lambda/src/core/safety';
import { launchRequest } from '../../../simulator/envelope';
import type { Conversation, Turn } from '../../support/conversation';
import { askForRoutine, routineState } from '../../support/routine';
import { newConversation } from '../../support/skill';
import { PRESS_ANY, PRESS_FIRM_OR_MODERATE, PRESS_LIGHT } from '../../support/cues';

const plain = (s: string) => s.replace(/\s+/g, ' ').trim();
// The choices name their answers: a bare "yes" cannot pick one of three.
const CHOICES = /When you're ready, say carry on lighter, skip this point, or stop\.$/;
/** Asked again (and again, worded differently each time in a row): lighter, skip or stop. */
const CHOICES_AGAIN =
  /^(I've left that point alone for now\. Say carry on lighter, skip this point, or stop\.|That point is still resting\. Say lighter, skip it, or stop\.)$/;
/** Words that press harder than light, in any cue. */
const FIRM_WORDS = new RegExp(`firm, dull ache|to a comfortable ache|${PRESS_FIRM_OR_MODERATE.source}`);

/**
 * Starts the general routine and waits until the user is halfway through a hold of a point pressed
 * firmly (skipping ahead when the first turn has none). Returns that hold's plan index.
 */
async function midFirmHold(talk: Conversation): Promise<number> {
  const first = await askForRoutine(talk, 'general');
  expect(first.apla).toBeDefined();
  for (let tries = 0; tries < 6; tries++) {
    const state = routineState(talk)!;
    const window = state.turn!.windows.find((w) => {
      const step = state.plan.steps[w.index];
      return step.kind === 'point' && step.pressure === 'firm';
    });
    if (window) {
      talk.wait((window.holdStartMs + window.holdMs / 2) / 1000);
      return window.index;
    }
    await talk.utter('skip this point');
  }
  throw new Error('no firm point hold in the general routine');
}

/** The plan index the turn in the session starts with. */
function turnStartsAt(talk: Conversation): number {
  return routineState(talk)!.turn!.windows[0].index;
}

const choosing = stopSymptoms.filter((s) => !s.stopsRoutine);
const stopping = stopSymptoms.filter((s) => s.stopsRoutine);

describe('stop-rule symptoms mid-hold', () => {
  it('each group is either a choice or a stop, and dizziness and spreading numbness stop', () => {
    expect(stopping.map((s) => s.id).sort()).toEqual(['dizziness', 'spreading-numbness']);
    expect(choosing.map((s) => s.id).sort()).toEqual(['sharp-pain', 'too-hard']);
  });

  describe.each(choosing.map((s) => [s.id]))('%s: the hold stops and the user chooses', (id) => {
    const symptom = getStopSymptom(id)!;
    it.each(corpus.phrasings[id].map((p) => [p]))('"%s"', async (phrase) => {
      const { talk } = newConversation();
      const held = await midFirmHold(talk);
      const turn = await talk.utter(phrase);
      // Stops at once: no more audio, no pressing words; what to do now, then the three choices.
      expect(turn.apla).toBeUndefined();
      expect(turn.speech).not.toMatch(PRESS_ANY);
      expect(turn.speech.startsWith(plain(symptom.advice))).toBe(true);
      expect(turn.speech).toMatch(/ease off/i);
      expect(turn.speech).toMatch(/breathe/i);
      expect(turn.speech).toMatch(CHOICES);
      expect(turn.ended).toBe(false);
      expect(routineState(talk)!.paused?.index).toBe(held);
    });

    it('"resume", "continue" and "yes" do not press that point again: they ask the user to choose', async () => {
      const { talk } = newConversation();
      await midFirmHold(talk);
      await talk.utter(corpus.phrasings[id][0]);
      let last = '';
      for (const words of ['resume', 'continue', 'yes', 'carry on with the routine']) {
        const turn = await talk.utter(words);
        expect(turn.apla).toBeUndefined();
        expect(turn.speech).toMatch(CHOICES_AGAIN);
        expect(turn.speech).not.toMatch(PRESS_ANY);
        // Never the same prompt twice in a row.
        expect(turn.speech).not.toBe(last);
        last = turn.speech;
      }
    });

    it('"carry on lighter": the same point again, lightly, and every hold after it for the session', async () => {
      const { talk } = newConversation();
      const held = await midFirmHold(talk);
      await talk.utter(corpus.phrasings[id][0]);
      const lighter = await talk.utter('carry on lighter');
      expect(lighter.apla).toBeDefined();
      expect(lighter.speech).toMatch(/^Lighter from now on/);
      expect(lighter.speech).toMatch(PRESS_LIGHT);
      expect(lighter.speech).not.toMatch(FIRM_WORDS);
      expect(turnStartsAt(talk)).toBe(held);
      const plan = routineState(talk)!.plan;
      expect(plan.steps.filter((s) => s.pressure === 'firm' || s.pressure === 'moderate')).toEqual([]);
      // The following turns stay light.
      let turn: Turn = lighter;
      for (let i = 0; i < 4 && turn.apla; i++) {
        turn = await talk.wait(1).utter('next');
        expect(turn.speech).not.toMatch(FIRM_WORDS);
      }
      // A timed hold asked for later in the session is light too, and says so.
      const hold = await talk.utter('time a hold for b l twenty three');
      expect(hold.speech).toMatch(/As you asked, I'll keep to light pressure\./);
      expect(hold.speech).toMatch(PRESS_LIGHT);
      expect(hold.speech).not.toMatch(FIRM_WORDS);
    });

    it('"skip this point": on to the next point, never back to the halted one', async () => {
      const { talk } = newConversation();
      const held = await midFirmHold(talk);
      await talk.utter(corpus.phrasings[id][0]);
      const skipped = await talk.utter('skip this point');
      expect(skipped.apla).toBeDefined();
      expect(turnStartsAt(talk)).toBeGreaterThan(held);
      expect(routineState(talk)!.plan.steps[held].pressure).toBe('firm');
      // Not chosen lighter: the rest keeps its written pressure.
      expect(skipped.speech).toMatch(PRESS_FIRM_OR_MODERATE);
    });

    it('"stop": the routine ends and the session closes', async () => {
      const { talk } = newConversation();
      await midFirmHold(talk);
      await talk.utter(corpus.phrasings[id][0]);
      const stopped = await talk.utter('stop');
      expect(stopped.ended).toBe(true);
      expect(stopped.apla).toBeUndefined();
    });
  });

  describe.each(stopping.map((s) => [s.id]))('%s: the routine stops', (id) => {
    const symptom = getStopSymptom(id)!;
    it.each(corpus.phrasings[id].map((p) => [p]))('"%s"', async (phrase) => {
      const userId = `amzn1.ask.account.STOP-${id}`;
      const { talk, store } = newConversation({ userId });
      await midFirmHold(talk);
      await talk.utter('pause');
      // The place was saved by the pause; the symptom ends the routine and clears it.
      expect((await store.getAttributes(launchRequest({ userId }))).routineProgress).toBeDefined();
      await talk.utter('resume');
      talk.wait(2);
      const turn = await talk.utter(phrase);
      expect(turn.apla).toBeUndefined();
      expect(turn.speech).not.toMatch(PRESS_ANY);
      // The stop-rule advice, with what to do if it does not pass, then that the routine has stopped.
      expect(turn.speech.startsWith(plain(symptom.advice))).toBe(true);
      expect(symptom.advice).toMatch(/If (it|the dizziness) doesn't/);
      expect(turn.speech).toMatch(/I've stopped the routine for today\./);
      expect(turn.ended).toBe(true);
      expect(routineState(talk)).toBeUndefined();
      expect((await store.getAttributes(launchRequest({ userId }))).routineProgress).toBeUndefined();
    });
  });

  it('"carry on lighter" on G B 30 (a tennis ball, "a comfortable, moderate pressure"): fingertips, lightly, no ball', async () => {
    const { talk } = newConversation();
    await askForRoutine(talk, 'sciatica');
    let window;
    for (let tries = 0; tries < 6 && !window; tries++) {
      const state = routineState(talk)!;
      window = state.turn!.windows.find((w) => state.plan.steps[w.index].points.includes('GB 30'));
      if (!window) await talk.wait(1).utter('next');
    }
    expect(window).toBeDefined();
    talk.wait((window!.holdStartMs + window!.holdMs / 2) / 1000);
    expect((await talk.utter("that's too hard")).apla).toBeUndefined();
    const lighter = await talk.utter('carry on lighter');
    expect(lighter.speech).toMatch(/^Lighter from now on/);
    expect(lighter.speech).toMatch(/G B 30/);
    // The step's own words follow the choice too, not only the press cue.
    expect(lighter.speech).not.toMatch(/moderate pressure|tennis ball|knuckle/);
    expect(lighter.speech).not.toMatch(FIRM_WORDS);
    expect(lighter.speech).toMatch(PRESS_LIGHT);
    const step = routineState(talk)!.plan.steps[window!.index];
    expect(step).toMatchObject({ pressure: 'light', tools: [] });
  });
});
