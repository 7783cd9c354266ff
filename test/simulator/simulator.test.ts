import type { RequestEnvelope } from 'ask-sdk-model';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { Simulator, UnknownSessionError } from '../../simulator/simulator';
import { visualFromDirectives } from '../../simulator/visual';
import { buildSkill } from '../../lambda/src/skill';
import { holdAudio, holdDisplay, holdSkill } from '../support/hold-turn';
import { model } from '../support/model';

describe('the simulator: a device in software', () => {
  it('stamps each request with its clock, and plays output speech then the APLA hold', async () => {
    let now = Date.parse('2026-11-25T08:00:00Z');
    const received: RequestEnvelope[] = [];
    const simulator = new Simulator({
      skill: holdSkill({ shouldEndSession: false, received }),
      model,
      clock: () => now,
    });
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
      skill: holdSkill({ shouldEndSession: false, received }),
      model,
      renderVisual: (directive) =>
        `<svg xmlns="http://www.w3.org/2000/svg"><text>${String(directive.token)}</text></svg>`,
    });
    const { id } = simulator.open({ device: 'screen' });
    const reply = await simulator.say(id, 'next');
    expect(reply.visual).toEqual({
      token: 'hold',
      lines: ['Sea of Vitality, BL 23', 'Step 2 of 5'],
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
      const simulator = new Simulator({ skill: holdSkill({ shouldEndSession: end, received }), model });
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
    expect(visualFromDirectives([holdAudio(1000)])).toBeUndefined();
    expect(visualFromDirectives([holdDisplay], () => '<script>alert(1)</script>')).not.toHaveProperty('svg');
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
