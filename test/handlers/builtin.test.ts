import type { PersistenceAdapter } from 'ask-sdk-core';
import { buildSkill } from '../../lambda/src/skill';
import { envelope, intentRequest, launchRequest } from '../../simulator/envelope';
import { log } from '../../lambda/src/log';
import { Conversation, toTurn } from '../support/conversation';
import { model } from '../support/model';
import { newConversation } from '../support/skill';

describe('launch', () => {
  it('says what it can do, with the not-medical-advice note on first use only', async () => {
    const { talk, store } = newConversation();
    const first = await talk.launch();
    expect(first.speech).toMatch(/^Welcome to Pressure Point Guide\. I can find a point, time a routine/);
    expect(first.speech).toMatch(/not medical advice/);
    expect(first.speech).toMatch(/What would you like to do\?$/);
    expect(first.ended).toBe(false);
    expect(store.size).toBe(1);
    // A returning user: a short welcome (at most 25 words) that still says what can be done.
    const second = await talk.launch();
    expect(second.speech).toBe(
      "Welcome back. Find a point, start a routine, or ask if something's safe. What would you like?",
    );
    expect(second.speech.split(/\s+/).length).toBeLessThanOrEqual(25);
    expect(second.ended).toBe(false);
  });

  it('still answers, note included, when storage is down', async () => {
    const broken: PersistenceAdapter = {
      getAttributes: () => Promise.reject(new Error('connection refused')),
      saveAttributes: () => Promise.reject(new Error('connection refused')),
    };
    const talk = new Conversation(buildSkill({ persistenceAdapter: broken }));
    const turn = await talk.launch();
    expect(turn.speech).toMatch(/^Welcome.*not medical advice/);
  });

  it('works with no persistence configured', async () => {
    const talk = new Conversation(buildSkill());
    expect((await talk.launch()).speech).toMatch(/^Welcome/);
  });
});

describe('built-in intents', () => {
  it('help says what to say and keeps the session open', async () => {
    const { talk } = newConversation();
    const turn = await talk.utter('help');
    // Three things that fit the moment (no routine), then one question.
    expect(turn.speech).toBe(
      'You can ask where a point is, like B L 23, ask which point helps sciatica, or start a routine. What would you like?',
    );
    expect(turn.ended).toBe(false);
  });

  it.each(['stop', 'cancel'])('"%s" says goodbye and ends the session', async (words) => {
    const { talk } = newConversation();
    await talk.launch();
    const turn = await talk.utter(words);
    expect(turn.speech).toMatch(/Goodbye/);
    expect(turn.ended).toBe(true);
  });

  it('fallback says what it can do and stays open', async () => {
    const { talk } = newConversation();
    const turn = await talk.utter('sing me a song about turnips');
    expect(turn.speech).toMatch(/^Sorry, I didn't catch that\. I can find a point/);
    expect(turn.ended).toBe(false);
  });

  it('navigate home gives the menu', async () => {
    const { talk } = newConversation();
    expect((await talk.say('AMAZON.NavigateHomeIntent')).speech).toMatch(/What would you like to do\?/);
  });

  it('"no" to an offer stays open', async () => {
    const { talk } = newConversation();
    await talk.utter('where is bl 23');
    const turn = await talk.utter('no thanks');
    expect(turn.ended).toBe(false);
    expect(turn.speech).toMatch(/What would you like to do\?/);
  });

  it('repeat with nothing said yet', async () => {
    const { talk } = newConversation();
    expect((await talk.utter('repeat that')).speech).toMatch(/I haven't said anything to repeat yet/);
  });

  it('session ended gets an empty response', async () => {
    const { talk } = newConversation();
    await talk.launch();
    const turn = await talk.end('USER_INITIATED');
    expect(turn.envelope.response.outputSpeech).toBeUndefined();
  });
});

describe('every intent in the model has a handler, and only fallback falls back', () => {
  const intents = model.interactionModel.languageModel.intents.map((i) => i.name);
  it.each(intents.filter((name) => name !== 'AMAZON.FallbackIntent'))('%s', async (name) => {
    const warn = jest.spyOn(log, 'warn').mockImplementation(() => undefined);
    try {
      const { talk } = newConversation();
      await talk.say(name);
      expect(warn).not.toHaveBeenCalledWith('intent.unhandled', expect.anything());
    } finally {
      warn.mockRestore();
    }
  });
});

describe('bad input never crashes', () => {
  const skill = buildSkill();

  it('an intent the skill does not know gets the fallback answer', async () => {
    const turn = toTurn(await skill.invoke(intentRequest(model, 'OrderPizzaIntent', { topping: 'ham' })));
    expect(turn.speech).toMatch(/^Sorry, I didn't catch that/);
    expect(turn.ended).toBe(false);
  });

  it.each([
    ['no request', { version: '1.0', context: {} }],
    ['null', null],
    ['a string', 'hello'],
    ['a request without a type', { version: '1.0', context: { System: {} }, request: {} }],
  ])('%s: a calm spoken apology', async (_label, input) => {
    const turn = toTurn(await skill.invoke(input as never));
    expect(turn.speech).toMatch(/^Sorry, something went wrong on my side/);
  });

  it('an intent request with no intent, no slots, no locale and no session', async () => {
    const odd = envelope({ type: 'IntentRequest' }, { attributes: null });
    delete (odd.request as { locale?: string }).locale;
    const turn = toTurn(await skill.invoke(odd));
    expect(turn.speech).toMatch(/didn't catch that/);
  });

  it('slots that are not objects, and junk resolutions', async () => {
    const turn = toTurn(
      await skill.invoke(
        envelope({
          type: 'IntentRequest',
          intent: {
            name: 'FindPointIntent',
            slots: { point: { name: 'point', value: 42, resolutions: 'x' } },
          },
        }),
      ),
    );
    expect(turn.speech).toMatch(/Which point would you like to find\?/);
  });

  it('session attributes that are not an object', async () => {
    const env = intentRequest(model, 'PointDetailIntent');
    (env.session as { attributes: unknown }).attributes = 'garbage';
    expect(toTurn(await skill.invoke(env)).speech).toMatch(/Which point do you mean\?/);
  });

  it('an unknown request type gets an empty response', async () => {
    const turn = toTurn(await skill.invoke(envelope({ type: 'Messaging.MessageReceived' })));
    expect(turn.envelope.response.outputSpeech).toBeUndefined();
  });

  it('a skill id mismatch is refused when a skill id is set: no speech, no handler, no exception', async () => {
    const strict = buildSkill({ skillId: 'amzn1.ask.skill.other' });
    const refused = await strict.invoke(launchRequest());
    expect(refused.response).toEqual({});
    expect(refused.sessionAttributes).toBeUndefined();
  });
});
