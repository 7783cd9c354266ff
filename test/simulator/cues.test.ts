import {
  cuesForResponse,
  cuesFromApla,
  cuesFromSsml,
  speakingMs,
  SPEAKING_RATE_WPM,
} from '../../simulator/cues';

/** A routine turn as the routines feature renders it: an APLA Sequencer of Speech and Silence. */
function holdTurn(): Record<string, unknown> {
  return {
    type: 'APLA',
    version: '0.91',
    mainTemplate: {
      parameters: ['payload'],
      item: {
        type: 'Sequencer',
        items: [
          {
            type: 'Speech',
            contentType: 'SSML',
            content: '<speak>Press Sea of Vitality, B L 23, now.</speak>',
          },
          { type: 'Silence', duration: 30000 },
          { type: 'Silence', duration: 15000 },
          { type: 'Speech', content: 'Ten seconds left.' },
          { type: 'Silence', duration: 10000 },
          { type: 'Speech', contentType: 'PlainText', content: 'Release, and breathe.' },
        ],
      },
    },
  };
}

const msPerWord = 60000 / SPEAKING_RATE_WPM;

describe('cue lists: what is heard, and when', () => {
  it('estimates speech from its words at the documented rate', () => {
    expect(speakingMs('press the point now')).toBe(Math.round(4 * msPerWord));
    expect(speakingMs('press the point now', 0.5)).toBe(Math.round(8 * msPerWord));
    expect(speakingMs('  ... ')).toBe(0);
  });

  it('turns an APLA hold turn into speech, one merged hold, speech, a hold and speech', () => {
    const { cues, totalMs } = cuesFromApla(holdTurn());
    expect(cues.map((c) => c.kind)).toEqual(['speech', 'silence', 'speech', 'silence', 'speech']);
    const [press, hold, tenLeft, lastHold, release] = cues;
    expect(press).toMatchObject({ atMs: 0, text: 'Press Sea of Vitality, B L 23, now.' });
    // The hold starts when the instruction has been said and lasts both Silences.
    expect(hold).toEqual({ kind: 'silence', atMs: press.durationMs, durationMs: 45000 });
    expect(tenLeft).toMatchObject({ text: 'Ten seconds left.', atMs: press.durationMs + 45000 });
    expect(lastHold.durationMs).toBe(10000);
    expect(release).toMatchObject({ text: 'Release, and breathe.' });
    expect(totalMs).toBe(release.atMs + release.durationMs);
    expect(totalMs).toBeGreaterThan(55000);
  });

  it('gives the same timeline for the SSML form with breaks of at most 10 s', () => {
    const ssml =
      '<speak>Press Sea of Vitality, B L 23, now.' +
      '<break time="10s"/><break time="10s"/><break time="10s"/><break time="10s"/><break time="5000ms"/>' +
      'Ten seconds left.<break time="10s"/>Release, and breathe.</speak>';
    const fromSsml = cuesFromSsml(ssml);
    const fromApla = cuesFromApla(holdTurn());
    expect(fromSsml.cues.map((c) => [c.kind, c.durationMs])).toEqual(
      fromApla.cues.map((c) => [c.kind, c.durationMs]),
    );
    expect(fromSsml.totalMs).toBe(fromApla.totalMs);
  });

  it('keeps short pauses inside speech and lets prosody slow the estimate', () => {
    const normal = cuesFromSsml('<speak>Breathe in slowly. Breathe out.</speak>');
    const paused = cuesFromSsml('<speak>Breathe in slowly.<break time="500ms"/> Breathe out.</speak>');
    expect(paused.cues).toHaveLength(1);
    expect(paused.cues[0].durationMs).toBe(normal.cues[0].durationMs + 500);
    const slow = cuesFromSsml('<speak><prosody rate="50%">Breathe in slowly. Breathe out.</prosody></speak>');
    expect(slow.cues[0].durationMs).toBe(normal.cues[0].durationMs * 2);
    expect(cuesFromSsml('<speak>one <break strength="strong"/> two</speak>').cues[0].durationMs).toBe(
      Math.round(msPerWord) * 2 + 700,
    );
  });

  it('decodes entities in speech text', () => {
    expect(cuesFromSsml('<speak>Hips &amp; knees</speak>').cues[0]).toMatchObject({ text: 'Hips & knees' });
  });

  it('binds ${payload...} content and inflates a Sequencer over its data', () => {
    const document = {
      type: 'APLA',
      version: '0.91',
      mainTemplate: {
        parameters: ['payload'],
        item: {
          type: 'Sequencer',
          data: '${payload.turn.steps}',
          items: [
            { type: 'Speech', when: '${data.say}', content: '${data.say}' },
            { type: 'Silence', duration: '${data.hold}' },
          ],
        },
      },
    };
    const datasources = {
      turn: { steps: [{ say: 'Press now.' }, { hold: 20000 }, { say: 'Switch sides.' }] },
    };
    const { cues } = cuesFromApla(document, datasources);
    expect(cues.map((c) => (c.kind === 'speech' ? c.text : c.durationMs))).toEqual([
      'Press now.',
      20000,
      'Switch sides.',
    ]);
  });

  it("plays a Selector's first item whose when holds, and a Mixer's children together", () => {
    const selector = {
      type: 'APLA',
      version: '0.91',
      mainTemplate: {
        item: {
          type: 'Selector',
          items: [
            { type: 'Speech', when: false, content: 'not this' },
            { type: 'Speech', content: 'this one' },
            { type: 'Speech', content: 'nor this' },
          ],
        },
      },
    };
    expect(cuesFromApla(selector).cues.map((c) => c.kind === 'speech' && c.text)).toEqual(['this one']);
    const mixer = {
      type: 'APLA',
      version: '0.91',
      mainTemplate: {
        items: [
          {
            type: 'Mixer',
            items: [
              { type: 'Speech', content: 'relax your shoulders' },
              { type: 'Silence', duration: 8000 },
            ],
          },
        ],
      },
    };
    const mixed = cuesFromApla(mixer);
    expect(mixed.cues.map((c) => c.kind)).toEqual(['speech', 'silence']);
    expect(mixed.totalMs).toBe(8000);
  });

  it('expands a custom composition with its parameters', () => {
    const document = {
      type: 'APLA',
      version: '0.91',
      compositions: {
        Hold: {
          parameters: ['cue', 'ms'],
          item: {
            type: 'Sequencer',
            items: [
              { type: 'Speech', content: '${cue}' },
              { type: 'Silence', duration: '${ms}' },
            ],
          },
        },
      },
      mainTemplate: { item: { type: 'Hold', cue: 'Hold it there.', ms: 15000 } },
    };
    expect(cuesFromApla(document).cues).toEqual([
      { kind: 'speech', atMs: 0, durationMs: Math.round(3 * msPerWord), text: 'Hold it there.' },
      { kind: 'silence', atMs: Math.round(3 * msPerWord), durationMs: 15000 },
    ]);
  });

  it("plays a response's output speech first, then its APLA document", () => {
    const { cues } = cuesForResponse({
      outputSpeech: { type: 'SSML', ssml: '<speak>Lower back routine. Step one.</speak>' },
      directives: [
        { type: 'Alexa.Presentation.APL.RenderDocument', document: { type: 'APL' } },
        { type: 'Alexa.Presentation.APLA.RenderDocument', token: 't', document: holdTurn(), datasources: {} },
      ],
    });
    expect(cues[0]).toMatchObject({ kind: 'speech', atMs: 0, text: 'Lower back routine. Step one.' });
    expect(cues[1]).toMatchObject({ kind: 'speech', atMs: cues[0].durationMs, text: /^Press Sea/ });
    expect(cues[2]).toMatchObject({ kind: 'silence', durationMs: 45000 });
  });

  it('gives an empty list for anything that is not a document of the documented shape', () => {
    for (const bad of [null, 42, 'APLA', {}, { type: 'APL', mainTemplate: {} }, { type: 'APLA' }])
      expect(cuesFromApla(bad)).toEqual({ cues: [], totalMs: 0 });
    const selfReferencing = {
      type: 'APLA',
      compositions: { Loop: { item: { type: 'Loop' } } },
      mainTemplate: { item: { type: 'Loop' } },
    };
    expect(cuesFromApla(selfReferencing).cues).toEqual([]);
    expect(cuesForResponse(undefined)).toEqual({ cues: [], totalMs: 0 });
    expect(
      cuesForResponse({
        outputSpeech: null,
        directives: [null, 'x', { type: 'Alexa.Presentation.APLA.RenderDocument' }],
      }),
    ).toEqual({ cues: [], totalMs: 0 });
  });
});
