import { SkillBuilders, type Skill } from 'ask-sdk-core';
import type { interfaces, RequestEnvelope } from 'ask-sdk-model';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { Simulator, UnknownSessionError } from '../../lambda/src/simulator/simulator';
import { visualFromDirectives } from '../../lambda/src/simulator/visual';
import { buildSkill } from '../../lambda/src/skill';
import { model } from '../support/model';

/** A routine-like turn of the documented shapes: APL for the screen, APLA for a 45 s hold. */
const aplDirective: interfaces.alexa.presentation.apl.RenderDocumentDirective = {
  type: 'Alexa.Presentation.APL.RenderDocument',
  token: 'hold',
  document: { type: 'APL', version: '2023.3', mainTemplate: { parameters: ['payload'], items: [] } },
  datasources: {
    hold: {
      title: 'Sea of Vitality, BL 23',
      step: 'Step 2 of 5',
      secondsLeft: 45,
      imageUrl: 'https://x/y.png',
    },
  },
};
const aplaDirective: interfaces.alexa.presentation.apla.RenderDocumentDirective = {
  type: 'Alexa.Presentation.APLA.RenderDocument',
  token: 'hold-audio',
  document: {
    type: 'APLA',
    version: '0.91',
    mainTemplate: {
      parameters: ['payload'],
      item: {
        type: 'Sequencer',
        items: [
          { type: 'Speech', content: 'Press now.' },
          { type: 'Silence', duration: 45000 },
          { type: 'Speech', content: 'Release.' },
        ],
      },
    },
  },
};

/** A real ask-sdk skill that answers every intent with a hold turn; shouldEndSession as given. */
function holdSkill(shouldEndSession: boolean | undefined, received: RequestEnvelope[]): Skill {
  return SkillBuilders.custom()
    .addRequestHandlers({
      canHandle: () => true,
      handle(h) {
        received.push(h.requestEnvelope);
        const builder = h.responseBuilder.speak('Step two.').addDirective(aplaDirective);
        if (h.requestEnvelope.context.System.device?.supportedInterfaces['Alexa.Presentation.APL'])
          builder.addDirective(aplDirective);
        if (shouldEndSession !== undefined) builder.withShouldEndSession(shouldEndSession);
        return builder.getResponse();
      },
    })
    .create();
}

describe('the simulator: a device in software', () => {
  it('stamps each request with its clock, and plays output speech then the APLA hold', async () => {
    let now = Date.parse('2026-11-25T08:00:00Z');
    const received: RequestEnvelope[] = [];
    const simulator = new Simulator({ skill: holdSkill(false, received), model, clock: () => now });
    const { id } = simulator.open();
    const first = await simulator.say(id, 'next');
    now += 20_000;
    await simulator.say(id, 'pause');
    expect(received.map((r) => r.request.timestamp)).toEqual([
      '2026-11-25T08:00:00.000Z',
      '2026-11-25T08:00:20.000Z',
    ]);
    expect(first.cues.map((c) => (c.kind === 'speech' ? c.text : c.durationMs))).toEqual([
      'Step two.',
      'Press now.',
      45000,
      'Release.',
    ]);
    expect(first.visual).toBeUndefined();
  });

  it("on a screen device, shows the APL document's text and the SVG the renderer draws", async () => {
    const received: RequestEnvelope[] = [];
    const simulator = new Simulator({
      skill: holdSkill(false, received),
      model,
      renderVisual: (directive) =>
        `<svg xmlns="http://www.w3.org/2000/svg"><text>${String(directive.token)}</text></svg>`,
    });
    const { id } = simulator.open({ device: 'screen' });
    const reply = await simulator.say(id, 'next');
    expect(reply.visual).toEqual({
      token: 'hold',
      lines: ['Sea of Vitality, BL 23', 'Step 2 of 5', 'secondsLeft: 45'],
      svg: '<svg xmlns="http://www.w3.org/2000/svg"><text>hold</text></svg>',
    });
  });

  it('follows shouldEndSession: false listens, true closes, unset closes a speaker but keeps a showing screen open', async () => {
    const cases: Array<[boolean | undefined, 'speaker' | 'screen', string]> = [
      [false, 'speaker', 'listening'],
      [true, 'screen', 'closed'],
      [undefined, 'speaker', 'closed'],
      [undefined, 'screen', 'open'],
    ];
    for (const [end, device, state] of cases) {
      const received: RequestEnvelope[] = [];
      const simulator = new Simulator({ skill: holdSkill(end, received), model });
      const { id } = simulator.open({ device });
      expect((await simulator.say(id, 'next')).session).toBe(state);
      await simulator.say(id, 'next');
      // A closed session means the next words start a new one.
      expect(received[1].session?.new).toBe(state === 'closed');
    }
  });

  it('runs the turns of one session in order, even when they arrive together', async () => {
    const store = new MemoryPersistenceAdapter();
    const simulator = new Simulator({ skill: buildSkill({ persistenceAdapter: store }), model });
    const { id } = simulator.open();
    const [find, more] = await Promise.all([
      simulator.say(id, 'where is kunlun'),
      simulator.say(id, 'tell me more'),
    ]);
    expect(find.speech).toMatch(/B L 60/);
    expect(more.speech).toMatch(/more on B L 60/);
  });

  it('refuses unknown sessions and devices clearly, and makes up a user for a malformed token', async () => {
    const simulator = new Simulator({ skill: buildSkill(), model });
    await expect(simulator.say('nope', 'help')).rejects.toBeInstanceOf(UnknownSessionError);
    expect(() => simulator.describe(undefined)).toThrow(UnknownSessionError);
    const { id, user } = simulator.open({ user: '../../etc/passwd', device: 'toaster' });
    expect(user).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(simulator.describe(id).device).toBe('speaker');
    await expect(simulator.setDevice(id, 'toaster')).rejects.toBeInstanceOf(RangeError);
  });
});

describe('what a screen shows', () => {
  it('ignores responses without APL, and an SVG renderer that returns something else', () => {
    expect(visualFromDirectives(undefined)).toBeUndefined();
    expect(visualFromDirectives([aplaDirective])).toBeUndefined();
    expect(visualFromDirectives([aplDirective], () => '<script>alert(1)</script>')).not.toHaveProperty('svg');
  });

  it('reads inline text from a document without datasources', () => {
    const inline = {
      type: 'Alexa.Presentation.APL.RenderDocument',
      document: {
        type: 'APL',
        mainTemplate: {
          items: [{ type: 'Container', items: [{ type: 'Text', text: 'Kunlun Mountains', width: '100%' }] }],
        },
      },
    };
    expect(visualFromDirectives([inline])).toEqual({ lines: ['Kunlun Mountains'] });
  });
});
