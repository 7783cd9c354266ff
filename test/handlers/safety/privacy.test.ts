import type { PersistenceAdapter } from 'ask-sdk-core';
import { conditions, healthSpokenForms, redFlags } from '../../../lambda/src/core/safety';
import { log } from '../../../lambda/src/log';
import { MemoryPersistenceAdapter } from '../../../lambda/src/persistence/memory';
import { launchRequest } from '../../../simulator/envelope';
import type { Conversation } from '../../support/conversation';
import { askForRoutine } from '../../support/routine';
import { conversationWith } from '../../support/skill';

/** The real skill on `store` (a fresh in-memory one unless given), for one user. */
function userConversation(options: { store?: PersistenceAdapter; userId?: string } = {}): {
  talk: Conversation;
} {
  return conversationWith(options.store ?? new MemoryPersistenceAdapter(), { userId: options.userId });
}

/** "Let's do the quick routine. It takes about 5 minutes, and I'll time every hold." and what follows. */
// The first routine of a user (or of a session without a store) has the long introduction; a
// later one the short "The … routine, about N minutes."
const started = (name: string, then = '') =>
  new RegExp(
    `^(Let's do the ${name} routine\\. It takes about \\d+( and a half)? minutes, and I'll time every hold|${name.charAt(0).toUpperCase()}${name.slice(1)} routine, about \\d+( and a half)? minutes)\\. ${then}`,
  );

const USER = 'amzn1.ask.account.PRIVACY';
const stored = (store: PersistenceAdapter) => store.getAttributes(launchRequest({ userId: USER }));

