import type { Directive } from 'ask-sdk-model';
import { EventRouter } from '../../lambda/src/handlers/screen-events';
import { aplProblems, viewportProblems } from '../support/apl';
import { envelope } from '../../simulator/envelope';
import { newConversation } from '../support/skill';
import { model } from '../support/model';

type Json = Record<string, unknown>;
const apl = (directives: Directive[]) =>
  directives.filter((d) => d.type === 'Alexa.Presentation.APL.RenderDocument') as unknown as Json[];

const ECHO_SHOW = {
  screen: true,
  viewport: { shape: 'RECTANGLE', pixelWidth: 1280, pixelHeight: 800, dpi: 160 },
} as const;
const ECHO_SPOT = {
  screen: true,
  viewport: { shape: 'ROUND', pixelWidth: 480, pixelHeight: 480, dpi: 160 },
} as const;

function userEvent(args: unknown, token = 'ppg.point.GB30'): Record<string, unknown> {
  return {
    type: 'Alexa.Presentation.APL.UserEvent',
    token,
    arguments: args,
    source: { type: 'TouchWrapper', handler: 'Press', id: 'button' },
    components: {},
  };
}

describe('screens: find a point', () => {
  it.each([
    ['an Echo Show', ECHO_SHOW],
    ['a round Echo Spot', ECHO_SPOT],
  ])('on %s, "where is BL 23" also shows the diagram document', async (_name, device) => {
    const { talk } = newConversation({ device });
    const turn = await talk.utter('where is BL 23');
    expect(turn.speech).toMatch(/^Sea of Vitality, B L 23/);
    const [directive, ...others] = apl(turn.directives);
    expect(others).toEqual([]);
    expect(directive).toMatchObject({ token: 'ppg.point.BL23' });
    expect(await aplProblems(directive.document, directive.datasources)).toEqual([]);
    expect(viewportProblems(directive.document)).toEqual([]);
    expect((directive.datasources as { payload: Json }).payload.heading).toBe('BL 23 · Sea of Vitality');
  });

  it('sends no APL to a device without a screen', async () => {
    const { talk } = newConversation();
    const turn = await talk.utter('where is kunlun');
    expect(turn.speech).toMatch(/B L 60/);
    expect(turn.directives).toEqual([]);
  });

  it('writes documents in an APL version the device runtime reports it can render', async () => {
    const { talk } = newConversation({ device: ECHO_SHOW });
    const turn = await talk.utter('where is g b thirty');
    const [directive] = apl(turn.directives);
    const sent = envelope({ type: 'LaunchRequest' }, { device: ECHO_SHOW }) as unknown as {
      context: {
        System: { device: { supportedInterfaces: Record<string, { runtime: { maxVersion: string } }> } };
      };
    };
    const maxVersion =
      sent.context.System.device.supportedInterfaces['Alexa.Presentation.APL'].runtime.maxVersion;
    expect(Number((directive.document as Json).version)).toBeLessThanOrEqual(Number(maxVersion));
  });

  it('keeps the spoken answer identical with or without a screen', async () => {
    const speaker = await newConversation().talk.utter('where is the commanding middle');
    const show = await newConversation({ device: ECHO_SHOW }).talk.utter('where is the commanding middle');
    expect(show.speech).toBe(speaker.speech);
    expect(show.reprompt).toBe(speaker.reprompt);
  });
});

