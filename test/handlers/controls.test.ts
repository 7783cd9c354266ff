/**
 * Issue 13 from the user's words, through the real skill: no catch-all traps, a fallback and help
 * that know where the user is, and the controls people say mid-hold.
 */
import { newConversation } from '../support/skill';
import type { Conversation } from '../support/conversation';
import { askForRoutine, routineState } from '../support/routine';

/** 20 s into a routine's first point hold (the evening routine's: B L 23 and B L 52, 2 minutes, light). */
async function midHold(routine = 'evening'): Promise<Conversation> {
  const { talk } = newConversation();
  await talk.launch();
  await askForRoutine(talk, routine);
  talk.wait(routineState(talk)!.turn!.totalMs / 1000);
  await talk.utter('next');
  talk.wait(routineState(talk)!.turn!.windows[0].holdStartMs / 1000 + 20);
  return talk;
}

describe('no catch-all traps', () => {
  it.each([
    ['FindPointIntent', 'next'],
    ['FindPointIntent', 'it again'],
    ['FindPointIntent', 'acupressure'],
    ['PointLocationIntent', 'it again'],
    ['TimeHoldIntent', 'next'],
  ])('%s with "%s" is never "a point called …"; the fallback answers', async (intent, words) => {
    const { talk } = newConversation();
    await talk.launch();
    const turn = await talk.say(intent, { point: words });
    expect(turn.speech).not.toMatch(/a point called/);
    expect(turn.speech).toMatch(/^Sorry, I didn't catch that\./);
    expect(turn.ended).toBe(false);
  });

  it('"where is it again", "what\'s next", "what is acupressure", "I\'m done": none is a point or a condition', async () => {
    const { talk } = newConversation();
    await talk.launch();
    for (const words of ['where is it again', "what's next", 'what is acupressure']) {
      const turn = await talk.utter(words);
      expect(turn.speech).not.toMatch(/a point called|health condition|safety information about/);
      expect(turn.ended).toBe(false);
    }
    const done = await talk.utter("I'm done");
    expect(done.speech).toMatch(/Goodbye\.$/);
    expect(done.ended).toBe(true);
  });

  it('mid-hold, "what\'s next" names the next step and the hold carries on', async () => {
    const talk = await midHold();
    const turn = await talk.utter("what's next");
    expect(turn.speech).toMatch(/^Next is step 3 of \d+: /);
    expect(routineState(talk)!.paused).toBeUndefined();
    expect(routineState(talk)!.turn!.startedAt).toBe(talk.now);
  });
});

describe('a fallback and help that know where you are', () => {
  it('a miss mid-hold pauses there and says where; a second miss is shorter and different', async () => {
    const talk = await midHold();
    const first = await talk.utter('purple monkey dishwasher');
    expect(first.speech).toMatch(
      /^You're paused on B L 23 and B L 52, with 1 minute and (39|40|41) seconds left\. Say resume, next, or stop\.$/,
    );
    expect(routineState(talk)!.paused).toMatchObject({ index: 1 });
    const second = await talk.utter('purple monkey dishwasher');
    expect(second.speech).not.toBe(first.speech);
    expect(second.speech.length).toBeLessThan(first.speech.length);
    const third = await talk.utter('purple monkey dishwasher');
    expect(third.speech).not.toBe(second.speech);
    // The place is kept: "resume" carries on with what was left.
    await talk.utter('resume');
    expect(Math.abs(routineState(talk)!.turn!.windows[0].holdMs - 100_000)).toBeLessThanOrEqual(2_000);
  });

  it('a miss with no routine: the second is shorter and different', async () => {
    const { talk } = newConversation();
    await talk.launch();
    const first = await talk.utter('purple monkey dishwasher');
    const second = await talk.utter('purple monkey dishwasher');
    expect(second.speech).not.toBe(first.speech);
    expect(second.speech.length).toBeLessThan(first.speech.length);
  });

  it('help mid-hold says the routine is paused and offers three things', async () => {
    const talk = await midHold();
    const help = await talk.utter('what can I say');
    expect(help.speech).toBe(
      'The routine is paused on B L 23 and B L 52. You can say resume, how long is left, or stop.',
    );
    expect(routineState(talk)!.paused).toMatchObject({ index: 1 });
  });

  it('between steps, help and a miss offer next', async () => {
    const { talk } = newConversation();
    await talk.launch();
    await askForRoutine(talk, 'evening');
    talk.wait(routineState(talk)!.turn!.totalMs / 1000 + 1);
    expect((await talk.utter('help')).speech).toBe(
      "You're between steps. You can say next, where am I, or stop.",
    );
    expect((await talk.utter('purple monkey dishwasher')).speech).toMatch(
      /^Sorry, I missed that\. Say next for B L 23 and B L 52, or stop\.$/,
    );
  });
});

describe('controls mid-hold', () => {
  it('"continue" keeps the hold where it is, never skips', async () => {
    const talk = await midHold();
    await talk.utter('continue');
    const window = routineState(talk)!.turn!.windows[0];
    expect(window.index).toBe(1);
    expect(Math.abs(window.holdMs - 100_000)).toBeLessThanOrEqual(2_000);
  });

  it('"which side" names the side of this hold, or of the next between steps', async () => {
    const { talk } = newConversation();
    await talk.launch();
    await askForRoutine(talk, 'sciatica');
    talk.wait(3);
    expect((await talk.utter('which side')).speech).toMatch(/^The painful side for this one\. /);
    talk.wait(routineState(talk)!.turn!.totalMs / 1000 + 1);
    expect((await talk.utter('left or right')).speech).toMatch(/^The next one is both sides together\. /);
  });

  it('two questions a few seconds apart keep the time already held', async () => {
    const talk = await midHold();
    await talk.utter('which side');
    talk.wait(4);
    const again = await talk.utter('how many more');
    expect(again.speech).not.toMatch(/for 2 minutes/);
    const window = routineState(talk)!.turn!.windows[0];
    expect(window.index).toBe(1);
    expect(window.holdMs).toBeLessThanOrEqual(101_000);
  });

  it('"where am I": step, point, side and time left, then the hold carries on', async () => {
    const talk = await midHold();
    const turn = await talk.utter('where am I');
    expect(turn.speech).toMatch(
      /^You're on step 2 of \d+: B L 23 and B L 52, both sides together, with 1 minute and (39|40|41) seconds left\./,
    );
    expect(routineState(talk)!.turn!.windows[0].index).toBe(1);
  });

  it('"I can\'t reach it" offers another way, "louder" says how, and the hold carries on', async () => {
    const talk = await midHold();
    const reach = await talk.utter("I can't reach it");
    expect(reach.speech).toMatch(/tennis ball/);
    expect(reach.speech).toMatch(/ask someone to press it/);
    expect(routineState(talk)!.turn!.windows[0].index).toBe(1);
    talk.wait(5);
    const louder = await talk.utter('louder');
    expect(louder.speech).toMatch(/^To turn me up, say: Alexa, louder\./);
  });

  it('"press harder" gives firmer words only where the hold allows it', async () => {
    // The general routine presses B L 23 firmly; the evening routine's B L 23 hold is light.
    const firm = await midHold('general');
    expect((await firm.utter('press harder')).speech).toMatch(/^You can press a little firmer/);
    const light = await midHold();
    expect((await light.utter('press harder')).speech).toMatch(/^Keep this one light/);
    const { talk: pregnant } = newConversation();
    await pregnant.launch();
    await pregnant.utter("I'm pregnant");
    expect((await pregnant.utter('press harder')).speech).toMatch(/^Keep this one light/);
  });

  it('"slower" slows the routine from the next cue and keeps the hold (more in voice-preferences.test.ts)', async () => {
    const talk = await midHold();
    const hold = routineState(talk)!.turn!.windows[0];
    const turn = await talk.utter('slower');
    expect(turn.speech).toMatch(/^Slower it is\. /);
    expect(routineState(talk)!.turn!.windows[0].index).toBe(hold.index);
    expect(routineState(talk)!.plan.voice?.pace).toBe('slow');
  });

  it('"I\'m done" stops, keeps the place, and "resume my routine" picks it up next time', async () => {
    const { talk } = newConversation();
    await talk.launch();
    await askForRoutine(talk, 'evening');
    talk.wait(routineState(talk)!.turn!.totalMs / 1000);
    await talk.utter('next');
    talk.wait(routineState(talk)!.turn!.windows[0].holdStartMs / 1000 + 20);
    const done = await talk.utter("I'm done");
    expect(done.ended).toBe(true);
    expect(done.speech).toMatch(/I've saved your place in the evening routine/);
    await talk.launch();
    const back = await talk.utter('resume my routine');
    expect(back.speech).not.toMatch(/I don't have a routine to pick up/);
  });
});
