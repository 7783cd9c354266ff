import { routines } from '../../../lambda/src/core/catalogue';
import { conditions, healthSpokenForms } from '../../../lambda/src/core/safety';
import { speakableCode } from '../../../lambda/src/speech/ssml';
import { NEXT, START, probedConversation } from './probe';

const start = (talk: ReturnType<typeof probedConversation>['talk'], routine = 'general') =>
  talk.say(START, { routine });

describe('routineGate: what a routine start hears', () => {
  it('no conditions: the routine as written, nothing said about changes', async () => {
    const { talk } = probedConversation();
    const turn = await start(talk, 'sciatica');
    expect(turn.speech).toMatch(/^\[adjust\] Starting sciatica\. G B 30 Lie on your side/);
    expect((await talk.utter('what did you change')).speech).toMatch(/^I haven't changed anything\./);
  });

  it('a red flag blocks every routine for the rest of the session, and says why each time', async () => {
    const { talk } = probedConversation();
    await talk.launch();
    expect((await talk.utter('I have chills')).speech).toMatch(/^Please get medical advice today/);
    for (const routine of ['general', 'quick', 'evening']) {
      const turn = await start(talk, routine);
      expect(turn.speech).toBe(
        "I won't start a routine in this session, because you mentioned a high temperature. Please get medical advice today: urgent care, your doctor, or NHS 111. Is there anything you'd like to ask?",
      );
      expect(turn.ended).toBe(false);
    }
    expect((await talk.say(NEXT)).speech).toBe('blocked');
    // Saying a condition afterwards does not lift the block.
    await talk.utter('I take blood thinners');
    expect((await start(talk)).speech).toMatch(/^I won't start a routine in this session/);
  });

  it('a red flag said mid-routine stops "next" too', async () => {
    const { talk } = probedConversation();
    await start(talk);
    expect((await talk.say(NEXT)).speech).toBe('next step');
    await talk.utter("I've noticed a lump on my back");
    expect((await talk.say(NEXT)).speech).toBe('blocked');
  });

  it('a stop-tier condition blocks routines as well', async () => {
    const { talk } = probedConversation();
    await talk.utter('I have a fracture');
    expect((await start(talk)).speech).toMatch(
      /^I won't start a routine in this session, because you may have a fracture\./,
    );
  });

  it('the block lasts for the session only: a new session starts clean', async () => {
    const { talk } = probedConversation();
    await talk.launch();
    await talk.utter('I have calf pain');
    expect((await start(talk)).speech).toMatch(/^I won't start/);
    await talk.end();
    await talk.launch();
    expect((await start(talk)).speech).toMatch(/Starting general lower back/);
  });

  it('pregnancy: the breathing-only routine, the reason, and the midwife or doctor', async () => {
    const { talk } = probedConversation();
    await talk.utter("I'm pregnant");
    const turn = await start(talk, 'evening');
    expect(turn.speech).toMatch(
      /^Because you're pregnant, I've given you a breathing-only routine, with your warm palms resting lightly on your lower back and no pressure at all\. Please ask your doctor, midwife or care team about your back pain\. \[breathing-only\] Starting breathing only\./,
    );
    expect(turn.speech).not.toMatch(/[A-Z] [A-Z] \d/); // no point code at all
    expect((await talk.utter('what did you change')).speech).toMatch(
      /^In the breathing only routine: I've given you a breathing-only routine.*because you're pregnant\./,
    );
  });

  it('says what it changed in one sentence, and "what did you change?" explains each change', async () => {
    const { talk } = probedConversation();
    await talk.utter('I have a hip replacement');
    await talk.utter('I take warfarin');
    const turn = await start(talk, 'sciatica');
    expect(turn.speech).toMatch(
      /^Because you have a hip replacement and you take blood thinners, I've left out G B 30 and kept every step to light pressure\. \[adjust\]/,
    );
    const why = await talk.utter('what did you change');
    expect(why.speech).toBe(
      "In the sciatica routine: I've left out G B 30, because you have a hip replacement. I've kept every step to light pressure, because you take blood thinners. Anything else you'd like to know?",
    );
  });

  it('a local problem keeps the routine and adds the keep-off reminder', async () => {
    const { talk } = probedConversation();
    await talk.utter('I have a sprain');
    expect((await start(talk, 'quick')).speech).toMatch(
      /^Because you have a new injury, please skip any point on or near the sore or injured area\. \[adjust\] Starting quick\./,
    );
  });

  it('a misheard "I\'m ready" does not change the routine once the user says it is not a condition', async () => {
    const { talk } = probedConversation();
    expect((await talk.say('HealthStatementIntent', { condition: 'ready' })).speech).toMatch(
      /Is that a health condition you have\?/,
    );
    expect((await talk.utter('no')).speech).toMatch(/^Okay, I won't treat it as one\./);
    expect((await start(talk, 'quick')).speech).toMatch(/^\[adjust\] Starting quick/);
  });

  it('a condition the skill does not know, once confirmed, gives breathing only', async () => {
    const { talk } = probedConversation();
    await talk.say('HealthStatementIntent', { condition: 'kidney stones' });
    await talk.utter('yes');
    expect((await start(talk, 'quick')).speech).toMatch(
      /^Because you mentioned a condition I don't have information on, I've given you a breathing-only routine/,
    );
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
      const { talk } = probedConversation();
      await talk.say('HealthStatementIntent', { condition: words });
      const turn = await start(talk, routineId);
      // The change sentence may name what was left out; the routine itself must not contain it.
      const routineSpeech = turn.speech.split(/\] Starting /)[1];
      expect(routineSpeech).toBeDefined();
      for (const code of ruledOut) expect(routineSpeech).not.toContain(speakableCode(code));
    });
  });
});
