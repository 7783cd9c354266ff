/**
 * One safety profile behind every answer, from the user's words through the real skill: a condition
 * said mid-routine (mid-hold, paused, between holds) re-plans the rest of every routine, and no point
 * the condition rules out is spoken with pressing words afterwards; finding a point, the points for
 * a need, timed holds and the point's screen follow the profile said now or remembered from an
 * earlier session.
 *
 * What each condition rules out is read from data/safety.json, and the words that press from the
 * skill's own resources, so the checks follow the data rather than restating it.
 */
import type { Directive } from 'ask-sdk-model';
import { getPoint, points, routines } from '../../lambda/src/core/catalogue';
import { getCondition, type Condition } from '../../lambda/src/core/safety';
import type { RoutineState } from '../../lambda/src/core/routine/progress';
import { translatorFor } from '../../lambda/src/i18n';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { speakableCode, ssmlToText } from '../../lambda/src/speech/ssml';
import type { Conversation, Turn } from '../support/conversation';
import { askForRoutine, routineOver, routineState } from '../support/routine';
import { PRESS_LIGHT } from '../support/cues';
import { conversationWith, newConversation } from '../support/skill';

const t = translatorFor('en-US');
const text = (key: string) => ssmlToText(t(key));

/** What a point code sounds like ("B L 40"). */
const spoken = (code: string) => speakableCode(getPoint(code)!.code);

/** The press cues of the routine engine that build to more than a light touch. */
const FIRMER_CUES = [text('routine.cue.press.firm'), text('routine.cue.press.moderate')];
const TOOL_WORDS = /tennis ball|rolled towel|on your fists|lie on a ball/i;

interface Said {
  id: string;
  words: string;
}

const CONDITIONS: Said[] = [
  { id: 'pregnancy', words: "I'm pregnant" },
  { id: 'osteoporosis', words: 'I have osteoporosis' },
  { id: 'varicose-veins', words: 'I have varicose veins' },
  { id: 'blood-thinners', words: 'I take blood thinners' },
];

const condition = (id: string): Condition => getCondition(id)!;

/** Points never to be pressed with this condition: all of them when only breathing is allowed. */
function notPressed(c: Condition): string[] {
  if (c.breathingOnly) return points.map((p) => p.code);
  return [...c.avoid, ...c.palmsInstead];
}

/** Checks one turn heard after the condition was said: nothing it rules out is pressed or named. */
function expectSafe(c: Condition, heard: string, label: string): void {
  for (const code of notPressed(c)) {
    if (heard.includes(`${spoken(code)},`) || heard.includes(`${spoken(code)}.`))
      throw new Error(`${label}: ${code} is spoken after "${c.id}": ${heard}`);
  }
  if (c.breathingOnly && /\bpress\b/i.test(heard)) throw new Error(`${label}: pressing words: ${heard}`);
  if (c.pressure === 'light') {
    for (const cue of FIRMER_CUES)
      if (heard.includes(cue)) throw new Error(`${label}: "${cue}" after "${c.id}": ${heard}`);
  }
  if (c.noTools && TOOL_WORDS.test(heard)) throw new Error(`${label}: a tool after "${c.id}": ${heard}`);
}

/** Every point the plan still has to press from `index` on. */
function pointsFrom(state: RoutineState, index: number): string[] {
  return state.plan.steps.slice(index).flatMap((s) => s.points);
}

/** "next" until the routine is over, returning every turn heard. */
async function playToEnd(talk: Conversation): Promise<Turn[]> {
  const turns: Turn[] = [];
  for (let i = 0; i < 40 && !routineOver(talk); i++) {
    talk.wait(240);
    turns.push(await talk.utter('next'));
  }
  expect(routineOver(talk)).toBe(true);
  return turns;
}

/** Starts a routine and plays on ("next") until a turn holds a point; returns that hold's window. */
async function toFirstPointHold(talk: Conversation, routineId: string) {
  await askForRoutine(talk, routineId);
  for (let i = 0; i < 20; i++) {
    const state = routineState(talk)!;
    const window = state.turn!.windows.find((w) => state.plan.steps[w.index].points.length > 0);
    if (window) return { state, window };
    talk.wait(240);
    await talk.utter('next');
  }
  throw new Error(`${routineId}: no point hold`);
}

