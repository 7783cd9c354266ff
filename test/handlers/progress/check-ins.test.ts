/**
 * Pain check-ins, the spoken trend, the 4–6 week rule and the returning welcome (issue 14), from
 * the user's words through the real skill, with the user record on dynalite (a real DynamoDB).
 */
import { addDays, type StoredEntry } from '../../../lambda/src/core/progress/history';
import { DynamoDbPersistenceAdapter } from '../../../lambda/src/persistence/dynamodb';
import { buildSkill } from '../../../lambda/src/skill';
import { launchRequest } from '../../../simulator/envelope';
import { Conversation, type Turn } from '../../support/conversation';
import { setEnvironment, startDynalite, type Dynalite } from '../../support/dynalite';
import { routineOver } from '../../support/routine';

const TABLE = 'progress-users';
const TODAY = '2026-11-25';
/** A user who has done a routine in an earlier session (check-ins start then). */
const RETURNING = { welcomed: true, routinesHeard: true };

let db: Dynalite;
let restoreEnv: () => void;
const stores: DynamoDbPersistenceAdapter[] = [];

beforeAll(async () => {
  db = await startDynalite();
  restoreEnv = setEnvironment(db.awsEnvironment());
  await db.createTable(TABLE);
});
afterAll(async () => {
  stores.forEach((store) => store.destroy());
  restoreEnv();
  await db.close();
});

let users = 0;
/** A fresh user on the dynalite store, with `record` stored first. */
async function user(record?: Record<string, unknown>, locale?: string) {
  const store = new DynamoDbPersistenceAdapter({ tableName: TABLE });
  stores.push(store);
  const userId = `amzn1.ask.account.PROGRESS-${++users}`;
  const envelope = launchRequest({ userId });
  if (record) await store.saveAttributes(envelope, record);
  const skill = buildSkill({ persistenceAdapter: store });
  return {
    skill,
    userId,
    talk: new Conversation(skill, { userId, locale }),
    stored: () => store.getAttributes(envelope),
  };
}

