/**
 * Slot text and session attributes are untrusted: what the user said is spoken back as a short,
 * clean phrase; "repeat" re-renders the skill's own sentences, never a stored string; and only the
 * skill's own session attributes, validated, go back to the device. Every request here is a real
 * envelope through the real skill.
 */
import type { ResponseEnvelope } from 'ask-sdk-model';
import { intentRequest } from '../../simulator/envelope';
import { PHRASE_MAX_CHARACTERS, PHRASE_MAX_WORDS, spokenPhrase } from '../../lambda/src/speech/bounded-text';
import { ssmlProblems } from '../../lambda/src/speech/ssml-check';
import { model } from '../support/model';
import { newConversation } from '../support/skill';

function ssmlOf(response: ResponseEnvelope): string[] {
  const out: string[] = [];
  for (const speech of [response.response.outputSpeech, response.response.reprompt?.outputSpeech])
    if (speech?.type === 'SSML') out.push(speech.ssml);
  return out;
}

function expectValid(response: ResponseEnvelope): void {
  for (const ssml of ssmlOf(response)) expect(ssmlProblems(ssml)).toEqual([]);
}

const session = (attributes: Record<string, unknown>) => ({
  sessionId: 'amzn1.echo-api.session.bounds',
  newSession: false,
  attributes,
  timestamp: '2026-11-25T08:00:00Z',
});

/** Every intent slot in the committed model, as [intent, slot]. */
const slotsInModel: [string, string][] = model.interactionModel.languageModel.intents.flatMap((intent) =>
  (intent.slots ?? []).map((slot): [string, string] => [intent.name, slot.name]),
);

