import { getPoint, pointSlotId, points } from '../../lambda/src/core/catalogue';
import type { Point } from '../../lambda/src/core/types';
import { translatorFor } from '../../lambda/src/i18n';
import { pointDirective, pointDocument, routineDocument } from '../../lambda/src/display/apl';
import type { RoutineScreen } from '../../lambda/src/display/routine';
import { aplProblems, APL_VERSIONS } from '../../lambda/src/display/validate';

const t = translatorFor('en-US');
type Json = Record<string, unknown>;

/** Every object in a JSON tree, depth first. */
function walk(value: unknown, visit: (node: Json) => void): void {
  if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
  else if (value && typeof value === 'object') {
    visit(value as Json);
    Object.values(value).forEach((v) => walk(v, visit));
  }
}
function find(value: unknown, match: (node: Json) => boolean): Json[] {
  const found: Json[] = [];
  walk(value, (node) => {
    if (match(node)) found.push(node);
  });
  return found;
}
const byId = (doc: unknown, id: string) => find(doc, (n) => n.id === id);
const layouts = (doc: Json) => (doc.mainTemplate as { items: Json[] }).items;

const screen = (overrides: Partial<RoutineScreen> = {}): RoutineScreen => ({
  routineName: 'Evening wind-down',
  step: 3,
  stepCount: 6,
  points: ['BL 60'],
  side: 'left',
  hold: { offsetMs: 6500, lengthMs: 60000 },
  nextPoint: 'BL 40',
  paused: false,
  ...overrides,
});