describe('screens: buttons do what the spoken command does', () => {
  it('a PointDetailIntent button gives the same answer as saying "tell me more"', async () => {
    const spoken = newConversation({ device: ECHO_SHOW }).talk;
    await spoken.utter('where is g b thirty');
    const said = await spoken.say('PointDetailIntent');

    const pressed = newConversation({ device: ECHO_SHOW }).talk;
    await pressed.utter('where is g b thirty');
    const button = await pressed.request(userEvent(['intent', 'PointDetailIntent']));

    expect(said.speech).toMatch(/^Here's more on G B 30/);
    expect(button.speech).toBe(said.speech);
    expect(button.reprompt).toBe(said.reprompt);
    expect(button.attributes.lastPoint).toBe('GB 30');
  });

  it('a button with a slot resolves it like Alexa would for the spoken words', async () => {
    const spoken = newConversation({ device: ECHO_SHOW }).talk;
    const said = await spoken.say('PointHoldTimeIntent', { point: 'b l twenty three' });
    const pressed = newConversation({ device: ECHO_SHOW }).talk;
    const button = await pressed.request(userEvent(['intent', 'PointHoldTimeIntent', { point: 'BL23' }]));
    expect(said.speech).toMatch(/^Hold B L 23 for 2 minutes/);
    expect(button.speech).toBe(said.speech);
  });

  it('a FindPointIntent button shows that point, like the spoken question', async () => {
    const { talk } = newConversation({ device: ECHO_SHOW });
    const turn = await talk.request(userEvent(['intent', 'FindPointIntent', { point: 'BL52' }]));
    expect(turn.speech).toMatch(/^Will's Chamber, B L 52/);
    expect(apl(turn.directives)[0]).toMatchObject({ token: 'ppg.point.BL52' });
  });

  const forged: Array<[string, unknown]> = [
    ['no arguments', undefined],
    ['arguments that are not a list', { intent: 'PointDetailIntent' }],
    ['a list of the wrong kind', ['goto', 'PointDetailIntent']],
    ['an intent the skill does not have', ['intent', 'DeleteEverythingIntent']],
    ['a very long intent name', ['intent', 'X'.repeat(5000)]],
    ['a slot the intent does not have', ['intent', 'PointDetailIntent', { patient: 'me' }]],
    ['a slot value that is not a point', ['intent', 'PointDetailIntent', { point: 'BL99' }]],
    ['a slot value that is not text', ['intent', 'PointDetailIntent', { point: { $ne: 1 } }]],
    ['slots that are not an object', ['intent', 'PointDetailIntent', 'BL23']],
    ['too many arguments', ['intent', 'PointDetailIntent', {}, 'extra']],
  ];
  it.each(forged)('answers a forged event with %s calmly, keeping the session open', async (_what, args) => {
    const { talk } = newConversation({ device: ECHO_SHOW });
    await talk.utter('where is BL 23');
    const turn = await talk.request(userEvent(args));
    expect(turn.speech).toMatch(/^Sorry, I can't do that from the screen right now/);
    expect(turn.ended).toBe(false);
    expect(turn.reprompt).not.toBe('');
    expect(turn.attributes.lastPoint).toBe('BL 23');
  });
});

describe('EventRouter', () => {
  // The routines feature adds TimeHoldIntent, Pause and Next to the model; the router takes whatever the model has.
  const withRoutineIntents = new EventRouter({
    intents: [
      ...model.interactionModel.languageModel.intents,
      { name: 'TimeHoldIntent', slots: [{ name: 'point', type: 'PointName' }] },
      { name: 'AMAZON.PauseIntent' },
      { name: 'AMAZON.NextIntent' },
    ],
    types: model.interactionModel.languageModel.types,
  });

  it('routes the routine screen’s buttons once their intents are in the model', () => {
    expect(withRoutineIntents.route(['intent', 'AMAZON.PauseIntent'])).toEqual({
      intent: { name: 'AMAZON.PauseIntent', confirmationStatus: 'NONE', slots: {} },
    });
    expect(withRoutineIntents.route(['intent', 'TimeHoldIntent', { point: 'BL23' }])).toMatchObject({
      intent: {
        name: 'TimeHoldIntent',
        slots: {
          point: {
            name: 'point',
            value: expect.any(String),
            resolutions: {
              resolutionsPerAuthority: [
                { status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id: 'BL23' } }] },
              ],
            },
          },
        },
      },
    });
  });

  it('fills in the intent’s other slots as empty, as Alexa does', () => {
    expect(withRoutineIntents.route(['intent', 'TimeHoldIntent'])).toEqual({
      intent: {
        name: 'TimeHoldIntent',
        confirmationStatus: 'NONE',
        slots: { point: { name: 'point', confirmationStatus: 'NONE' } },
      },
    });
  });
});
