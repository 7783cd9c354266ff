/**
 * Routines and safety together, through the real skill: the pre-routine screen hands over to
 * triage, red flags block routines for the session, pregnancy gets the breathing-only routine, and a
 * stated condition adjusts every turn that is played (no ruled-out point is ever spoken).
 */
import { getPoint, getRoutine } from '../../lambda/src/core/catalogue';
import { speakableCode } from '../../lambda/src/speech/ssml';
import type { Conversation, Turn } from '../support/conversation';
import { routineOver } from '../support/routine';
import { newConversation } from '../support/skill';
import { PRESS_ANY } from '../support/cues';

/** Plays a routine to its end with "next", returning every turn heard (the first included). */
async function playToEnd(talk: Conversation, first: Turn): Promise<Turn[]> {
  const turns = [first];
  for (let i = 0; i < 40 && !routineOver(talk); i++) {
    talk.wait(240);
    turns.push(await talk.utter('next'));
  }
  expect(routineOver(talk)).toBe(true);
  return turns;
}

/** What a point code sounds like in speech ("B L 40"), to check it is never said. */
const spoken = (code: string) => speakableCode(getPoint(code)!.code);

describe('the pre-routine screen hands over to safety', () => {
  it('"yes", then "I\'m pregnant": the breathing-only routine is offered, and plays without any point', async () => {
    const { talk } = newConversation();
    await talk.utter('start the general routine');
    await talk.utter('yes');
    const noted = await talk.utter("I'm pregnant");
    expect(noted.speech).toMatch(/breathing-only routine/);
    const start = await talk.utter('yes');
    expect(start.speech).toMatch(/^Let's do the breathing only routine/);
    expect(start.speech).toMatch(/midwife/);
    const turns = await playToEnd(talk, start);
    const heard = turns.map((t) => t.speech).join(' ');
    for (const code of [
      'BL 23',
      'BL 52',
      'BL 53',
      'BL 40',
      'BL 60',
      'CV 6',
      'GB 30',
      'LI 4',
      'SP 6',
      'GB 21',
      'BL 67',
    ]) {
      expect(heard).not.toContain(spoken(code));
    }
    expect(heard).not.toMatch(PRESS_ANY);
  });

  it('"yes", then an emergency sign: the urgent-care answer, no routine', async () => {
    const { talk } = newConversation();
    await talk.utter('start a routine');
    await talk.utter('yes');
    const answer = await talk.utter('I have numbness between my legs');
    expect(answer.speech).toMatch(/call 911\./);
    expect(answer.apla).toBeUndefined();
  });

  it('an urgent sign blocks every routine for the rest of the session, and explains why when asked again', async () => {
    const { talk } = newConversation();
    const triage = await talk.utter('I have a high temperature');
    expect(triage.speech).toMatch(/urgent care or your doctor today/);
    expect(triage.ended).toBe(false);
    for (const words of ['start a routine', 'start the evening routine', 'start the quick routine']) {
      const turn = await talk.utter(words);
      expect(turn.speech).toMatch(/^I won't start a routine in this session, because/);
      expect(turn.apla).toBeUndefined();
    }
    await talk.utter('where is b l twenty three');
    expect((await talk.utter('time a hold')).apla).toBeUndefined();
    // A new session is a new start.
    talk.newSession();
    expect((await talk.utter('start a routine')).speech).toMatch(/One safety check first\./);
  });

  it('a red flag said mid-routine stops the guiding; "next" and "resume" do not carry on', async () => {
    const { talk } = newConversation();
    await talk.utter('start the quick routine');
    await talk.utter('no');
    talk.wait(20);
    const triage = await talk.utter('I have a high temperature');
    expect(triage.speech).toMatch(/urgent care or your doctor today/);
    for (const words of ['next', 'resume']) {
      const turn = await talk.utter(words);
      expect(turn.speech).toMatch(/I won't carry on with the routine in this session/);
      expect(turn.apla).toBeUndefined();
    }
  });
});

describe('a stated condition adjusts the routine', () => {
  it.each([
    ['I have a hip replacement', 'start the sciatica routine', ['GB 30']],
    ['I have varicose veins', 'start the general routine', ['BL 40']],
    ['I have diabetes', 'start the quick routine', ['BL 60']],
    ['I have a hernia', 'start the evening routine', ['CV 6']],
  ])('"%s", then "%s": says what changed, and never presses %j', async (statement, start, avoided) => {
    const { talk } = newConversation();
    await talk.utter(statement);
    await talk.utter(start);
    const first = await talk.utter('no');
    expect(first.speech).toMatch(/Because you .*I've left out/);
    const heard = (await playToEnd(talk, first)).map((t) => t.speech).join(' ');
    for (const code of avoided) expect(heard).not.toContain(`${spoken(code)},`);
    const explained = await talk.utter('what did you change');
    expect(explained.speech).toMatch(/left out/);
  });

  it('blood thinners: every step at light pressure, and the skill says so', async () => {
    const { talk } = newConversation();
    await talk.utter('I take blood thinners');
    await talk.utter('start the stiffness routine');
    const first = await talk.utter('no');
    expect(first.speech).toMatch(/light pressure/);
    const heard = (await playToEnd(talk, first)).map((t) => t.speech).join(' ');
    expect(heard).not.toMatch(/firm, dull ache/);
    // The steps that lie on balls or a towel roll are replaced by their hands-only versions.
    const toolSteps = getRoutine('stiffness')!.steps.filter((step) => step.tools.length > 0);
    expect(toolSteps.length).toBeGreaterThan(0);
    for (const step of toolSteps) {
      expect(heard).not.toContain(step.cue);
      expect(heard).not.toContain(step.position);
    }
  });

  it('"time a hold" on a point the condition rules out is refused, with an allowed point offered instead', async () => {
    const { talk } = newConversation();
    await talk.utter('is it safe if I have varicose veins');
    await talk.utter('where is the commanding middle');
    // Refused at once, before the safety question: the profile already rules the point out.
    const turn = await talk.utter('time a hold');
    expect(turn.speech).toMatch(
      /^As I said, with varicose veins, it's best to leave B L 40 alone\. .* instead\./,
    );
    expect(turn.apla).toBeUndefined();
  });

  it('a routine saved before a condition was said restarts adjusted when resumed', async () => {
    const { talk } = newConversation({ userId: 'amzn1.ask.account.RESUMER' });
    await talk.utter('start the sciatica routine');
    await talk.utter('no');
    talk.wait(30);
    await talk.utter('stop');
    // Next session: the user mentions a hip replacement, then resumes.
    await talk.launch();
    await talk.utter('I have a hip replacement');
    await talk.utter('resume my routine');
    const turn = await talk.utter('no');
    expect(turn.speech).toMatch(/start this routine again from the beginning, adjusted for you/);
    expect(turn.speech).not.toContain(`${spoken('GB 30')},`);
  });
});
