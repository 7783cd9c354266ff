/**
 * Triage as the domain reference's section 4 says, from the user's words through the real skill:
 * fever with anything, cancer in any wording, age, the inflammatory pattern, pain that isn't
 * improving, an aortic aneurysm, the pre-routine question, and pregnancy answers.
 */
import { getCondition, getRedFlag } from '../../../lambda/src/core/safety';
import { translatorFor } from '../../../lambda/src/i18n';
import { ssmlToText } from '../../../lambda/src/speech/ssml';
import { launchRequest } from '../../../simulator/envelope';
import { newConversation } from '../../support/skill';
import { PRESS_ANY } from '../../support/cues';
import { expectReason, expectUrgentCareFirst } from '../../support/triage';

const t = translatorFor('en-US');
const URGENT = ssmlToText(t('safety.care.urgent'));
const EMERGENCY = ssmlToText(t('safety.care.emergency'));
const STARTED = /Let's do the .* routine/;
const SCREEN = /One safety check first\./;

async function startAfter(...words: string[]) {
  const { talk } = newConversation();
  await talk.launch();
  const turns = [];
  for (const w of words) turns.push(await talk.utter(w));
  return { talk, turns, start: await talk.utter('start the quick routine') };
}

describe('the pre-routine question', () => {
  it('covers pregnancy, cancer, numbness in both legs, bladder or bowel, fever and falls, in at most three groups', async () => {
    const { start } = await startAfter();
    expect(start.speech).toMatch(SCREEN);
    const question = start.speech.replace(SCREEN, '').trim();
    expect(question).toMatch(/pregnant.*cancer.*both legs.*bladder or bowel.*fever.*fall/);
    expect(question.split(/[.?!]/).filter((s) => s.trim() !== '')).toHaveLength(1);
    expect(question.split(';').length).toBeLessThanOrEqual(3);
  });

  it('does not ask again what the user already said ("I\'m pregnant")', async () => {
    const { start } = await startAfter("I'm pregnant");
    expect(start.speech).toMatch(SCREEN);
    expect(start.speech).not.toMatch(/pregnant/);
    expect(start.speech).toMatch(/cancer.*both legs/);
  });

  it('"yes", then "numb legs and I can\'t pee": the emergency answer, and no routine; "no" to why closes', async () => {
    const { talk } = newConversation();
    await talk.launch();
    await talk.utter('start the quick routine');
    await talk.utter('yes');
    const turn = await talk.utter("numb legs and I can't pee");
    expectUrgentCareFirst(turn, getRedFlag('bladder-change')!);
    expect(turn.speech.startsWith(EMERGENCY)).toBe(true);
    expect(turn.reprompt.startsWith(EMERGENCY)).toBe(true);
    const no = await talk.utter('no');
    expect(no.speech).toBe('Okay. Please get help now.');
    expect(no.ended).toBe(true);
  });
});

describe('fever with anything: same-day care, no routine in the session', () => {
  it.each([
    'I have a fever and back pain',
    "I'm pregnant and I have a fever",
    'is it safe if I have a fever and back pain',
  ])('"%s"', async (words) => {
    const { talk, turns, start } = await startAfter(words);
    expect(turns[0].speech.startsWith(URGENT)).toBe(true);
    expectUrgentCareFirst(turns[0], getCondition('fever')!);
    expect(start.speech).not.toMatch(STARTED);
    expect(start.speech).not.toMatch(SCREEN);
    expect((await talk.utter('start the evening routine')).speech).not.toMatch(STARTED);
  });
});

describe('cancer in any wording gets one answer', () => {
  it('"I had cancer", "I\'ve had cancer", "I have cancer", "a history of cancer", "is it safe if I had cancer"', async () => {
    const answers = new Set<string>();
    for (const words of [
      'I had cancer',
      "I've had cancer",
      'I have cancer',
      'a history of cancer',
      'I have a history of cancer',
    ]) {
      const { turns, start } = await startAfter(words);
      answers.add(turns[0].speech);
      expect(start.speech).not.toMatch(STARTED);
    }
    expect(answers.size).toBe(1);
    const [only] = [...answers];
    expect(only.startsWith(URGENT)).toBe(true);
  });
});

