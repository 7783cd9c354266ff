import { getPoint, pointSlotId, points } from '../../lambda/src/core/catalogue';
import type { Point } from '../../lambda/src/core/types';
import { translatorFor } from '../../lambda/src/i18n';
import { pointDirective, pointDocument } from '../../lambda/src/display/apl';
import { routineDocument } from '../../lambda/src/display/routine-document';
import type { RoutineTurnScreen } from '../../lambda/src/display/routine';
import { holdScreen } from '../support/screens';
import { aplProblems, MAX_RESPONSE_BYTES, responseSizeProblems, viewportProblems } from '../support/apl';

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

const screen = holdScreen;

describe('point document', () => {
  it.each(points.map((p) => [p.code, p] as [string, Point]))(
    '%s is valid APL of the documented shape',
    async (_code, point) => {
      const { document, datasources } = pointDocument(t, point);
      expect(await aplProblems(document, datasources)).toEqual([]);
      expect(document.type).toBe('APL');
      expect(viewportProblems(document)).toEqual([]);
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

type Page = Record<string, unknown>;
const pagesOf = (datasources: { payload: Json }) => datasources.payload.pages as Page[];
/** The turn's timeline: the one Parallel command the document runs when it is shown. */
function timelineOf(document: Json): Json[] {
  const [parallel, ...others] = (document.onMount ?? []) as Json[];
  expect(others).toEqual([]);
  expect(parallel).toMatchObject({ type: 'Parallel', sequencer: 'ppgRoutineTimeline', screenLock: true });
  return parallel.commands as Json[];
}

describe('routine document (one hold)', () => {
  it('is valid APL: step n of m, the point, the side, the next point, Pause and Next', async () => {
    const { document, datasources } = routineDocument(t, screen());
    expect(await aplProblems(document, datasources)).toEqual([]);
    expect(datasources.payload).toMatchObject({ routineName: 'Evening wind-down', pauseLabel: 'Pause' });
    expect(pagesOf(datasources)).toEqual([
      expect.objectContaining({
        step: 'Step 3 of 6',
        heading: 'BL 60 · Kunlun Mountains',
        side: 'Left side',
        next: 'Next: BL 40, Commanding Middle',
        hasHold: true,
        buttons: true,
      }),
    ]);
    expect(byId(document, 'pauseButton')[0].onPress).toEqual([
      { type: 'SendEvent', arguments: ['intent', 'AMAZON.PauseIntent'] },
    ]);
    expect(byId(document, 'nextButton')[0].onPress).toEqual([
      { type: 'SendEvent', arguments: ['intent', 'AMAZON.NextIntent'] },
    ]);
  });

  it('runs the countdown bar from the hold’s offset in the audio for exactly the hold’s length', () => {
    const { document } = routineDocument(t, screen({ hold: { offsetMs: 6500, lengthMs: 60000 } }));
    const [animation, ...rest] = timelineOf(document).filter((c) => c.type === 'AnimateItem');
    expect(rest).toEqual([]);
    expect(animation).toMatchObject({
      componentId: 'holdBar0',
      delay: 6500,
      duration: 60000,
      easing: 'linear',
    });
    // The bar shrinks from full to nothing while its left edge stays put.
    expect(animation.value).toEqual([
      {
        property: 'transform',
        from: [{ translateX: '${-viewport.width * @barFraction * 0 / 2}' }, { scaleX: 1 }],
        to: [{ translateX: '${-viewport.width * @barFraction * 1 / 2}' }, { scaleX: 0 }],
      },
    ]);
    // The bar component the animation drives is in the page template, one per page.
    const [bar] = find(document, (n) => n.id === 'holdBar${index}');
    expect(bar).toMatchObject({ type: 'Frame', width: '${barWidth}' });
  });

  it('when paused, the bar stands still and the Pause button resumes', async () => {
    const { document, datasources } = routineDocument(t, screen({ paused: true }));
    expect(await aplProblems(document, datasources)).toEqual([]);
    expect(document.onMount).toBeUndefined(); // nothing moves
    expect(datasources.payload.pauseLabel).toBe('Resume');
    expect(byId(document, 'pauseButton')[0].onPress).toEqual([
      { type: 'SendEvent', arguments: ['intent', 'AMAZON.ResumeIntent'] },
    ]);
    expect(find(document, (n) => n.text === '${payload.paused}')).toHaveLength(1);
  });

  it('shows the step’s cue instead of a diagram for a step without points, and "Last step" at the end', async () => {
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
    expect(await aplProblems(document, datasources)).toEqual([]);
    expect(document.graphics).toEqual({});
    expect(pagesOf(datasources)[0]).toMatchObject({
      caption: 'Breathe in for five, out for five.',
      next: 'Last step',
      graphic: '',
      hasHold: false,
    });
  });

  it('copes with tampered values: unknown codes, a step past the end, a hold longer than a turn', async () => {
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
    expect(await aplProblems(document, datasources)).toEqual([]);
    expect(pagesOf(datasources)[0]).toMatchObject({
      step: 'Step 6 of 6',
      heading: 'BL 23 · Sea of Vitality',
      next: 'Last step',
      hasHold: false,
    });
    expect(document.onMount).toBeUndefined();
  });

  it('draws both points of a two-point step on one diagram: the back view, and both marks over it', () => {
    const { document, datasources } = routineDocument(
      t,
      screen({ points: ['BL 23', 'BL 52'], side: 'both' }),
    );
    const page = pagesOf(datasources)[0];
    const graphics = document.graphics as Record<string, { items: Json[] }>;
    expect(page.graphic).toBe('view_back');
    const texts = graphics[page.marks as string].items.filter((i) => i.type === 'text');
    expect(texts.map((i) => i.text)).toEqual(['BL 23', 'BL 52']);
    // The outline is in the view graphic only.
    expect(graphics.view_back.items.filter((i) => i.type === 'text')).toEqual([]);
  });

  it('adapts to round hubs, TVs and portrait screens through resources, with landscape hubs as the default', () => {
    const { document } = routineDocument(t, screen());
    const blocks = document.resources as Json[];
    expect(blocks.map((b) => b.when)).toEqual([
      undefined,
      '${viewport.height > viewport.width}',
      "${viewport.mode == 'tv'}",
      "${viewport.shape == 'round'}",
    ]);
    const heading = blocks.map((b) => (b.dimensions as Json | undefined)?.fontHeading);
    expect(heading[2]).toBeGreaterThan(heading[0] as number); // TV: read from across the room
    expect(heading[3]).toBeLessThan(heading[0] as number); // round Echo Spot: small screen
  });
});

describe('routine document (a turn of several holds)', () => {
  const turn = (overrides: Partial<RoutineTurnScreen> = {}): RoutineTurnScreen => ({
    routineName: 'Quick routine',
    kind: 'routine',
    paused: false,
    totalMs: 200_000,
    pages: [
      {
        step: 1,
        stepCount: 6,
        points: [],
        caption: 'Rub your lower back briskly.',
        showAtMs: 4_000,
        hold: { offsetMs: 12_000, lengthMs: 30_000, from: 1 },
        nextPoint: 'BL 23',
      },
      {
        step: 2,
        stepCount: 6,
        points: ['BL 23'],
        side: 'both',
        showAtMs: 47_000,
        hold: { offsetMs: 58_000, lengthMs: 60_000, from: 1 },
        nextPoint: 'BL 52',
      },
      {
        step: 5,
        stepCount: 6,
        points: ['BL 60'],
        side: 'left',
        showAtMs: 122_000,
        hold: { offsetMs: 131_000, lengthMs: 30_000, from: 1 },
      },
      {
        step: 5,
        stepCount: 6,
        points: ['BL 60'],
        side: 'right',
        showAtMs: 165_000,
        hold: { offsetMs: 172_000, lengthMs: 20_000, from: 2 / 3 },
      },
    ],
    end: { atMs: 195_000, finished: false, next: { step: 6, stepCount: 6, points: [], caption: 'Breathe.' } },
    ...overrides,
  });

  it('is valid APL with one page per hold and a closing page', async () => {
    const { document, datasources } = routineDocument(t, turn());
    expect(await aplProblems(document, datasources)).toEqual([]);
    expect(pagesOf(datasources).map((p) => [p.step, p.heading, p.side, p.hasHold])).toEqual([
      ['Step 1 of 6', '', '', true],
      ['Step 2 of 6', 'BL 23 · Sea of Vitality', 'Both sides', true],
      ['Step 5 of 6', 'BL 60 · Kunlun Mountains', 'Left side', true],
      ['Step 5 of 6', 'BL 60 · Kunlun Mountains', 'Right side', true],
      ['Up next: step 6 of 6', '', '', false],
    ]);
    expect(pagesOf(datasources)[0].caption).toBe('Rub your lower back briskly.');
    expect(pagesOf(datasources)[4]).toMatchObject({
      caption: 'Breathe.',
      next: 'Say “next” when you’re ready.',
    });
  });

  it('turns each page when its announcement starts and runs each bar over its own hold', () => {
    const { document } = routineDocument(t, turn());
    const commands = timelineOf(document);
    expect(commands.filter((c) => c.type === 'SetPage')).toEqual([
      { type: 'SetPage', componentId: 'routinePager', position: 'absolute', value: 1, delay: 47_000 },
      { type: 'SetPage', componentId: 'routinePager', position: 'absolute', value: 2, delay: 122_000 },
      { type: 'SetPage', componentId: 'routinePager', position: 'absolute', value: 3, delay: 165_000 },
      { type: 'SetPage', componentId: 'routinePager', position: 'absolute', value: 4, delay: 195_000 },
    ]);
    expect(
      commands.filter((c) => c.type === 'AnimateItem').map((c) => [c.componentId, c.delay, c.duration]),
    ).toEqual([
      ['holdBar0', 12_000, 30_000],
      ['holdBar1', 58_000, 60_000],
      ['holdBar2', 131_000, 30_000],
      ['holdBar3', 172_000, 20_000],
    ]);
    // The rest of a paused hold starts from where the bar stood.
    const resumed = commands.find((c) => c.componentId === 'holdBar3') as { value: Array<{ from: Json[] }> };
    expect(resumed.value[0].from[1]).toEqual({ scaleX: 0.6667 });
    // The screen stays on until the turn's audio is over.
    expect(commands[commands.length - 1]).toEqual({ type: 'Idle', delay: 200_000 });
  });

  it('shares one outline per body view between pages, with each page’s marks over it', () => {
    const { document, datasources } = routineDocument(t, turn());
    const pages = pagesOf(datasources);
    expect(pages.map((p) => p.graphic)).toEqual(['', 'view_back', 'view_side', 'view_side', '']);
    // The side view shows one leg: BL 60 left and right are the same picture, sent once.
    expect(pages.map((p) => p.marks)).toEqual([
      '',
      'marks_BL23_both',
      'marks_BL60_left',
      'marks_BL60_left',
      '',
    ]);
    expect(Object.keys(document.graphics as Json).sort()).toEqual(
      ['marks_BL23_both', 'marks_BL60_left', 'view_back', 'view_side'].sort(),
    );
  });

  it('ends a finished routine on a page without buttons, saying it is complete', () => {
    const { datasources } = routineDocument(t, turn({ end: { atMs: 195_000, finished: true } }));
    expect(pagesOf(datasources)[4]).toMatchObject({ step: 'Routine complete', buttons: false });
    const hold = routineDocument(
      t,
      turn({ kind: 'point', pages: turn().pages.slice(1, 2), end: { atMs: 130_000, finished: true } }),
    );
    expect(pagesOf(hold.datasources).map((p) => p.step)).toEqual(['', 'Hold complete']);
  });

  it('drops pages out of order or outside one turn, never half-using them', async () => {
    const [first, second] = turn().pages;
    const { document, datasources } = routineDocument(
      t,
      turn({
        pages: [second, first, { ...first, showAtMs: 300_000 }, { ...second, showAtMs: Number.NaN }],
        end: undefined,
      }),
    );
    expect(await aplProblems(document, datasources)).toEqual([]);
    expect(pagesOf(datasources).map((p) => p.step)).toEqual(['Step 2 of 6']);
  });
});

describe('the APL check (apl-suggester and test/support/apl.ts) finds real mistakes', () => {
  const valid = () =>
    JSON.parse(JSON.stringify(pointDocument(t, getPoint('BL 23')!))) as { document: Json; datasources: Json };

  it('reports a wrong version, an unknown property, a missing data value, a missing graphic and an unknown component', async () => {
    const { document, datasources } = valid();
    document.version = '3.0';
    const texts = find(document, (n) => n.type === 'Text');
    texts[0].colour = 'red';
    texts[0].text = '${payload.subtitle}';
    texts[1].type = 'Textbox';
    find(document, (n) => n.type === 'VectorGraphic')[0].source = 'diagramm';
    const problems = await aplProblems(document, datasources);
    expect(problems).toContainEqual(
      expect.stringMatching(/^\/version: should be equal to one of the allowed values/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/should NOT have additional properties : colour/));
    expect(problems).toContainEqual(
      expect.stringMatching(/\(Text\)\.text: \$\{payload\.subtitle\} is not in the data sources/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/source "diagramm" is not a graphic/));
    expect(problems).toContainEqual(expect.stringMatching(/unknown component type "Textbox"/));
  });

  it('reports a data binding no page has, a page graphic that is not there and an undefined resource', async () => {
    const { document, datasources } = routineDocument(t, screen());
    const copy = JSON.parse(JSON.stringify(document)) as Json;
    const data = JSON.parse(JSON.stringify(datasources)) as { payload: { pages: Page[] } };
    find(copy, (n) => n.text === '${data.side}')[0].text = '${data.sides}';
    find(copy, (n) => n.fontSize === '@fontHeading')[0].fontSize = '@fontHuge';
    data.payload.pages[0].marks = 'marks_nowhere';
    const problems = await aplProblems(copy, data);
    expect(problems).toContainEqual(expect.stringMatching(/\$\{data\.sides\} is not in every data item/));
    expect(problems).toContainEqual(expect.stringMatching(/source "marks_nowhere" is not a graphic/));
    expect(problems).toContainEqual(expect.stringMatching(/@fontHuge is not a defined resource/));
  });

  it('reports an AVG graphic without its required size and an AnimateItem aimed at nothing', async () => {
    const { document, datasources } = routineDocument(t, screen());
    const copy = JSON.parse(JSON.stringify(document)) as Json;
    delete ((copy.graphics as Json).view_side as Json).width;
    const [bar] = find(copy, (n) => n.id === 'holdBar${index}');
    bar.id = 'renamed';
    const problems = await aplProblems(copy, datasources);
    expect(problems).toContainEqual("/graphics/view_side: should have required property 'width'");
    expect(problems).toContainEqual(expect.stringMatching(/componentId "holdBar0" is not a component/));
  });

  it('reports a declared kind of screen the document has no layout for, and a response over the size limit', () => {
    const { document } = valid();
    const withoutRound = JSON.parse(
      JSON.stringify(document).replace(/viewport\.shape == 'round'/g, 'false'),
    ) as Json;
    expect(viewportProblems(withoutRound)).toContainEqual(
      expect.stringMatching(/HUB ROUND .*viewport\.shape == 'round'/),
    );
    expect(responseSizeProblems({ response: { card: 'x'.repeat(MAX_RESPONSE_BYTES) } })).toHaveLength(1);
    expect(responseSizeProblems({ response: { document } })).toEqual([]);
  });
});