describe('point document', () => {
  it.each(points.map((p) => [p.code, p] as [string, Point]))(
    '%s is valid APL of the documented shape',
    (_code, point) => {
      const { document, datasources } = pointDocument(t, point);
      expect(aplProblems(document, datasources)).toEqual([]);
      expect(document.type).toBe('APL');
      expect(APL_VERSIONS).toContain(document.version);
      const graphic = (document.graphics as Json).diagram as Json;
      expect(graphic).toMatchObject({ type: 'AVG', version: '1.2', width: 240, height: 400 });
      // The marker (a filled path) and the code label are in the graphic.
      const items = graphic.items as Json[];
      expect(items.filter((i) => i.type === 'path' && i.fill === '#ff4b2b').length).toBeGreaterThan(0);
      expect(items).toContainEqual(expect.objectContaining({ type: 'text', text: point.code }));
    },
  );

  it('shows the name and code, where and how to press, and how long, from the catalogue', () => {
    const bl23 = getPoint('BL 23')!;
    const { datasources } = pointDocument(t, bl23);
    expect(datasources.payload).toMatchObject({
      heading: 'BL 23 · Sea of Vitality',
      where: `Where: ${bl23.find.short.charAt(0).toUpperCase()}${bl23.find.short.slice(1)}.`,
      how: 'How: Press both sides at once with your thumbs or knuckles.',
      hold: 'Hold for 2 minutes.',
      timeHold: 'Time a hold',
    });
    expect(JSON.stringify(datasources)).not.toMatch(/&apos;|&amp;/);
  });

  it('has a "Time a hold" button that sends the spoken command for this point', () => {
    const bl60 = getPoint('BL 60')!;
    const [button] = byId(pointDocument(t, bl60).document, 'timeHoldButton');
    expect(button).toMatchObject({
      type: 'TouchWrapper',
      onPress: [{ type: 'SendEvent', arguments: ['intent', 'TimeHoldIntent', { point: pointSlotId(bl60) }] }],
    });
  });

  it('offers no hold for a point kept only for safety answers, and shows its caution instead', () => {
    const li4 = getPoint('LI 4')!;
    const { document, datasources } = pointDocument(t, li4);
    expect(byId(document, 'timeHoldButton')).toEqual([]);
    expect(datasources.payload.note).toMatch(/Not part of these lower back routines\..*pregnancy/);
  });

  it('adapts to round hubs, TVs and portrait screens, with landscape hubs as the default', () => {
    const { document } = pointDocument(t, getPoint('GB 30')!);
    const whens = layouts(document).map((l) => l.when);
    expect(whens).toEqual([
      "${viewport.shape == 'round'}",
      "${viewport.mode == 'tv'}",
      '${viewport.height > viewport.width}',
      undefined,
    ]);
    const fontSizes = layouts(document).map((l) =>
      Math.max(...find(l, (n) => n.type === 'Text').map((n) => Number(n.fontSize))),
    );
    expect(fontSizes[1]).toBeGreaterThan(fontSizes[3]); // TV: read from across the room
    expect(fontSizes[0]).toBeLessThan(fontSizes[3]); // round Echo Spot: small screen
  });

  it('loads nothing from the network: no URLs anywhere in the document', () => {
    for (const point of points)
      expect(JSON.stringify(pointDocument(t, point).document)).not.toMatch(/https?:|url\(/i);
  });

  it('is a RenderDocument directive with a token naming the point', () => {
    expect(pointDirective(t, getPoint('BL 52')!)).toMatchObject({
      type: 'Alexa.Presentation.APL.RenderDocument',
      token: 'ppg.point.BL52',
    });
  });
});

describe('routine document', () => {
  it('is valid APL: step n of m, the point, the side, the next point, Pause and Next', () => {
    const { document, datasources } = routineDocument(t, screen());
    expect(aplProblems(document, datasources)).toEqual([]);
    expect(datasources.payload).toMatchObject({
      routineName: 'Evening wind-down',
      step: 'Step 3 of 6',
      heading: 'BL 60 · Kunlun Mountains',
      side: 'Left side',
      next: 'Next: BL 40, Commanding Middle',
      pauseLabel: 'Pause',
    });
    expect(byId(document, 'pauseButton')[0].onPress).toEqual([
      { type: 'SendEvent', arguments: ['intent', 'AMAZON.PauseIntent'] },
    ]);
    expect(byId(document, 'nextButton')[0].onPress).toEqual([
      { type: 'SendEvent', arguments: ['intent', 'AMAZON.NextIntent'] },
    ]);
  });

  it('runs the countdown bar from the hold’s offset in the audio for exactly the hold’s length', () => {
    const { document } = routineDocument(t, screen({ hold: { offsetMs: 6500, lengthMs: 60000 } }));
    const bars = byId(document, 'holdBar');
    expect(bars).toHaveLength(4); // one per layout
    for (const bar of bars) {
      const [animation] = bar.onMount as Json[];
      expect(animation).toMatchObject({
        type: 'AnimateItem',
        componentId: 'holdBar',
        delay: 6500,
        duration: 60000,
        easing: 'linear',
      });
      // The bar shrinks to nothing while its left edge stays put.
      expect(animation.value).toEqual([
        {
          property: 'transform',
          from: [{ translateX: 0 }, { scaleX: 1 }],
          to: [{ translateX: '${-barWidth / 2}' }, { scaleX: 0 }],
        },
      ]);
    }
  });

  it('when paused, the bar stands still and the Pause button resumes', () => {
    const { document, datasources } = routineDocument(t, screen({ paused: true }));
    expect(byId(document, 'holdBar')).toEqual([]);
    expect(datasources.payload.pauseLabel).toBe('Resume');
    expect(byId(document, 'pauseButton')[0].onPress).toEqual([
      { type: 'SendEvent', arguments: ['intent', 'AMAZON.ResumeIntent'] },
    ]);
    expect(find(document, (n) => n.text === '${payload.paused}')).toHaveLength(4);
  });

  it('shows the step’s cue instead of a diagram for a step without points, and "Last step" at the end', () => {
    const { document, datasources } = routineDocument(
      t,
      screen({
        points: [],
        side: undefined,
        caption: 'Breathe in for five, out for five.',
        step: 6,
        nextPoint: undefined,
        hold: undefined,
      }),
    );
    expect(aplProblems(document, datasources)).toEqual([]);
    expect(document.graphics).toEqual({});
    expect(find(document, (n) => n.type === 'VectorGraphic')).toEqual([]);
    expect(datasources.payload).toMatchObject({
      caption: 'Breathe in for five, out for five.',
      next: 'Last step',
    });
  });

  it('copes with tampered values: unknown codes, a step past the end, a hold longer than a turn', () => {
    const { document, datasources } = routineDocument(
      t,
      screen({
        points: ['BL 99', 'BL 23'],
        step: 40,
        stepCount: 6,
        hold: { offsetMs: 1000, lengthMs: 900_000 },
        nextPoint: 'nope',
      }),
    );
    expect(aplProblems(document, datasources)).toEqual([]);
    expect(datasources.payload).toMatchObject({
      step: 'Step 6 of 6',
      heading: 'BL 23 · Sea of Vitality',
      next: 'Last step',
    });
    expect(byId(document, 'holdBar')).toEqual([]);
  });

  it('draws both points of a two-point step on one diagram', () => {
    const { document } = routineDocument(t, screen({ points: ['BL 23', 'BL 52'], side: 'both' }));
    const texts = ((document.graphics as Json).diagram as { items: Json[] }).items.filter(
      (i) => i.type === 'text',
    );
    expect(texts.map((i) => i.text)).toEqual(['BL 23', 'BL 52']);
  });
});

describe('APL shape check (display/validate.ts)', () => {
  const valid = () =>
    JSON.parse(JSON.stringify(pointDocument(t, getPoint('BL 23')!))) as { document: Json; datasources: Json };

  it('reports a wrong version, an unknown property, a missing data value and a missing graphic', () => {
    const { document, datasources } = valid();
    document.version = '3.0';
    const text = find(document, (n) => n.type === 'Text')[0];
    text.colour = 'red';
    text.text = '${payload.subtitle}';
    find(document, (n) => n.type === 'VectorGraphic')[0].source = 'diagramm';
    const problems = aplProblems(document, datasources);
    expect(problems).toContainEqual('document: version "3.0" is not an APL version');
    expect(problems).toContainEqual(expect.stringMatching(/\(Text\): unknown property "colour"/));
    expect(problems).toContainEqual(
      expect.stringMatching(/\(Text\)\.text: \$\{payload\.subtitle\} is not in the data sources/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/source "diagramm" is not a graphic/));
  });

  it('reports an AVG graphic without its required size and an AnimateItem aimed at nothing', () => {
    const { document, datasources } = routineDocument(t, screen());
    const copy = JSON.parse(JSON.stringify(document)) as Json;
    delete ((copy.graphics as Json).diagram as Json).width;
    const [bar] = byId(copy, 'holdBar');
    bar.id = 'renamed';
    const problems = aplProblems(copy, datasources);
    expect(problems).toContainEqual('graphics.diagram: missing required "width"');
    expect(problems).toContainEqual(expect.stringMatching(/componentId "holdBar" is not a component/));
  });
});
