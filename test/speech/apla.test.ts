import { aplaSilenceMs, timelineToApla } from '../../lambda/src/speech/apla';
import { aplaProblems } from '../../simulator/speech-check';

const items = [
  { type: 'speech' as const, ssml: 'Press now.', ms: 1000 },
  { type: 'silence' as const, ms: 60_000 },
  { type: 'speech' as const, ssml: 'And release, slowly.', ms: 1500 },
];

describe('APL for Audio rendering', () => {
  it('is a RenderDocument with a Sequencer of SSML Speech and Silence (ms), one Silence per hold', () => {
    const directive = timelineToApla(items, 'routine.general.1');
    expect(directive).toEqual({
      type: 'Alexa.Presentation.APLA.RenderDocument',
      token: 'routine.general.1',
      document: {
        type: 'APLA',
        version: '0.91',
        mainTemplate: {
          parameters: ['payload'],
          item: {
            type: 'Sequencer',
            items: [
              { type: 'Speech', contentType: 'SSML', content: '<speak>Press now.</speak>' },
              { type: 'Silence', duration: 60_000 },
              { type: 'Speech', contentType: 'SSML', content: '<speak>And release, slowly.</speak>' },
            ],
          },
        },
      },
      datasources: {},
    });
    expect(aplaProblems(directive)).toEqual([]);
    expect(aplaSilenceMs(directive)).toBe(60_000);
  });

  interface Editable {
    type: string;
    document: { type: string; mainTemplate?: { item: { items: Array<Record<string, unknown>> } } };
  }
  const good = () => JSON.parse(JSON.stringify(timelineToApla(items, 't'))) as Editable;
  const parts = (d: Editable) => d.document.mainTemplate!.item.items;
  it.each<[string, (d: Editable) => void, RegExp]>([
    ['a wrong directive type', (d) => (d.type = 'Alexa.Presentation.APL.RenderDocument'), /type must be/],
    ['a document that is not APLA', (d) => (d.document.type = 'APL'), /document.type/],
    ['no main template', (d) => delete d.document.mainTemplate, /mainTemplate is missing/],
    ['an unknown component', (d) => (parts(d)[1].type = 'Pause'), /unknown component/],
    ['a silence in seconds as text', (d) => (parts(d)[1].duration = '60s'), /positive duration/],
    ['invalid SSML in a Speech', (d) => (parts(d)[0].content = '<speak>a & b</speak>'), /unescaped/],
    [
      'silence alone',
      (d) => (d.document.mainTemplate!.item.items = [{ type: 'Silence', duration: 1000 }]),
      /no Speech/,
    ],
  ])('reports %s', (_label, change, problem) => {
    const directive = good();
    change(directive);
    expect(aplaProblems(directive).join('; ')).toMatch(problem);
  });
});
