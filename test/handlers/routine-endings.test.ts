/**
 * How a routine or a timed hold ends, from the user's words through the real skill: "stop" claims
 * the place was saved only when it was, and a timed hold ends on one question, with the session
 * open for the answer.
 */
import type { PersistenceAdapter } from 'ask-sdk-core';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { buildSkill } from '../../lambda/src/skill';
import { Conversation, type Turn } from '../support/conversation';
import { askForRoutine, routineOver, routineState } from '../support/routine';
import { newConversation } from '../support/skill';

const USER = 'amzn1.ask.account.ENDINGS';

async function startEvening(talk: Conversation): Promise<Turn> {
  expect((await talk.utter('start the evening routine')).speech).toMatch(/One safety check first\./);
  return talk.utter('no');
}

describe('"stop" says what was saved', () => {
  it('saved: "I\'ve saved your place", and the place is in the store', async () => {
    const store = new MemoryPersistenceAdapter();
    const talk = new Conversation(buildSkill({ persistenceAdapter: store }), { userId: USER });
    await startEvening(talk);
    const stopped = await talk.wait(20).utter('stop');
    expect(stopped.speech).toMatch(/^Okay, stopping here\. I've saved your place in the evening routine/);
    expect(stopped.speech).not.toMatch(/couldn't save/);
    expect(stopped.ended).toBe(true);
    const envelope = { context: { System: { user: { userId: USER } } } } as never;
    expect(await store.getAttributes(envelope)).toHaveProperty('routineProgress');
  });

  it('failed: only the honest notice, no claim that the place was saved', async () => {
    let fail = false;
    const memory = new MemoryPersistenceAdapter();
    const failing: PersistenceAdapter = {
      getAttributes: (e) => memory.getAttributes(e),
      saveAttributes: (e, a) =>
        fail ? Promise.reject(new Error('store down')) : memory.saveAttributes(e, a),
    };
    const talk = new Conversation(buildSkill({ persistenceAdapter: failing }), { userId: USER });
    await startEvening(talk);
    fail = true;
    const stopped = await talk.wait(20).utter('stop');
    expect(stopped.speech).not.toMatch(/saved your place|resume my routine/);
    expect(stopped.speech).toBe(
      "Okay, stopping here. I couldn't save your progress just now, so it may not be there next time. Take care of your back. Goodbye.",
    );
    expect(stopped.ended).toBe(true);
  });
});

describe('the end of a timed hold asks one question and keeps the session open', () => {
  async function timedHold(talk: Conversation): Promise<Turn> {
    await talk.utter('where is kunlun');
    await talk.utter('yes, time a hold');
    return talk.utter('no');
  }

  it('ends on "Want to do it again?", and "yes" times the same point again', async () => {
    const { talk } = newConversation();
    const hold = await timedHold(talk);
    expect(hold.speech).toMatch(/^Let's time a hold on B L 60\./);
    expect(hold.speech).toMatch(/That's the hold done\. Want to do it again\?$/);
    expect(hold.speech).not.toMatch(/Say time a hold/);
    expect(hold.ended).toBe(false);
    expect(hold.reprompt).toBe('Shall I time that hold again? Say yes, or ask about another point.');

    const again = await talk.wait(300).utter('yes');
    expect(again.apla).toBeDefined();
    expect(again.speech).toMatch(
      /^Let's time a hold on B L 60\..*Kunlun Mountains, for 1 minute, left side first/,
    );
    expect(again.speech).toMatch(/Want to do it again\?$/);
    expect(again.ended).toBe(false);

    const no = await talk.wait(300).utter('no');
    expect(no.speech).toMatch(/What would you like to do\?$/);
    expect(no.ended).toBe(false);
  });

  it('"next" on the last hold closes it with the same question, and "yes" starts it again', async () => {
    const { talk } = newConversation();
    await timedHold(talk);
    const done = await talk.wait(100).utter('next');
    expect(done.speech).toBe("That's the hold done. Want to do it again?");
    expect(done.ended).toBe(false);
    expect(done.reprompt).toMatch(/^Shall I time that hold again\?/);
    expect((await talk.utter('yes')).speech).toMatch(/^Let's time a hold on B L 60\./);
  });
});

describe('the end of a routine asks one question', () => {
  async function playToEnd(talk: Conversation): Promise<Turn> {
    let turn = await askForRoutine(talk, 'quick');
    for (let i = 0; i < 20 && !routineOver(talk); i++) {
      talk.wait((routineState(talk)?.turn?.totalMs ?? 0) / 1000 + 2);
      turn = await talk.utter('next');
    }
    return turn;
  }

  it('"Would you like another routine?": "yes" asks which (one question, one meaning)', async () => {
    const { talk } = newConversation();
    const last = await playToEnd(talk);
    expect(last.speech).toMatch(/That's the quick routine done\. .*Would you like another routine\?$/);
    expect(last.speech.match(/That's the quick routine done/g)).toHaveLength(1);
    expect(last.ended).toBe(false);
    expect(last.reprompt).toBe('Would you like another routine? Say yes, or no to finish for today.');

    talk.wait((routineState(talk)?.turn?.totalMs ?? 0) / 1000 + 2);
    const yes = await talk.utter('yes');
    expect(yes.speech).toBe(
      'Which routine would you like? Say, for example, start the evening routine, or start the quick routine.',
    );
    expect(yes.ended).toBe(false);
    expect(routineState(talk)).toBeUndefined();
    // The safety question was answered this session: the evening routine starts at once.
    const evening = await talk.utter('start the evening routine');
    expect(evening.speech).toMatch(/^Evening routine, about \d/);
  });

  it('"no" says goodbye and closes the session; the saved place is gone', async () => {
    const userId = 'amzn1.ask.account.ENDINGS-NO';
    const store = new MemoryPersistenceAdapter();
    const talk = new Conversation(buildSkill({ persistenceAdapter: store }), { userId });
    await playToEnd(talk);
    talk.wait((routineState(talk)?.turn?.totalMs ?? 0) / 1000 + 2);
    const no = await talk.utter('no');
    expect(no.speech).toBe('Take care of your back. Goodbye.');
    expect(no.ended).toBe(true);
    const envelope = { context: { System: { user: { userId } } } } as never;
    expect(await store.getAttributes(envelope)).not.toHaveProperty('routineProgress');
  });

  it('"next" after the last hold closes with the same question', async () => {
    const { talk } = newConversation();
    await askForRoutine(talk, 'quick');
    // Pause at the very end of the last hold, then "next": the closing words, and the question.
    for (let i = 0; i < 20 && !routineOver(talk); i++) {
      talk.wait((routineState(talk)?.turn?.totalMs ?? 0) / 1000 + 2);
      await talk.utter('next');
    }
    const state = routineState(talk)!;
    const lastWindow = state.turn!.windows[state.turn!.windows.length - 1];
    talk.wait((lastWindow.holdStartMs + 5_000) / 1000);
    const next = await talk.utter('next');
    expect(next.speech).toMatch(/That's the quick routine done\..*Would you like another routine\?$/);
    expect(next.ended).toBe(false);
    expect((await talk.utter('no')).ended).toBe(true);
  });
});