describe('age (section 4 thresholds)', () => {
  it.each([
    ["I'm 65", 'age-over-50'],
    ["I'm sixty five years old", 'age-over-50'],
    ["I'm 17", 'age-under-20'],
  ])('"%s": worth seeing a clinician, and self-care is still offered', async (words, id) => {
    const { turns, start } = await startAfter(words);
    expect(turns[0].speech).toContain(getRedFlag(id)?.why);
    expect(turns[0].speech).not.toMatch(/health condition/);
    expect(start.speech).toMatch(SCREEN);
  });

  it('"I\'m 80": also light pressure and short holds for the rest of the session', async () => {
    const { turns, talk } = await startAfter("I'm 80");
    expect(turns[0].speech).toContain(getRedFlag('age-over-50')?.why);
    expect((talk.sessionAttributes.safety as { conditions: string[] }).conditions).toContain('frail');
  });

  it('"I\'m 15": the skill is for adults, no routine; a corrected age lifts it', async () => {
    const { talk, turns, start } = await startAfter("I'm 15");
    expect(turns[0].speech).toContain(getRedFlag('under-16')?.why);
    expect(turns[0].ended).toBe(false);
    expect(start.speech).not.toMatch(STARTED);
    expect(start.speech).not.toMatch(SCREEN);
    await talk.utter("I'm 50");
    expect((await talk.utter('start the quick routine')).speech).toMatch(SCREEN);
  });
});

