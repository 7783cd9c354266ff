import { getRoutine, routines } from '../../../lambda/src/core/catalogue';
import { conditions, healthSpokenForms } from '../../../lambda/src/core/safety';
import type { Conversation } from '../../support/conversation';
import { askForRoutine, plannedPoints, routineState } from '../../support/routine';
import { newConversation } from '../../support/skill';

/**
 * The routine gate through the real skill: "start the … routine" (and "no" to the safety question),
 * with what the routine will press read from the plan the skill keeps in the session.
 */
const start = (talk: Conversation, routine = 'general') => askForRoutine(talk, routine);
/** "Let's do the quick routine. It takes about 5 minutes, and I'll time every hold." */
const intro = (name: string) =>
  `Let's do the ${name} routine\\. It takes about \\d+( and a half)? minutes, and I'll time every hold\\.`;
const routinePoints = (id: string) => getRoutine(id)!.steps.flatMap((s) => s.points ?? []);

describe('routineGate: what a routine start hears', () => {
  it('no conditions: the routine as written, nothing said about changes', async () => {
    const { talk } = newConversation();
    const turn = await start(talk, 'sciatica');
    expect(turn.speech).toMatch(new RegExp(`^${intro('sciatica')} (?!Because)`));
    expect(turn.speech).toMatch(/G B 30/);
    expect(new Set(plannedPoints(talk))).toEqual(new Set(routinePoints('sciatica')));
    expect((await talk.utter('what did you change')).speech).toMatch(/^I haven't changed anything\./);
  });

  it('a red flag blocks every routine for the rest of the session, and says why each time', async () => {
    const { talk } = newConversation();
    await talk.launch();
    expect((await talk.utter('I have chills')).speech).toMatch(/^Please get medical advice from urgent care/);
    for (const routine of ['general', 'quick', 'evening']) {
      const turn = await start(talk, routine);
      expect(turn.speech).toBe(
        "I won't start a routine in this session, because you mentioned a high temperature. Please get medical advice from urgent care or your doctor today. Is there anything you'd like to ask?",
      );
      expect(turn.ended).toBe(false);
    }
    // Nor is a timed hold of one point started.
    expect((await talk.utter('time a hold for b l twenty three')).speech).toMatch(/^I won't start a routine/);
    expect(routineState(talk)).toBeUndefined();
    // Saying a condition afterwards does not lift the block.
    await talk.utter('I take blood thinners');
    expect((await start(talk)).speech).toMatch(/^I won't start a routine in this session/);
  });

  it('a red flag said mid-routine stops "next" too', async () => {
    const { talk } = newConversation();
    await start(talk);
    talk.wait(routineState(talk)!.turn!.totalMs / 1000);
    const second = await talk.utter('next');
    expect(second.apla).toBeDefined();
    await talk.utter("I've noticed a lump on my back");
    const next = await talk.utter('next');
    expect(next.speech).toMatch(/^I won't carry on with the routine in this session/);
    expect(next.apla).toBeUndefined();
  });

  it('a stop-tier condition blocks routines as well', async () => {
    const { talk } = newConversation();
    await talk.utter('I have a fracture');
    expect((await start(talk)).speech).toMatch(
      /^I won't start a routine in this session, because you may have a fracture\./,
    );
  });

  it('the block lasts for the session only: a new session starts clean', async () => {
    const { talk } = newConversation();
    await talk.launch();
    await talk.utter('I have calf pain');
    expect((await start(talk)).speech).toMatch(/^I won't start/);
    await talk.end();
    await talk.launch();
    expect((await start(talk)).speech).toMatch(new RegExp(`^${intro('general lower back')}`));
  });

  it('pregnancy: the breathing-only routine, the reason, and the midwife or doctor', async () => {
    const { talk } = newConversation();
    await talk.utter("I'm pregnant");
    const turn = await start(talk, 'evening');
    expect(turn.speech).toMatch(
      new RegExp(
        `^${intro('breathing only')} Because you're pregnant, I've given you a breathing-only routine, with your warm palms resting lightly on your lower back and no pressure at all\\. Please ask your doctor, midwife or care team about your back pain\\.`,
      ),
    );
    expect(turn.speech).not.toMatch(/[A-Z] [A-Z] \d/); // no point code at all
    expect(plannedPoints(talk)).toEqual([]);
    expect((await talk.utter('what did you change')).speech).toMatch(
      /^In the breathing only routine: I've given you a breathing-only routine.*because you're pregnant\./,
    );
  });

  it('says what it changed in one sentence, and "what did you change?" explains each change', async () => {
    const { talk } = newConversation();
    await talk.utter('I have a hip replacement');
    await talk.utter('I take warfarin');
    const turn = await start(talk, 'sciatica');
    expect(turn.speech).toMatch(
      new RegExp(
        `^${intro('sciatica')} Because you have a hip replacement and you take blood thinners, I've left out G B 30 and kept every step to light pressure\\.`,
      ),
    );
    expect(plannedPoints(talk)).not.toContain('GB 30');
    expect(routineState(talk)!.plan.steps.every((s) => s.pressure === 'light' || s.pressure === 'none')).toBe(
      true,
    );
    const why = await talk.utter('what did you change');
    expect(why.speech).toBe(
      "In the sciatica routine: I've left out G B 30, because you have a hip replacement. I've kept every step to light pressure, because you take blood thinners. Anything else you'd like to know?",
    );
  });

  it('a local problem keeps the routine and adds the keep-off reminder', async () => {
    const { talk } = newConversation();
    await talk.utter('I have a sprain');
    expect((await start(talk, 'quick')).speech).toMatch(
      new RegExp(
        `^${intro('quick')} Because you have a new injury, please skip any point on or near the sore or injured area\\.`,
      ),
    );
    expect(new Set(plannedPoints(talk))).toEqual(new Set(routinePoints('quick')));
  });

  it('a misheard "I\'m ready" does not change the routine once the user says it is not a condition', async () => {
    const { talk } = newConversation();
    expect((await talk.say('HealthStatementIntent', { condition: 'ready' })).speech).toMatch(
      /Is that a health condition you have\?/,
    );
    expect((await talk.utter('no')).speech).toMatch(/^Okay, I won't treat it as one\./);
    expect((await start(talk, 'quick')).speech).toMatch(new RegExp(`^${intro('quick')} (?!Because)`));
    expect(new Set(plannedPoints(talk))).toEqual(new Set(routinePoints('quick')));
  });

  it('a condition the skill does not know, once confirmed, gives breathing only', async () => {
    const { talk } = newConversation();
    await talk.say('HealthStatementIntent', { condition: 'kidney stones' });
    await talk.utter('yes');
    expect((await start(talk, 'quick')).speech).toMatch(
      new RegExp(
        `^${intro('breathing only')} Because you mentioned a condition I don't have information on, I've given you a breathing-only routine`,
      ),
    );
    expect(plannedPoints(talk)).toEqual([]);
  });

  describe('no ruled-out point is heard in any routine, for any condition said in any of its words', () => {
    const cases = routines.flatMap((r) =>
      conditions
        .filter((c) => c.tier !== 'stop')
        .map(
          (c) =>
            [r.id, c.id, healthSpokenForms(c).at(-1) ?? c.name, [...c.avoid, ...c.palmsInstead]] as const,
        ),
    );
    it.each(cases)('%s with %s ("%s")', async (routineId, _id, words, ruledOut) => {
      const { talk } = newConversation();
      await talk.say('HealthStatementIntent', { condition: words });
      await start(talk, routineId);
      // What the routine will press, every hold of it, as the skill planned it.
      const pressed = plannedPoints(talk);
      expect(routineState(talk)!.plan.steps.length).toBeGreaterThan(0);
      for (const code of ruledOut) expect(pressed).not.toContain(code);
    });
  });
});