describe('what the user said is spoken back as a short, clean phrase', () => {
  it('a 9,000-character point name adds at most a short phrase to the answer', async () => {
    const { skill } = newConversation();
    const huge = 'bl'.padEnd(9000, ' twentythree');
    const response = await skill.invoke(
      intentRequest(model, 'FindPointIntent', { point: huge }, session({})),
    );
    expectValid(response);
    const [speech] = ssmlOf(response);
    expect(speech).toMatch(/^<speak>I don't know a point called bl twentythree/);
    expect(speech.length).toBeLessThan(300);
  });

  it('2,000 ampersands are escaped and cut, not 10,000 characters of SSML', async () => {
    const { skill } = newConversation();
    const response = await skill.invoke(
      intentRequest(model, 'FindPointIntent', { point: '&'.repeat(2000) }, session({})),
    );
    expectValid(response);
    expect(ssmlOf(response)[0].length).toBeLessThan(600);
  });

  it('control characters and lone surrogates never reach the SSML', async () => {
    const { skill } = newConversation();
    const hostile = `kun\u0007lun\u0000 \uD800 point \uDC00 \u001B[31m \uFFFE`;
    const response = await skill.invoke(
      intentRequest(model, 'FindPointIntent', { point: hostile }, session({})),
    );
    expectValid(response);
    for (const ssml of ssmlOf(response)) {
      // eslint-disable-next-line no-control-regex
      expect(ssml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
      expect(ssml).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });

  it.each(slotsInModel)(
    '%s: a huge "%s" slot is spoken back as at most a short phrase',
    async (intent, slot) => {
      const { skill } = newConversation();
      const value = Array.from({ length: 3000 }, (_, i) => `zq${i}`).join(' ');
      const response = await skill.invoke(intentRequest(model, intent, { [slot]: value }, session({})));
      expectValid(response);
      for (const ssml of ssmlOf(response)) {
        expect((ssml.match(/zq\d+/g) ?? []).length).toBeLessThanOrEqual(PHRASE_MAX_WORDS);
        expect(ssml.length).toBeLessThan(1500);
      }
    },
  );

  it('spokenPhrase cuts at a word boundary and keeps whole surrogate pairs', () => {
    expect(spokenPhrase('  the   sea of\tvitality  ')).toBe('the sea of vitality');
    expect(spokenPhrase('one two three four five six seven eight nine ten')).toBe(
      'one two three four five six seven eight',
    );
    const long = spokenPhrase('supercalifragilistic '.repeat(10));
    expect(long.length).toBeLessThanOrEqual(PHRASE_MAX_CHARACTERS);
    expect(long.endsWith(' ')).toBe(false);
    expect(spokenPhrase('😀'.repeat(100))).toMatch(/^(?:😀)+$/u);
    expect(spokenPhrase('a\u0000b\uD800c')).toBe('abc');
  });
});

describe('"repeat" re-renders what the skill said, never a stored string', () => {
  it('repeats a point answer word for word, and a repeated answer again', async () => {
    const { talk } = newConversation();
    const answer = await talk.utter('where is bl 23');
    const again = await talk.utter('repeat that');
    expect(again.ssml).toBe(answer.ssml);
    expect(again.reprompt).toBe(answer.reprompt);
    expect((await talk.utter('repeat that')).ssml).toBe(answer.ssml);
  });

  it.each([
    'which point helps sciatica',
    'is it safe if I take warfarin',
    'remember that I take blood thinners',
    'help',
    'where is the moon point',
    'when should I stop',
  ])('after "%s", repeat says the same', async (words) => {
    const { talk } = newConversation();
    const answer = await talk.utter(words);
    expect(talk.sessionAttributes.said).toBeDefined();
    expect((await talk.utter('repeat that')).ssml).toBe(answer.ssml);
  });

  it.each([
    'open pressure point guide',
    'where is kunlun',
    'how do I find the sea of vitality',
    'tell me more',
    'how long do I hold it',
    'where exactly',
    'which point helps stiffness',
    'points for disc pain',
    'time a hold',
    'start a routine',
    'next',
    "is it safe if I'm pregnant",
    'is B L 60 safe during pregnancy',
    'I take blood thinners',
    'what did you change',
    'forget my information',
    'resume my routine',
    'make the holds longer',
    'I have numbness between my legs',
    'I have a fever',
    'blah blah',
  ])('every answer that leaves the session open can be repeated word for word: "%s"', async (words) => {
    const { talk } = newConversation();
    await talk.utter('where is bl 23');
    const answer = await talk.utter(words);
    if (answer.ended || answer.ssml === '' || talk.sessionAttributes.routine !== undefined) return;
    const again = await talk.utter('repeat that');
    expect(again.ssml).toBe(answer.ssml);
    expect(again.reprompt).toBe(answer.reprompt);
  });

  it('a stored sentence with a part missing is not said', async () => {
    const { skill } = newConversation();
    const said = { speech: [{ k: 'safety.stopRulesAnswer', v: {} }] };
    const response = await skill.invoke(intentRequest(model, 'AMAZON.RepeatIntent', {}, session({ said })));
    expect(ssmlOf(response)[0]).toMatch(/^<speak>I haven't said anything to repeat yet/);
  });

  it('a tampered lastSpeech (20,015 characters of broken SSML) is never spoken', async () => {
    const { skill } = newConversation();
    const lastSpeech = `<audio src="https://evil.example/x.mp3"/>${'&<b>'.repeat(4993)}`;
    const response = await skill.invoke(
      intentRequest(model, 'AMAZON.RepeatIntent', {}, session({ lastSpeech, lastReprompt: lastSpeech })),
    );
    expectValid(response);
    const [speech] = ssmlOf(response);
    expect(speech).toMatch(/I haven't said anything to repeat yet/);
    expect(speech).not.toMatch(/evil|audio/);
    expect(JSON.stringify(response).length).toBeLessThan(2000);
  });

  it.each([
    ['a string', 'Say I cure back pain'],
    ['an unknown key', { speech: [{ k: 'no.such.key' }] }],
    ['raw text as glue', { speech: [{ k: 'common.goodbye' }, ' I cure back pain.'] }],
    ['SSML in a value', { speech: [{ k: 'find.unknownPoint', v: { spoken: '<audio src="x"/>' } }] }],
    [
      'a nested value where text goes',
      { speech: [{ k: 'find.unknownPoint', v: { spoken: [{ k: 'common.goodbye' }] } }] },
    ],
    ['a huge value', { speech: [{ k: 'find.unknownPoint', v: { spoken: 'x'.repeat(20000) } }] }],
    [
      'deep nesting',
      {
        speech: JSON.parse(
          `${'[{"k":"common.list.two","v":{"first":'.repeat(50)}[{"k":"common.goodbye"}]${'}}]'.repeat(50)}`,
        ) as unknown,
      },
    ],
    ['many lines', { speech: Array.from({ length: 5000 }, () => ({ k: 'common.goodbye' })) }],
  ])('tampered "said" (%s) is rejected or rendered safely', async (_label, said) => {
    const { skill } = newConversation();
    const response = await skill.invoke(intentRequest(model, 'AMAZON.RepeatIntent', {}, session({ said })));
    expectValid(response);
    const [speech] = ssmlOf(response);
    expect(speech).not.toMatch(/cure|<audio|xxxxxxxxxx/);
    expect(speech.length).toBeLessThan(1000);
  });
});

describe("only the skill's own session attributes, validated, go back", () => {
  it('a 130 KB junk attribute is not echoed: the response stays small', async () => {
    const { skill } = newConversation();
    const response = await skill.invoke(
      intentRequest(model, 'FindPointIntent', { point: 'cv 6' }, session({ junk: 'x'.repeat(130_000) })),
    );
    expect(JSON.stringify(response).length).toBeLessThan(8000);
    // `safety` is the session's profile, read from the store once a session for every point answer;
    // it also notes that what a finger-width is has been said (CV 6's answer uses finger-widths).
    expect(Object.keys(response.sessionAttributes ?? {}).sort()).toEqual([
      'lastPoint',
      'offer',
      'safety',
      'said',
    ]);
    expect(response.sessionAttributes?.safety).toMatchObject({ fingerWidthSaid: true });
    expect(JSON.stringify(response.sessionAttributes)).not.toMatch(/x{100}/);
  });

  it('known keys with wrong shapes are dropped or reduced to their valid readings', async () => {
    const { skill } = newConversation();
    const response = await skill.invoke(
      intentRequest(
        model,
        'AMAZON.HelpIntent',
        {},
        session({
          lastPoint: 'XX 99',
          offer: { kind: 'routine', routineId: 'general', extra: 'y'.repeat(50_000) },
          routineScreened: 7,
          safety: {
            conditions: ['pregnancy', 'made-up'],
            pending: { action: 'forget', asked: 'z'.repeat(40_000) },
          },
          routine: { v: 1, plan: 'p'.repeat(60_000) },
          said: { speech: [{ k: 'common.goodbye' }], reprompt: 'q'.repeat(30_000) },
          __proto__x: 1,
        }),
      ),
    );
    const attrs = response.sessionAttributes ?? {};
    expect(JSON.stringify(response).length).toBeLessThan(8000);
    expect(attrs.lastPoint).toBeUndefined();
    expect(attrs.offer).toEqual({ kind: 'routine', routineId: 'general' });
    expect(attrs.routineScreened).toBeUndefined();
    expect(attrs.safety).toMatchObject({ conditions: ['pregnancy'] });
    expect((attrs.safety as { pending?: unknown }).pending).toBeUndefined();
    // Help with a routine that does not check out says "let's start again" and drops it.
    expect(attrs.routine).toBeUndefined();
    expect(attrs.__proto__x).toBeUndefined();
  });

  it('a broken routine still reads as broken on the next turn ("let\'s start again")', async () => {
    const { talk } = newConversation();
    await talk.launch();
    talk.setAttributes({ routine: { v: 1, plan: 'p'.repeat(60_000) } });
    await talk.utter('where is bl 23');
    expect(JSON.stringify(talk.sessionAttributes).length).toBeLessThan(4000);
    expect((await talk.utter('next')).speech).toMatch(/lost track of where we were/);
  });

  it('after an error the attributes are cleaned too', async () => {
    const { skill } = newConversation();
    // A request the handlers cannot read: the error handler answers, with only known attributes.
    const request = intentRequest(model, 'FindPointIntent', {}, session({ junk: 'j'.repeat(100_000) }));
    const intent = (request.request as unknown as { intent: Record<string, unknown> }).intent;
    let reads = 0;
    Object.defineProperty(intent, 'slots', {
      get() {
        reads += 1;
        if (reads === 1) throw new Error('unreadable');
        return {};
      },
    });
    const response = await skill.invoke(request);
    expect(response.response.outputSpeech).toMatchObject({ ssml: expect.stringMatching(/went wrong/) });
    expect(JSON.stringify(response).length).toBeLessThan(4000);
    expect(response.sessionAttributes).toEqual({});
  });
});
