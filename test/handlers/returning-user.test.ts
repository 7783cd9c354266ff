/**
 * Say less to those who know (issue 13, "brief by default"), from the user's words through the real
 * skill and a shared store: the first routine ever has the full stop rules and the "Alexa, pause"
 * tip; a later session's routine has one line of stop rules, and its safety question is one line
 * about what may be new. Without a store, "ever" is this session.
 */
import { buildSkill } from '../../lambda/src/skill';
import { estimateSpeechMs } from '../../lambda/src/core/routine/speaking-rate';
import { ssmlToText } from '../../lambda/src/speech/ssml';
import { Conversation, type Turn } from '../support/conversation';
import { routineState, skipPainQuestion } from '../support/routine';
import { newConversation } from '../support/skill';

const FULL_RULES =
  /Stop straight away if the pain turns sharp, burning or electric, or gets worse; if numbness or tingling spreads down a leg; if you feel dizzy; or if bruising appears\. If a symptom stays after you stop, get medical advice\./;
const REMINDER = /Stop if it's sharp or spreads, or you're dizzy\./;
const PAUSE_TIP = /Say Alexa, pause, whenever you need a break\./;

/** Seconds from the start of the routine's first turn to its first press. */
function beforeFirstPress(talk: Conversation): number {
  return (routineState(talk)?.turn?.windows[0].holdStartMs ?? Infinity) / 1000;
}

/**
 * The first turn as heard around its first hold: every word before the hold starts (output speech
 * included), the last words before it (the press cue) and the words said inside it, in order.
 */
function aroundFirstHold(
  talk: Conversation,
  turn: Turn,
): { before: string; pressCue: string; inHold: string[] } {
  const window = routineState(talk)!.turn!.windows[0];
  const before = [ssmlToText(turn.ssml)];
  const inHold: string[] = [];
  let at = 0;
  for (const c of turn.apla?.document.mainTemplate.item.items ?? []) {
    if (c.type === 'Speech' && at < window.holdStartMs) before.push(ssmlToText(c.content));
    if (c.type === 'Speech' && at >= window.holdStartMs && at < window.holdStartMs + window.holdMs)
      inHold.push(ssmlToText(c.content));
    at += c.type === 'Speech' ? estimateSpeechMs(c.content) : c.duration;
  }
  return { before: before.join(' ').trim(), pressCue: before[before.length - 1], inHold };
}

async function quickRoutine(talk: Conversation): Promise<{ question: Turn; first: Turn }> {
  // A returning user is asked about pain first (issue 14): skipped here.
  const question = await skipPainQuestion(talk, await talk.utter('start the quick routine'));
  const first = await talk.utter('no');
  return { question, first };
}