type Moment = 'mid-hold' | 'paused' | 'between holds';
const MOMENTS: Moment[] = ['mid-hold', 'paused', 'between holds'];

describe('a condition said during a routine re-plans the rest of it', () => {
  const cases = routines.flatMap((r) =>
    CONDITIONS.flatMap((c) => MOMENTS.map((m) => [r.id, c.words, m, c.id] as const)),
  );

  it.each(cases)(
    '%s routine, "%s" %s: one sentence, then nothing ruled out is pressed to the end',
    async (routineId, words, moment, conditionId) => {
      const c = condition(conditionId);
      const { talk } = newConversation();
      const { state, window } = await toFirstPointHold(talk, routineId);
      const holding = state.turn!.startedAt + window.holdStartMs + Math.floor(window.holdMs / 2);
      let index = window.index;
      if (moment === 'mid-hold') {
        talk.now = holding;
      } else if (moment === 'paused') {
        talk.now = holding;
        expect((await talk.utter('pause')).speech).toMatch(/pause/i);
        talk.wait(30);
      } else {
        talk.now = state.turn!.startedAt + state.turn!.totalMs + 2000;
        index = state.turn!.next;
      }
      const before = routineState(talk)!.plan.steps;

      const reply = await talk.utter(words);
      expect(reply.speech).toMatch(/^Thanks for telling me\./);
      expect(reply.speech.endsWith(text('routine.replan.offer'))).toBe(true);
      expect(reply.apla).toBeUndefined();
      expect(reply.ended).toBe(false);
      expectSafe(c, reply.speech.replace(/I've .*?\./, ''), 'the answer');

      // The session keeps the re-planned routine, waiting where the user is; what was done stays.
      const after = routineState(talk)!;
      expect(after.paused?.index).toBe(index);
      expect(after.plan.steps.slice(0, index)).toEqual(before.slice(0, index));
      for (const code of notPressed(c)) expect(pointsFrom(after, index)).not.toContain(code);
      if (c.breathingOnly)
        expect(after.plan.steps.slice(index).every((s) => s.pressure === 'none')).toBe(true);
      if (c.noTools) expect(after.plan.steps.slice(index).every((s) => s.tools.length === 0)).toBe(true);
      if (c.pressure === 'light')
        expect(after.plan.steps.slice(index).every((s) => ['none', 'light'].includes(s.pressure))).toBe(true);

      const turns = await playToEnd(talk);
      expect(turns.length).toBeGreaterThan(0);
      turns.forEach((turn, i) => expectSafe(c, turn.speech, `turn ${i + 1} after`));
    },
  );

  it('"no" to "shall I carry on?" waits where the user is; "carry on" then plays the re-planned rest', async () => {
    const { talk } = newConversation();
    await toFirstPointHold(talk, 'general');
    talk.wait(5);
    await talk.utter("I'm pregnant");
    const no = await talk.utter('no');
    expect(no.speech).toBe(text('routine.replan.declined'));
    expect(routineState(talk)!.paused).toBeDefined();
    const on = await talk.utter('carry on');
    expect(on.apla).toBeDefined();
    expectSafe(condition('pregnancy'), on.speech, 'carry on');
    expect(on.speech).toMatch(/slow breathing/);
  });

  it('a condition that reaches the session another way ("remember that…", yes) re-plans the next turn', async () => {
    const { talk } = newConversation();
    await toFirstPointHold(talk, 'general');
    talk.wait(5);
    expect((await talk.utter('remember that I take blood thinners')).speech).toMatch(/^Shall I remember/);
    await talk.utter('yes');
    talk.wait(5);
    const next = await talk.utter('resume');
    expect(next.speech).toMatch(/^From here on, because you take blood thinners, I've/);
    const turns = [next, ...(await playToEnd(talk))];
    turns.forEach((turn, i) => expectSafe(condition('blood-thinners'), turn.speech, `turn ${i + 1}`));
  });

  it('a condition the skill has no rules for, confirmed mid-routine, leaves breathing only', async () => {
    const { talk } = newConversation();
    await toFirstPointHold(talk, 'quick');
    talk.wait(5);
    expect((await talk.utter('I have gout')).speech).toMatch(/Is that a health condition you have\?/);
    const reply = await talk.utter('yes');
    expect(reply.speech).toMatch(/From here on, .*breathing-only routine/);
    const turns = await playToEnd(talk);
    for (const turn of turns) expect(turn.speech).not.toMatch(/\bpress\b/i);
  });

  it('"what did you change?" after a re-plan names what changed and why', async () => {
    const { talk } = newConversation();
    await toFirstPointHold(talk, 'general');
    talk.wait(5);
    await talk.utter('I have varicose veins');
    const explained = await talk.utter('what did you change');
    expect(explained.speech).toMatch(/left out B L 40, because you have varicose veins/);
  });

  it('saved progress after a re-plan is the routine and the position only, never the adjusted plan', async () => {
    const store = new MemoryPersistenceAdapter();
    const { talk } = conversationWith(store, { userId: 'amzn1.ask.account.REPLAN' });
    await toFirstPointHold(talk, 'general');
    talk.wait(5);
    await talk.utter("I'm pregnant");
    await talk.utter('stop');
    const record = (await store.getAttributes({
      context: { System: { user: { userId: 'amzn1.ask.account.REPLAN' } } },
    } as never)) as Record<string, unknown>;
    const progress = record.routineProgress as Record<string, unknown>;
    expect(Object.keys(progress).sort()).toEqual(
      expect.arrayContaining(['holdScale', 'index', 'routine', 'savedAt', 'v']),
    );
    expect(
      Object.keys(progress).every((k) =>
        ['holdScale', 'index', 'remainingMs', 'routine', 'savedAt', 'v'].includes(k),
      ),
    ).toBe(true);
    expect(JSON.stringify(record)).not.toMatch(/pregnan|breathing|palms/);
  });

  it('a condition said after the routine has ended gets the usual answer, with nothing re-planned', async () => {
    const { talk } = newConversation();
    await askForRoutine(talk, 'quick');
    await playToEnd(talk);
    const reply = await talk.utter('I have varicose veins');
    expect(reply.speech).not.toMatch(/From here on/);
    expect(reply.speech).toMatch(/varicose veins/);
  });
});

/** "where is kunlun": a point asked for by its Pinyin name, as users do. */
const whereIs = (code: string) => `where is ${getPoint(code)!.pinyin.toLowerCase()}`;
const routinePoints = points.filter((p) => p.inRoutines).map((p) => p.code);

/** Checks a find answer for one point under one condition. */
function expectFindAnswer(c: Condition, code: string, heard: string, again = false): void {
  const ruledOut = c.breathingOnly || c.avoid.includes(code);
  if (ruledOut) {
    // A follow-up about the same point says it in other words: never the same answer twice in a row.
    const why = again
      ? `^As I said, with ${c.name}, it's best to leave ${spoken(code)} alone\\.`
      : `^With ${c.name}, ${spoken(code)} is one to leave alone\\.`;
    expect(heard).toMatch(new RegExp(why));
    expect(heard).not.toMatch(/\bpress\b|\bhold for\b/i);
    return;
  }
  if (c.palmsInstead.includes(code)) {
    expect(heard).toMatch(/don't press it: rest your warm palms/);
    return;
  }
  if (c.pressure === 'light') {
    expect(heard).toMatch(/light pressure only/);
    expect(heard).not.toMatch(/\bfirm(ly)?\b|deeply/i);
  }
  if (c.noTools) expect(heard).not.toMatch(TOOL_WORDS);
}

describe('finding a point follows the profile', () => {
  const profiles = ['said now', 'remembered'] as const;

  /** A conversation whose profile has the condition: said this session, or stored in an earlier one. */
  async function withCondition(said: Said, how: (typeof profiles)[number]): Promise<Conversation> {
    const store = new MemoryPersistenceAdapter();
    const { talk } = conversationWith(store, { userId: 'amzn1.ask.account.PROFILE' });
    if (how === 'said now') {
      await talk.utter(said.words);
      return talk;
    }
    expect((await talk.utter(`remember that ${said.words.replace(/^I'm/, "I'm")}`)).speech).toMatch(
      /^Shall I remember/,
    );
    expect((await talk.utter('yes')).speech).toMatch(/^Done\./);
    talk.newSession();
    return talk;
  }

  const cases = CONDITIONS.flatMap((c) => profiles.map((how) => [c.words, how, c] as const));

  it.each(cases)('"%s" (%s): every routine point, its detail and its hold', async (_w, how, said) => {
    const c = condition(said.id);
    const talk = await withCondition(said, how);
    for (const code of routinePoints) {
      const answer = await talk.utter(whereIs(code));
      expectFindAnswer(c, code, answer.speech);
      for (const followUp of ['tell me more', 'how long do I hold it']) {
        // After a ruled-out point the last point is still that one: the follow-up says why again.
        await talk.utter(whereIs(code));
        const more = await talk.utter(followUp);
        if (c.breathingOnly || c.avoid.includes(code)) {
          expectFindAnswer(c, code, more.speech, true);
          expect(more.speech).not.toBe(answer.speech);
        } else if (c.pressure === 'light' && getPoint(code)!.pressure !== 'light') {
          // The catalogue's own technique (firm, deep, with a ball) gives way to the light words.
          const { technique } = getPoint(code)!;
          expect(more.speech).not.toContain(technique.detail);
          expect(more.speech).not.toContain(technique.short);
          expect(more.speech).toMatch(/light pressure only|don't press it|Instead of pressing/);
        }
      }
    }
  });

  it.each(cases)('"%s" (%s): points for every need', async (_w, how, said) => {
    const c = condition(said.id);
    const talk = await withCondition(said, how);
    for (const need of ['sciatica', 'stiffness', 'sleep', 'knee pain', 'hip pain']) {
      const answer = await talk.utter(`which point helps ${need}`);
      for (const code of notPressed(c)) {
        // Named only in the sentence that says it was left out, never offered.
        const offered = answer.speech.replace(/^With [^.]*\./, '');
        expect(offered).not.toContain(`${spoken(code)},`);
      }
      if (/none of the points/.test(answer.speech)) {
        expect(answer.speech).toMatch(/breathing-only routine/);
        expect(talk.sessionAttributes.offer).toMatchObject({ kind: 'routine', breathingOnly: true });
      }
    }
  });

  it('pregnancy: "where is B L 60" says why in one sentence and offers the breathing routine', async () => {
    const { talk } = newConversation();
    await talk.utter("I'm pregnant");
    const answer = await talk.utter('where is b l sixty');
    expect(answer.speech).toBe(
      `With pregnancy, B L 60 is one to leave alone. ${text('find.profile.offerBreathing')}`,
    );
  });

  it('pregnancy: "which point helps sleep" names no point and offers the breathing routine', async () => {
    const { talk } = newConversation();
    await talk.utter("I'm pregnant");
    const answer = await talk.utter('which point helps sleep');
    expect(answer.speech).not.toContain(spoken('CV 6'));
    expect(answer.speech).toMatch(/none of the points for sleep.*breathing-only routine/);
  });

  it('varicose veins: B L 40 is left alone, and "yes" hears an allowed point instead', async () => {
    const { talk } = newConversation();
    await talk.utter('I have varicose veins');
    const answer = await talk.utter('where is weizhong');
    expect(answer.speech).toMatch(
      /^With varicose veins, B L 40 is one to leave alone\. (.+), .+, is one you can use instead/,
    );
    const yes = await talk.utter('yes');
    expect(yes.speech).not.toContain(spoken('BL 40'));
    expect(yes.speech).toMatch(/Hold for/);
  });

  // (Knee pain, which BL 40 alone served, is outside this guide now: its own caution.)
  it('pregnancy: "which point helps sleep" has no point left, so the breathing routine is offered', async () => {
    const { talk } = newConversation();
    await talk.utter("I'm pregnant");
    const answer = await talk.utter('which point helps sleep');
    expect(answer.speech).toMatch(/^With pregnancy, none of the points for sleep are ones to press\./);
    expect(answer.speech).not.toContain(spoken('CV 6'));
    await talk.utter('yes');
    const started = await talk.utter('no');
    expect(started.speech).toMatch(/^Let's do the breathing only routine/);
    expect(routineState(talk)!.plan.steps.every((s) => s.points.length === 0)).toBe(true);
  });

  it('pregnancy: "time a hold" on B L 60 says why at once, before any safety question', async () => {
    const { talk } = newConversation();
    await talk.utter("I'm pregnant");
    await talk.utter('where is kunlun');
    const refused = await talk.utter('time a hold');
    expect(refused.speech).toMatch(/^As I said, with pregnancy, it's best to leave B L 60 alone\./);
    expect(refused.apla).toBeUndefined();
  });

  it('blood thinners: a timed hold on B L 60 uses light, hands-only words', async () => {
    const { talk } = newConversation();
    await talk.utter('I take blood thinners');
    await talk.utter('where is kunlun');
    await talk.utter('time a hold');
    const hold = await talk.utter('no');
    expect(hold.speech).toMatch(/Let's time a hold on B L 60/);
    expect(hold.speech).toMatch(PRESS_LIGHT);
    expect(hold.speech).not.toMatch(/\bfirm(ly)?\b/i);
  });

  it('a timed hold under way stops when a condition rules its point out', async () => {
    const { talk } = newConversation();
    await talk.utter('where is kunlun');
    await talk.utter('time a hold');
    await talk.utter('no');
    talk.wait(20);
    const reply = await talk.utter("I'm pregnant");
    expect(reply.speech).toMatch(/With pregnancy, B L 60 is one to leave alone\. I've stopped the hold\./);
    expect(routineState(talk)).toBeUndefined();
  });
});

describe("a point's screen carries its caution, under the profile", () => {
  const ECHO_SHOW = {
    screen: true,
    viewport: { shape: 'RECTANGLE', pixelWidth: 1280, pixelHeight: 800, dpi: 160 },
  } as const;
  type Json = Record<string, unknown>;
  const card = (directives: Directive[]) => {
    const doc = directives.find((d) => d.type === 'Alexa.Presentation.APL.RenderDocument') as unknown as
      { datasources: { payload: Json }; document: Json } | undefined;
    expect(doc).toBeDefined();
    return doc!;
  };

  it('a routine point shows its first caution with no condition said', async () => {
    const { talk } = newConversation({ device: ECHO_SHOW });
    const { directives } = await talk.utter('where is weizhong');
    expect(card(directives).datasources.payload.note).toBe(getPoint('BL 40')!.cautions[0]);
  });

  it('a ruled-out point says so, with no technique, hold or "Time a hold" button', async () => {
    const { talk } = newConversation({ device: ECHO_SHOW });
    await talk.utter("I'm pregnant");
    const { directives } = await talk.utter('where is kunlun');
    const { datasources, document } = card(directives);
    expect(datasources.payload.note).toBe('With pregnancy, leave BL 60 alone.');
    expect(datasources.payload.how).toBe('');
    expect(datasources.payload.hold).toBe('');
    expect(JSON.stringify(document)).not.toContain('timeHoldButton');
  });

  it('an adjusted point shows the light technique and why', async () => {
    const { talk } = newConversation({ device: ECHO_SHOW });
    await talk.utter('I take blood thinners');
    const { directives } = await talk.utter('where is kunlun');
    const { payload } = card(directives).datasources;
    expect(payload.note).toBe('Light pressure only, because you take blood thinners.');
    expect(payload.how).not.toMatch(/firm/i);
  });
});