describe('other section 4 signs', () => {
  it('not better after weeks: see a GP or physio in one breath, why on "why", not a block', async () => {
    const { turns, start } = await startAfter("it's not getting better", 'why');
    expect(turns[0].speech).toBe(`${ssmlToText(t('safety.care.clinician'))} Want to know why?`);
    expect(turns[1].speech).toContain(getRedFlag('not-improving')?.why);
    expect(turns[1].speech).toMatch(/\?$/);
    expect(turns.map((turn) => turn.speech).join(' ')).not.toContain(URGENT);
    expect(start.speech).toMatch(SCREEN);
  });

  it('morning stiffness with night pain: a clinician before the morning routine', async () => {
    const { talk, turns } = await startAfter('morning stiffness and night pain', 'why');
    expect(turns[0].speech.startsWith(URGENT)).toBe(true);
    expect(turns[1].speech).toMatch(/see a doctor before the morning routine/);
    expect((await talk.utter('start the morning routine')).speech).not.toMatch(STARTED);
  });

  it('"I have morning stiffness": one question about night pain first; yes means see a clinician', async () => {
    const { talk } = newConversation();
    await talk.launch();
    const question = await talk.utter('I have morning stiffness');
    expect(question.speech).toBe(getRedFlag('inflammatory-pattern')?.askFirst?.question);
    // "Repeat" says the question again (from the skill's own sentences), and it still waits for yes or no.
    expect((await talk.utter('repeat that')).speech).toBe(question.speech);
    const yes = await talk.utter('yes');
    expect(yes.speech.startsWith(URGENT)).toBe(true);
    expectUrgentCareFirst(yes, getRedFlag('inflammatory-pattern')!);
    expectReason(await talk.utter('yes'), getRedFlag('inflammatory-pattern')!);
    expect((await talk.utter('start the morning routine')).speech).not.toMatch(STARTED);
  });

  it('"I have morning stiffness", then no night pain: the morning routine is offered', async () => {
    const { talk } = newConversation();
    await talk.launch();
    await talk.utter("I'm stiff in the morning");
    const no = await talk.utter('no');
    expect(no.speech).toMatch(/guide you through the morning routine\?$/);
    await talk.utter('yes');
    expect((await talk.utter('no')).speech).toMatch(STARTED);
  });

  it.each([['start a routine for morning stiffness'], ['which point helps morning stiffness']])(
    '"%s": the night-pain question first, never straight to the morning routine',
    async (words) => {
      const { talk } = newConversation();
      await talk.launch();
      const question = await talk.utter(words);
      expect(question.speech).toBe(getRedFlag('inflammatory-pattern')?.askFirst?.question);
      expect(question.apla).toBeUndefined();
      const yes = await talk.utter('yes');
      expect(yes.speech.startsWith(URGENT)).toBe(true);
      expect((await talk.utter('start the morning routine')).speech).not.toMatch(STARTED);
    },
  );

  it('"start a routine for morning stiffness", no night pain: the morning routine, after the safety check', async () => {
    const { talk } = newConversation();
    await talk.launch();
    await talk.utter('start a routine for morning stiffness');
    const no = await talk.utter('no');
    expect(no.speech).toMatch(/guide you through the morning routine\?$/);
    await talk.utter('yes');
    expect((await talk.utter('no')).speech).toMatch(STARTED);
  });

  it('an aortic aneurysm: emergency, and the session closes once the reason is given', async () => {
    const { talk } = newConversation();
    await talk.launch();
    const turn = await talk.utter('I have an aortic aneurysm');
    expect(turn.speech.startsWith(EMERGENCY)).toBe(true);
    expectUrgentCareFirst(turn, getRedFlag('aortic-aneurysm')!);
    const reason = await talk.utter('tell me more');
    expectReason(reason, getRedFlag('aortic-aneurysm')!);
    expect(reason.speech).toMatch(/I'll close now so you can get help\.$/);
  });
});

describe('pregnancy answers', () => {
  it.each([
    "is it safe if I'm pregnant",
    "I'm pregnant",
    "is it safe to press g b thirty if I'm pregnant",
    "what points should I avoid if I'm pregnant",
  ])('"%s" never opens with "not without checking" and reads no list of codes', async (words) => {
    const { talk } = newConversation();
    await talk.launch();
    const turn = await talk.utter(words);
    expect(turn.speech).not.toMatch(/Not without checking/);
    expect(turn.speech).not.toMatch(/[A-Z] [A-Z] \d+[;,] [A-Z] [A-Z] \d+/);
    expect(turn.speech).toMatch(/traditionally avoided in pregnancy|because you're pregnant/);
  });
});

describe('stop-rule symptoms', () => {
  it('said during a routine: what to do now, and the routine is not carried on', async () => {
    const { talk } = newConversation();
    await talk.launch();
    await talk.utter('start the quick routine');
    expect((await talk.utter('no')).speech).toMatch(STARTED);
    const turn = await talk.utter('I feel dizzy');
    expect(turn.speech).toMatch(/^Stop pressing, and sit or lie down/);
    // Dizziness ends the routine (item 2); test/handlers/safety/stop-mid-hold.test.ts has every group.
    expect(turn.speech).toMatch(/stopped the routine/);
    expect(turn.speech).not.toMatch(PRESS_ANY);
    expect(turn.apla).toBeUndefined();
  });

  it('"that\'s too hard" during a routine: the routine is paused, and the user chooses what next', async () => {
    const { talk } = newConversation();
    await talk.launch();
    await talk.utter('start the quick routine');
    expect((await talk.utter('no')).speech).toMatch(STARTED);
    const turn = await talk.utter("that's too hard");
    expect(turn.speech).toMatch(/^Ease off to a lighter touch/);
    expect(turn.speech).toMatch(/say carry on lighter, skip this point, or stop\.$/);
    expect(turn.speech).not.toMatch(PRESS_ANY);
    expect(turn.apla).toBeUndefined();
  });
});

describe('everyday words about the back itself', () => {
  it.each(['my back hurts', 'my lower back hurts', 'my back is sore'])(
    '"%s" is what the guide is for, not a symptom to clarify',
    async (words) => {
      const { talk } = newConversation();
      await talk.launch();
      const turn = await talk.utter(words);
      expect(turn.speech).toMatch(/^Thanks\. That's what this guide is for/);
      expect(turn.speech).toMatch(/guide you through the general lower back routine\?$/);
    },
  );

  it.each(['my knee hurts', 'I have a headache'])(
    '"%s" is outside this guide, said plainly',
    async (words) => {
      const { talk } = newConversation();
      await talk.launch();
      const turn = await talk.utter(words);
      expect(turn.speech).toMatch(/^This guide is for lower back pain/);
      expect(turn.speech).toMatch(/\?$/);
    },
  );
});

describe('remembering', () => {
  it('"remember that I have dizziness": a stop-rule symptom is about now, never stored', async () => {
    const { talk, store } = newConversation({ userId: 'dizzy-user' });
    await talk.launch();
    const turn = await talk.utter('remember that I have dizziness');
    expect(turn.speech).toMatch(/dizziness or faintness in mind for this session only/);
    expect(turn.speech).not.toMatch(/Yes or no\?/);
    await talk.utter('yes');
    const saved = await store.getAttributes(launchRequest({ userId: 'dizzy-user' }));
    expect(saved.health).toBeUndefined();
  });
});