describe('a returning user hears less before the first press', () => {
  it('first routine ever: the full safety question, stop rules and pause tip; next session: one line each', async () => {
    const { talk, store } = newConversation({ userId: 'amzn1.ask.account.RETURNING' });
    const first = await quickRoutine(talk);
    expect(first.question.speech).toMatch(/^One safety check first\. Are you pregnant/);
    expect(first.first.speech).toMatch(FULL_RULES);
    expect(first.first.speech).toMatch(PAUSE_TIP);
    const firstSeconds = estimateSpeechMs(first.question.ssml) / 1000 + beforeFirstPress(talk);
    await talk.utter('stop');
    const envelope = { context: { System: { user: { userId: 'amzn1.ask.account.RETURNING' } } } } as never;
    expect(await store.getAttributes(envelope)).toMatchObject({ routinesHeard: true });

    talk.wait(3600).newSession();
    const again = await quickRoutine(talk);
    // The safety question keeps every group (history, nerve signs, fever or a fall) in one line.
    expect(again.question.speech).toBe(
      'Any new pregnancy or cancer, fever or fall, numbness or weakness, bladder or bowel change?',
    );
    expect(again.question.reprompt).toBe('Is any of that new for you? Please say yes or no.');
    expect(again.first.speech).toMatch(/^Quick routine, about \d+( and a half)? minutes\./);
    expect(again.first.speech).toMatch(REMINDER);
    expect(again.first.speech).not.toMatch(FULL_RULES);
    expect(again.first.speech).not.toMatch(PAUSE_TIP);
    // Talk before the first press, the safety question included: well under two thirds of the
    // first time's (the first step's own announcement and the settle pause stay; see the bench).
    const seconds = estimateSpeechMs(again.question.ssml) / 1000 + beforeFirstPress(talk);
    expect(seconds).toBeLessThan((2 / 3) * firstSeconds);
    expect(again.question.speech.split(/\s+/).length).toBeLessThanOrEqual(25);
    // "Yes" to what is new still asks which, as on first use.
    talk.wait(3600).newSession();
    await skipPainQuestion(talk, await talk.utter('start the quick routine'));
    expect((await talk.utter('yes')).speech).toMatch(/^Thanks for telling me\. Which is it\?/);
  });

  it("the sciatica routine asks about either leg, and its reminder speaks of the user's own leg symptoms", async () => {
    const { talk } = newConversation({ userId: 'amzn1.ask.account.RETURNING-SCIATICA' });
    await talk.utter('start the sciatica routine');
    await talk.utter('no');
    await talk.utter('stop');
    talk.wait(3600).newSession();
    const question = await skipPainQuestion(talk, await talk.utter('start the sciatica routine'));
    expect(question.speech).toMatch(/numbness or weakness, bladder or bowel change/);
    const first = await talk.utter('no');
    expect(first.speech).toMatch(/Stop if it's sharp, your leg worsens, or you're dizzy\./);
  });

  it('the first time the full rules come before the first press; later the one line is the first words of the first hold, right after the press cue', async () => {
    const { talk } = newConversation({ userId: 'amzn1.ask.account.RETURNING-IN-HOLD' });
    const first = await quickRoutine(talk);
    const heardFirst = aroundFirstHold(talk, first.first);
    expect(heardFirst.before).toMatch(FULL_RULES);
    expect(heardFirst.inHold.join(' ')).not.toMatch(REMINDER);
    await talk.utter('stop');

    talk.wait(3600).newSession();
    const again = await quickRoutine(talk);
    const heard = aroundFirstHold(talk, again.first);
    const window = routineState(talk)!.turn!.windows[0];
    expect(heard.before).not.toMatch(REMINDER);
    expect(heard.pressCue).toBe('Begin.');
    expect(heard.inHold[0]).toMatch(REMINDER);
    // Said once, and the warm-up still lasts its 30 s: the words are part of the hold, not added to it.
    expect(again.first.speech.match(/Stop if/g)).toHaveLength(1);
    expect(window.holdMs).toBe(routineState(talk)!.plan.steps[0].seconds * 1000);
  });

  it('the sciatica routine: its own reminder right after "Press slowly now.", before the breath cue that settles the pressure', async () => {
    const { talk } = newConversation({ userId: 'amzn1.ask.account.RETURNING-SCIATICA-HOLD' });
    await talk.utter('start the sciatica routine');
    await talk.utter('no');
    await talk.utter('stop');
    talk.wait(3600).newSession();
    await skipPainQuestion(talk, await talk.utter('start the sciatica routine'));
    const first = await talk.utter('no');
    const heard = aroundFirstHold(talk, first);
    expect(heard.pressCue).toBe('Press slowly now.');
    expect(heard.inHold[0]).toBe("Stop if it's sharp, your leg worsens, or you're dizzy.");
    expect(heard.inHold[1]).toMatch(/breathe/i);
    expect(heard.before).not.toMatch(/Stop if/);
  });

  it('"forget my information" forgets it too: the full rules again', async () => {
    const { talk } = newConversation({ userId: 'amzn1.ask.account.RETURNING-FORGET' });
    await quickRoutine(talk);
    await talk.utter('stop');
    talk.wait(3600).newSession();
    await talk.utter('forget my information');
    await talk.utter('yes');
    talk.wait(3600).newSession();
    const again = await quickRoutine(talk);
    expect(again.question.speech).toMatch(/One safety check first\./);
    expect(again.first.speech).toMatch(FULL_RULES);
  });

  it('without a store, a new session is a first routine again', async () => {
    const talk = new Conversation(buildSkill());
    await quickRoutine(talk);
    await talk.utter('stop');
    talk.wait(3600).newSession();
    const again = await quickRoutine(talk);
    expect(again.first.speech).toMatch(FULL_RULES);
    expect(again.first.speech).toMatch(PAUSE_TIP);
  });
});

describe('launch for a returning user', () => {
  it('after a routine started by a one-shot request: "Welcome back", the note still said once, at most 25 words', async () => {
    const { talk } = newConversation({ userId: 'amzn1.ask.account.RETURNING-LAUNCH' });
    await quickRoutine(talk);
    talk.wait(20);
    await talk.utter('stop');
    talk.wait(3600).newSession();
    const launch = await talk.launch();
    expect(launch.speech).toBe(
      "Welcome back. I'm a self-care guide, not medical advice. You stopped partway through the quick routine. Carry on from step 1 of 6?",
    );
    expect(launch.speech.split(/\s+/).length).toBeLessThanOrEqual(25);
    expect(launch.ended).toBe(false);
    talk.newSession();
    const again = await talk.launch();
    expect(again.speech).not.toMatch(/not medical advice/);
    expect(again.speech).toMatch(/^Welcome back\./);
  });
});