describe('remember: only when asked, only after yes', () => {
  it('saying a condition stores nothing', async () => {
    const store = new MemoryPersistenceAdapter();
    const { talk } = userConversation({ store, userId: USER });
    await talk.utter("I'm pregnant");
    await talk.utter('is it safe if I take warfarin');
    expect(await stored(store)).toEqual({});
  });

  it('"remember that I\'m pregnant", yes → stored, and the next session applies it', async () => {
    const store = new MemoryPersistenceAdapter();
    const { talk } = userConversation({ store, userId: USER });
    await talk.launch();
    const ask = await talk.utter("remember that I'm pregnant");
    expect(ask.speech).toMatch(
      /^Shall I remember that you're pregnant, so I can adjust routines next time\?.*Yes or no\?$/,
    );
    expect(await stored(store)).not.toHaveProperty('health');
    const done = await talk.utter('yes');
    expect(done.speech).toMatch(/^Done\. I'll remember that you're pregnant.*Say forget my information/);
    expect((await stored(store)).health).toEqual({ conditions: ['pregnancy'] });

    await talk.end();
    await talk.launch();
    expect((await askForRoutine(talk, 'general')).speech).toMatch(
      started('breathing only', "Because you're pregnant, I've given you a breathing-only routine"),
    );
  });

  it('"remember that" saves what was said this session, merged with what is stored', async () => {
    const store = new MemoryPersistenceAdapter();
    const { talk } = userConversation({ store, userId: USER });
    await talk.utter('remember that I take warfarin');
    await talk.utter('yes');
    await talk.utter('I have a hip replacement');
    await talk.utter('I have a rash'); // a passing skin problem is not kept
    expect((await talk.utter('remember that')).speech).toMatch(
      /^Shall I remember that you take blood thinners and you have a hip replacement,/,
    );
    await talk.utter('yes');
    expect((await stored(store)).health).toEqual({ conditions: ['blood-thinners', 'hip-replacement'] });
  });

  it('no → nothing stored; a fever is never stored', async () => {
    const store = new MemoryPersistenceAdapter();
    const { talk } = userConversation({ store, userId: USER });
    await talk.utter('remember that I have osteoporosis');
    expect((await talk.utter('no')).speech).toMatch(/^Okay, I won't save it\./);
    expect((await talk.utter('remember that I have a fever')).speech).toMatch(
      /^Please get medical advice from urgent care or your doctor today.*I'll keep a fever in mind for this session only/,
    );
    expect(await stored(store)).toEqual({});
  });

  it('a "yes" after another answer is not taken as consent', async () => {
    const store = new MemoryPersistenceAdapter();
    const { talk } = userConversation({ store, userId: USER });
    await talk.utter("remember that I'm pregnant");
    // Pregnancy said this session rules the point out: the answer offers the breathing routine instead.
    expect((await talk.utter('where is b l twenty three')).speech).toMatch(/breathing-only routine/);
    const yes = await talk.utter('yes');
    expect(yes.speech).not.toMatch(/remember/i);
    expect(yes.speech).toMatch(/^One safety check first\. /);
    expect(await stored(store)).toEqual({});
  });

  it('"repeat" keeps the question open', async () => {
    const store = new MemoryPersistenceAdapter();
    const { talk } = userConversation({ store, userId: USER });
    await talk.utter('remember that I take blood thinners');
    await talk.utter('repeat that');
    await talk.utter('yes');
    expect((await stored(store)).health).toEqual({ conditions: ['blood-thinners'] });
  });

  it('nothing to remember, and a condition it does not know', async () => {
    const { talk } = userConversation({ userId: USER });
    expect((await talk.utter('remember that')).speech).toMatch(/^There's nothing to remember yet\./);
    expect((await talk.say('RememberHealthIntent', { condition: 'gout' })).speech).toMatch(
      /^I don't have safety information about gout/,
    );
  });
});

describe('forget: confirmed, deleted, verified gone', () => {
  async function rememberPregnancy(store: MemoryPersistenceAdapter) {
    const { talk } = userConversation({ store, userId: USER });
    await talk.launch(); // also stores the welcome flag
    await talk.utter("remember that I'm pregnant");
    await talk.utter('yes');
    expect(await stored(store)).toMatchObject({ welcomed: true, health: { conditions: ['pregnancy'] } });
    return talk;
  }

  it('"forget my information", yes → everything stored for the user is gone, and the session forgets too', async () => {
    const store = new MemoryPersistenceAdapter();
    const talk = await rememberPregnancy(store);
    expect((await talk.utter('forget my information')).speech).toMatch(
      /^Shall I delete everything I've stored for you, including any health information\? Yes or no\?$/,
    );
    expect((await talk.utter('yes')).speech).toMatch(
      /^Done\. I've deleted everything I had stored for you, and checked that it's gone\./,
    );
    expect(await stored(store)).toEqual({});
    expect(store.size).toBe(0);
    expect((await askForRoutine(talk, 'quick')).speech).toMatch(started('quick', '(?!Because)'));
    await talk.end();
    await talk.launch();
    expect((await askForRoutine(talk, 'quick')).speech).toMatch(started('quick', '(?!Because)'));
  });

  it('"delete my data", no → kept', async () => {
    const store = new MemoryPersistenceAdapter();
    const talk = await rememberPregnancy(store);
    await talk.utter('delete my data');
    expect((await talk.utter('no')).speech).toMatch(/^Okay, I've kept everything as it is\./);
    expect((await stored(store)).health).toEqual({ conditions: ['pregnancy'] });
  });

  it('"I\'m not pregnant anymore" takes just that off, in the session and in storage', async () => {
    const store = new MemoryPersistenceAdapter();
    const talk = await rememberPregnancy(store);
    await talk.utter('remember that I take warfarin');
    await talk.utter('yes');
    expect((await talk.utter("I'm not pregnant anymore")).speech).toMatch(/^Okay, I've taken pregnancy off/);
    expect((await stored(store)).health).toEqual({ conditions: ['blood-thinners'] });
    expect((await askForRoutine(talk, 'quick')).speech).toMatch(
      started('quick', 'Because you take blood thinners'),
    );
    expect((await talk.utter('forget that I have varicose veins')).speech).toMatch(/^I hadn't noted that/);
  });

  it('a store that does not really delete is caught by the read-back', async () => {
    const memory = new MemoryPersistenceAdapter();
    const stubborn: PersistenceAdapter = {
      getAttributes: (e) => memory.getAttributes(e),
      saveAttributes: (e, a) => memory.saveAttributes(e, a),
      deleteAttributes: () => Promise.resolve(),
    };
    const { talk } = userConversation({ store: stubborn, userId: USER });
    await talk.utter('remember that I take warfarin');
    await talk.utter('yes');
    await talk.utter('forget my information');
    expect((await talk.utter('yes')).speech).toMatch(/^Sorry, I couldn't delete your information just now\./);
  });
});

describe('storage problems and stored data are handled safely', () => {
  const down: PersistenceAdapter = {
    getAttributes: () => Promise.reject(new Error('connection refused')),
    saveAttributes: () => Promise.reject(new Error('connection refused')),
    deleteAttributes: () => Promise.reject(new Error('connection refused')),
  };

  it('storage down: remember and forget say so, and the session still adjusts', async () => {
    const { talk } = userConversation({ store: down, userId: USER });
    await talk.utter("remember that I'm pregnant");
    expect((await talk.utter('yes')).speech).toMatch(
      /^I couldn't save that just now, so I'll keep it in mind for this session only\./,
    );
    expect((await askForRoutine(talk, 'general')).speech).toMatch(/breathing-only/);
    await talk.utter('forget my information');
    expect((await talk.utter('yes')).speech).toMatch(/^Sorry, I couldn't delete your information just now\./);
  });

  it.each([
    ['junk ids', { health: { conditions: ['pregnancy', 'made-up', 7, { id: 'x' }] } }, /breathing-only/],
    ['a string', { health: 'pregnant' }, started('general lower back', '(?!Because)')],
    ['an array', { health: [['pregnancy']] }, started('general lower back', '(?!Because)')],
  ])('stored health that is %s: only known condition ids count', async (_label, record, expected) => {
    const store = new MemoryPersistenceAdapter();
    await store.saveAttributes(launchRequest({ userId: USER }), record);
    const { talk } = userConversation({ store, userId: USER });
    await talk.launch();
    expect((await askForRoutine(talk, 'general')).speech).toMatch(expected);
  });
});

describe('logs never carry health information', () => {
  it('a whole conversation with every condition and red flag, remember, forget and a storage outage', async () => {
    const calls: unknown[][] = [];
    const spies = (['debug', 'info', 'warn', 'error'] as const).map((level) =>
      jest.spyOn(log, level).mockImplementation((...args: unknown[]) => {
        calls.push([level, ...args]);
      }),
    );
    try {
      const store = new MemoryPersistenceAdapter();
      const { talk } = userConversation({ store, userId: USER });
      await talk.launch();
      for (const c of conditions) {
        await talk.say('HealthStatementIntent', { condition: healthSpokenForms(c)[1] ?? c.name });
        await talk.utter(`remember that I have ${c.name}`);
        await talk.utter('yes');
      }
      await askForRoutine(talk, 'sciatica');
      await talk.utter('what did you change');
      await talk.utter('forget my information');
      await talk.utter('yes');
      for (const r of redFlags)
        await talk.say('HealthStatementIntent', { symptom: healthSpokenForms(r)[1] ?? r.name });
      await talk.end();
      const broken = userConversation({
        userId: USER,
        store: {
          getAttributes: () => Promise.reject(new Error('timeout')),
          saveAttributes: () => Promise.reject(new Error('timeout')),
        },
      }).talk;
      await broken.utter("remember that I'm pregnant");
      await broken.utter('yes');
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
    // The spy saw the skill's logs (the outage and the session end), so silence would be noticed.
    expect(calls.some(([, event]) => event === 'storage.load_failed')).toBe(true);
    expect(calls.some(([, event]) => event === 'session.ended')).toBe(true);
    const logged = JSON.stringify(calls).toLowerCase();
    const words = [...conditions, ...redFlags].flatMap((e) => [e.id, e.name, ...e.synonyms]);
    for (const word of words) expect(logged).not.toContain(word.toLowerCase());
  });
});