/** `days` daily entries ending today, as stored. */
function daily(days: number, score: (i: number) => [number, number], routine = 'evening'): StoredEntry[] {
  return Array.from({ length: days }, (_, i) => {
    const [before, after] = score(i);
    return [addDays(TODAY, -(days - 1 - i)), routine, before, after];
  });
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Plays the routine under way to its end ("next" through it), then lets its last turn finish. */
async function playToEnd(talk: Conversation): Promise<Turn> {
  let last: Turn | undefined;
  for (let i = 0; i < 40 && !routineOver(talk); i++) {
    talk.wait(600);
    last = await talk.utter('next');
  }
  talk.wait(300);
  if (!last) throw new Error('no routine was playing');
  return last;
}

describe('check-ins before and after a routine', () => {
  it('asks before, asks "And now?" as the closing question, answers in one sentence, asks consent once, and stores only date, routine and scores', async () => {
    const { talk, stored } = await user(RETURNING);
    const asked = await talk.utter('start the quick routine');
    expect(asked.speech).toBe('From 0 to 10, how is your back right now?');
    expect(asked.reprompt).not.toBe(asked.speech);
    const safety = await talk.utter('six');
    expect(safety.speech).toMatch(/^Any new pregnancy/);
    const first = await talk.utter('no');
    expect(first.speech).toMatch(/^Quick routine, about/);
    const end = await playToEnd(talk);
    // One question at a time: "And now?" instead of "Would you like another routine?"
    expect(end.speech).toMatch(/That's the quick routine done\. .*And now, from 0 to 10\?$/);
    expect(end.speech).not.toMatch(/another routine/);
    const result = await talk.utter('four');
    expect(result.speech).toBe(
      "From 6 to 4. Nice work. Shall I keep track of these so I can tell you how it's going?",
    );
    // Nothing is stored before the yes.
    expect((await stored()).progress).toBeUndefined();
    const kept = await talk.utter('yes');
    expect(kept.speech).toBe(
      "Okay, I'll keep them for six months. Say forget my information to delete them. Would you like another routine, or are you done for today?",
    );
    expect((await stored()).progress).toEqual({ v: 1, consent: 'yes', scores: [[TODAY, 'quick', 6, 4]] });
    // The routine's own ending follows: "no" says goodbye.
    expect((await talk.utter('no')).ended).toBe(true);

    // Next session: no consent question again, and a second routine in a session is not asked about.
    talk.wait(3600).newSession();
    await talk.utter('start the evening routine');
    await talk.utter('five');
    await talk.utter('no');
    await playToEnd(talk);
    expect((await talk.utter('three')).speech).toBe(
      'From 5 to 3. Nice work. Would you like another routine, or are you done for today?',
    );
    const again = await talk.utter('start the quick routine');
    expect(again.speech).toMatch(/^Quick routine, about/);
    expect((await stored()).progress).toEqual({
      v: 1,
      consent: 'yes',
      scores: [
        [TODAY, 'quick', 6, 4],
        [TODAY, 'evening', 5, 3],
      ],
    });
  });

  it('"skip" goes straight on, and the routine then ends with its usual question', async () => {
    const { talk, stored } = await user(RETURNING);
    await talk.utter('start the quick routine');
    expect((await talk.utter('skip')).speech).toMatch(/^Any new pregnancy/);
    await talk.utter('no');
    const end = await playToEnd(talk);
    expect(end.speech).toMatch(/Would you like another routine\?$/);
    // A score said then, unasked: noted as the one before a next routine, which is offered.
    expect((await talk.utter('four')).speech).toBe(
      'Thanks. I note pain scores before and after a routine. Shall I start one now?',
    );
    expect((await stored()).progress).toBeUndefined();
  });

  it('silence: the reprompt asks in other words, and a session that times out stores nothing', async () => {
    const { talk, stored } = await user(RETURNING);
    const asked = await talk.utter('start the quick routine');
    expect(asked.reprompt).toBe('Just a number from 0 to 10, or say skip.');
    await talk.end('EXCEEDED_MAX_REPROMPTS');
    expect(await stored()).toEqual(RETURNING);
  });

  it('"stop asking about pain" turns it off (remembered), and "ask about my pain again" back on', async () => {
    const { talk, stored } = await user(RETURNING);
    await talk.utter('start the quick routine');
    const off = await talk.utter('stop asking about pain');
    expect(off.speech).toMatch(/^Okay, I won't ask about pain again\. Any new pregnancy/);
    expect((await stored()).progress).toEqual({ v: 1, off: true, scores: [] });
    talk.wait(3600).newSession();
    expect((await talk.utter('start the quick routine')).speech).toMatch(/^Any new pregnancy/);
    talk.wait(3600).newSession();
    expect((await talk.utter('ask about my pain again')).speech).toMatch(/^Okay, I'll ask how your back is/);
    expect((await talk.utter('start the quick routine')).speech).toBe(
      'From 0 to 10, how is your back right now?',
    );
  });

  it('"no" to keeping them: scores live only in the session', async () => {
    const { talk, stored } = await user(RETURNING);
    await talk.utter('start the quick routine');
    await talk.utter('seven');
    await talk.utter('no');
    await playToEnd(talk);
    await talk.utter('five');
    const declined = await talk.utter('no');
    expect(declined.speech).toBe(
      "Okay, I won't keep them. Would you like another routine, or are you done for today?",
    );
    expect((await stored()).progress).toEqual({ v: 1, consent: 'no', scores: [] });
    // This session still knows them: two scores, not enough for a trend.
    expect((await talk.utter('how am I doing')).speech).toMatch(/^I have only 2 scores so far/);
    talk.wait(3600).newSession();
    expect((await talk.utter('how am I doing')).speech).toMatch(/^I don't have any pain scores from you yet/);
  });

  it('the first session of routines has no check-in (it already has the note, the safety question and the full stop rules)', async () => {
    const { talk } = await user();
    expect((await talk.utter('start the quick routine')).speech).toMatch(/^One safety check first/);
    await talk.utter('no');
    await playToEnd(talk);
    expect((await talk.utter('start the evening routine')).speech).toMatch(
      /^Evening routine, about \d+ minutes\./,
    );
  });
});

describe('bad input at a check-in', () => {
  async function asked() {
    const u = await user(RETURNING);
    await u.talk.utter('start the quick routine');
    return u;
  }

  it('"eleven": clamped to 10 with a question, then the caring line and the short red-flag question, no routine', async () => {
    const { talk } = await asked();
    const eleven = await talk.utter('eleven');
    expect(eleven.speech).toBe('The scale stops at 10, the worst pain. Shall I put down 10?');
    const ten = await talk.utter('yes');
    expect(ten.speech).toBe(
      "That's a lot of pain, and I'm sorry it's so bad today. Quick check: do you have numbness between your legs, weakness in both legs, or new bladder or bowel changes?",
    );
    expect(talk.sessionAttributes.routine).toBeUndefined();
    const no = await talk.utter('no');
    expect(no.speech).toMatch(/Would you still like the quick routine, or rest for now\?$/);
    expect(talk.sessionAttributes.routine).toBeUndefined();
    // "Yes" then starts it, after the short safety line.
    expect((await talk.utter('yes')).speech).toMatch(/^Any new pregnancy/);
    expect((await talk.utter('no')).speech).toMatch(/^Quick routine/);
  });

  it('a 9 and "yes" to the red-flag question goes to the safety triage', async () => {
    const { talk } = await asked();
    await talk.utter('nine');
    expect((await talk.utter('yes')).speech).toMatch(/^Thanks for telling me\. Which is it\?/);
    const flag = await talk.utter('I have numbness between my legs');
    expect(flag.speech).toMatch(/emergency/i);
  });

  it('"minus two": the bottom of the scale is offered; "no" asks which number', async () => {
    const { talk } = await asked();
    expect((await talk.utter('minus two')).speech).toBe(
      'The scale starts at 0, no pain at all. Shall I put down 0?',
    );
    expect((await talk.utter('no')).speech).toBe('Okay. Which number from 0 to 10?');
    expect((await talk.utter('three')).speech).toMatch(/^Any new pregnancy/);
    expect(talk.sessionAttributes.progress).toMatchObject({ before: 3 });
  });

  it('"six and a half" is rounded and said so; "about five" is five', async () => {
    const { talk } = await asked();
    expect((await talk.utter('six and a half')).speech).toMatch(/^I'll call that 7\. Any new pregnancy/);
    expect(talk.sessionAttributes.progress).toMatchObject({ before: 7 });
    const other = await asked();
    expect((await other.talk.utter('about five')).speech).toMatch(/^Any new pregnancy/);
    expect(other.talk.sessionAttributes.progress).toMatchObject({ before: 5 });
  });

  it('"I don\'t know": asked once in other words, then skipped', async () => {
    const { talk } = await asked();
    const again = await talk.utter("I don't know");
    expect(again.speech).toBe(
      "That's fine: a rough number will do, from 0 for no pain to 10 for the worst. Or say skip.",
    );
    expect((await talk.utter('no idea')).speech).toMatch(/^Any new pregnancy/);
    expect(talk.sessionAttributes.progress).not.toHaveProperty('before');
  });

  it('"ouch" is a stop-rule word: the safety answer, never taken for a score', async () => {
    const { talk } = await asked();
    const ouch = await talk.utter('ouch');
    expect(ouch.speech).not.toMatch(/^Any new pregnancy/);
    expect(ouch.speech).toMatch(/stop|sharp|pain/i);
    expect(talk.sessionAttributes.progress).not.toHaveProperty('before');
  });

  it('a score said when none was asked is noted for the next routine, which is offered', async () => {
    const { talk } = await user(RETURNING);
    const unasked = await talk.utter('five');
    expect(unasked.speech).toBe(
      'Thanks. I note pain scores before and after a routine. Shall I start one now?',
    );
    // "Yes": the score is the one before, so the question is not asked again.
    expect((await talk.utter('yes')).speech).toMatch(/^Any new pregnancy/);
    await talk.utter('no');
    const end = await playToEnd(talk);
    expect(end.speech).toMatch(/And now, from 0 to 10\?$/);
  });

  it('a 10 said when none was asked gets the caring line and the red-flag question, not a routine', async () => {
    const { talk } = await user(RETURNING);
    const ten = await talk.utter('ten');
    expect(ten.speech).toMatch(/^That's a lot of pain.*Quick check: /);
    expect(ten.speech).not.toMatch(/start one/);
    expect((await talk.utter('no')).speech).toMatch(
      /Would you still like the general lower back routine, or rest for now\?$/,
    );
  });

  it('naming another routine at the question starts that one (after its safety line), with the question not asked again', async () => {
    const { talk } = await asked();
    expect((await talk.utter('start the evening routine')).speech).toMatch(/^Any new pregnancy/);
    expect((await talk.utter('no')).speech).toMatch(/^Evening routine, about \d+ minutes\./);
  });

  it('pain clearly worse after the routine: one caring line and the red-flag question, no other routine', async () => {
    const { talk, stored } = await user({ ...RETURNING, progress: { v: 1, consent: 'yes', scores: [] } });
    await talk.utter('start the quick routine');
    await talk.utter('three');
    await talk.utter('no');
    await playToEnd(talk);
    const worse = await talk.utter('six');
    expect(worse.speech).toBe(
      "From 3 to 6. I'm sorry it's worse: no more pressing today. Quick check: do you have numbness between your legs, weakness in both legs, or new bladder or bowel changes?",
    );
    expect(worse.speech).not.toMatch(/another routine/);
    const no = await talk.utter('no');
    expect(no.speech).toMatch(/worth seeing your doctor or a physical therapist soon\. Goodbye for now\.$/);
    expect(no.ended).toBe(true);
    expect((await stored()).progress).toMatchObject({ scores: [[TODAY, 'quick', 3, 6]] });
  });

  it('a bare number after "If I misheard, how old are you?" is the age, not a score', async () => {
    const { talk } = await user();
    expect((await talk.utter("I'm 15")).speech).toMatch(/If I misheard, how old are you\?$/);
    const age = await talk.utter('seventeen');
    expect(age.speech).toMatch(/^Back pain that starts before the age of twenty/);
    expect(talk.sessionAttributes.progress).toBeUndefined();
  });

  it('"I\'m 6" at the question is a score, not an age', async () => {
    const { talk } = await asked();
    expect((await talk.utter("I'm 6")).speech).toMatch(/^Any new pregnancy/);
    expect(talk.sessionAttributes.progress).toMatchObject({ before: 6 });
  });
});

describe('the trend, by voice', () => {
  it('with no scores: says so', async () => {
    const { talk } = await user(RETURNING);
    const none = await talk.utter('how am I doing');
    expect(none.speech).toMatch(/^I don't have any pain scores from you yet\./);
    expect(words(none.speech)).toBeLessThanOrEqual(35);
  });

  it('with 2 stored scores: not enough to show how it is going', async () => {
    const { talk } = await user({
      ...RETURNING,
      progress: { v: 1, consent: 'yes', scores: [[TODAY, 'quick', 6, 4]] },
    });
    for (const question of ['how am I doing', 'how was my week', 'what helped me most'])
      expect((await talk.utter(question)).speech).toMatch(/^I have only 2 scores so far/);
  });

  it('with 30 stored scores: averages, days, and the change per routine with its sessions, in at most 35 words', async () => {
    const scores: StoredEntry[] = [
      ...daily(10, (i) => [i < 3 ? 7 : 4, i < 3 ? 5 : 2], 'evening'),
      ...daily(3, () => [5, 4], 'quick'),
      [addDays(TODAY, -1), 'morning', 4, 4],
      [addDays(TODAY, -2), 'stiffness', 5, 5],
    ];
    const { talk } = await user({ ...RETURNING, progress: { v: 1, consent: 'yes', scores } });
    const doing = await talk.utter('how am I doing');
    expect(doing.speech).toBe(
      'Your back has averaged 5 out of 10 over four weeks, and 4 this week. You practised on 10 days. The evening routine: about 2 points lower after, on average, over 10 sessions. What would you like to do next?',
    );
    const week = await talk.utter('how was my week');
    expect(week.speech).toBe(
      'This week your back averaged 4 out of 10, and you practised on 7 of 7 days. What would you like to do next?',
    );
    const best = await talk.utter('what helped me most');
    // Four routines: three read, the rest counted.
    expect(best.speech).toBe(
      'The evening routine: about 2 points lower after, on average, over 10 sessions. The quick routine: about 1 point lower after, on average, over 3 sessions. The morning routine: about the same before and after, over 1 session. 1 more routine has fewer scores. What would you like to do next?',
    );
    for (const answer of [doing, week])
      expect(words(answer.speech.replace(/ What would you like to do next\?$/, ''))).toBeLessThanOrEqual(35);
    expect(`${doing.speech} ${best.speech}`).not.toMatch(/cure|heal|proven|effective|treat/i);
  });
});

describe('the 4–6 week rule', () => {
  const flat = daily(30, () => [6, 5]);

  it.each([
    ['en-GB', 'a GP or physiotherapist'],
    ['en-US', 'your doctor or a physical therapist'],
    ['en-AU', 'a GP or physiotherapist'],
  ])("%s: said once at the next launch, in the market's words, then not for a week", async (locale, who) => {
    const { talk, stored } = await user(
      { ...RETURNING, progress: { v: 1, consent: 'yes', scores: flat } },
      locale,
    );
    const launch = await talk.launch();
    expect(launch.speech).toBe(
      `Welcome back. Your scores haven't eased over four weeks. It's worth seeing ${who} about it. What would you like?`,
    );
    expect(words(launch.speech)).toBeLessThanOrEqual(25);
    expect((await stored()).progress).toMatchObject({ reviewed: TODAY });
    talk.wait(3 * 86400);
    const later = await talk.launch();
    expect(later.speech).toMatch(
      /^Welcome back\. Last time: the evening routine, 6 down to 5\. Same again\?$/,
    );
    talk.wait(5 * 86400);
    // Still no improvement, a week later: said again (the scores now end 8 days ago, still within six weeks).
    expect((await talk.launch()).speech).toMatch(/haven't eased over four weeks/);
  });

  it('is said at the check-in when it falls due there', async () => {
    const { talk } = await user({
      ...RETURNING,
      progress: { v: 1, consent: 'yes', scores: flat, reviewed: addDays(TODAY, -7) },
    });
    await talk.utter('start the quick routine');
    await talk.utter('six');
    await talk.utter('no');
    await playToEnd(talk);
    const answer = await talk.utter('five');
    expect(answer.speech).toBe(
      "From 6 to 5. Nice work. Your scores haven't eased over four weeks. It's worth seeing your doctor or a physical therapist about it. Would you like another routine, or are you done for today?",
    );
  });

  it('is not said when the scores eased', async () => {
    const easing = daily(30, (i) => [i < 14 ? 7 : 3, 2]);
    const { talk } = await user({ ...RETURNING, progress: { v: 1, consent: 'yes', scores: easing } });
    expect((await talk.launch()).speech).toMatch(
      /^Welcome back\. Last time: the evening routine, 3 down to 2\. Same again\?$/,
    );
  });
});

describe('the returning welcome', () => {
  it('"Welcome back. Last time: the sciatica routine, 6 down to 4. Same again?" and yes starts it after the short safety line', async () => {
    const progress = { v: 1, consent: 'yes', scores: [[addDays(TODAY, -2), 'sciatica', 6, 4]] };
    const { talk } = await user({ ...RETURNING, progress });
    const launch = await talk.launch();
    expect(launch.speech).toBe('Welcome back. Last time: the sciatica routine, 6 down to 4. Same again?');
    expect(words(launch.speech)).toBeLessThanOrEqual(25);
    expect(await talk.utter('yes')).toMatchObject({ speech: 'From 0 to 10, how is your back right now?' });
    expect((await talk.utter('five')).speech).toMatch(/^Any new pregnancy/);
    expect((await talk.utter('no')).speech).toMatch(/^Sciatica routine, about/);
  });

  it('without stored scores, the usual short welcome', async () => {
    const { talk } = await user(RETURNING);
    expect((await talk.launch()).speech).toBe(
      "Welcome back. Find a point, start a routine, or ask if something's safe. What would you like?",
    );
  });
});

describe('storage', () => {
  it('"forget my information" deletes the scores with the rest, verified by reading back', async () => {
    const { talk, stored } = await user({
      ...RETURNING,
      progress: { v: 1, consent: 'yes', scores: flat30() },
    });
    await talk.utter('forget my information');
    expect((await talk.utter('yes')).speech).toMatch(/deleted|forgotten|gone/i);
    expect(await stored()).toEqual({});
    expect((await talk.utter('how am I doing')).speech).toMatch(/^I don't have any pain scores/);
  });

  it.each([
    ['a string', 'corrupt'],
    [
      'a list of junk',
      { v: 1, consent: 'yes', scores: ['x', 42, null, { date: 'soon' }, [TODAY, 'quick', 4, 2]] },
    ],
    ['a foreign shape', { version: 'abc', items: { a: 1 } }],
    ['an older schema', [{ date: TODAY, routine: 'quick', before: 4, after: 2 }]],
  ])('a corrupt or foreign score list (%s) is ignored and repaired, never a crash', async (_, progress) => {
    const { talk, stored } = await user({ ...RETURNING, progress });
    const answer = await talk.utter('how am I doing');
    expect(answer.ended).toBe(false);
    expect(answer.speech).toMatch(/^I (don't have any pain scores|have only 2 scores)/);
    const repaired = (await stored()).progress as { v: number; scores: unknown[] };
    expect(repaired.v).toBe(1);
    expect(repaired.scores.every((entry) => Array.isArray(entry) && entry.length === 4)).toBe(true);
    expect((await stored()).routinesHeard).toBe(true);
  });

  it('two sessions adding scores for one user at the same moment: no score is lost', async () => {
    const { skill, userId, stored } = await user({
      ...RETURNING,
      progress: { v: 1, consent: 'yes', scores: [] },
    });
    const one = new Conversation(skill, { userId });
    const two = new Conversation(skill, { userId });
    for (const [talk, routine] of [
      [one, 'quick'],
      [two, 'evening'],
    ] as const) {
      await talk.utter(`start the ${routine} routine`);
      await talk.utter('six');
      await talk.utter('no');
      await playToEnd(talk);
    }
    const answers = await Promise.all([one.utter('four'), two.utter('three')]);
    for (const answer of answers) expect(answer.speech).toMatch(/Nice work\. Would you like another routine/);
    const scores = ((await stored()).progress as { scores: StoredEntry[] }).scores;
    expect(scores).toEqual(
      expect.arrayContaining([
        [TODAY, 'quick', 6, 4],
        [TODAY, 'evening', 6, 3],
      ]),
    );
    expect(scores).toHaveLength(2);
  });
});

function flat30(): StoredEntry[] {
  return daily(30, () => [6, 5]);
}
