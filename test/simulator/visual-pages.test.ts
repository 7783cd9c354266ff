/**
 * A routine turn's screen in the simulator: one page per hold (plus the closing page), each with
 * when it comes up, its own words and its own diagram, so the page can follow the audio.
 */
import type { RoutineTurnScreen } from '../../lambda/src/display/routine';
import { ROUTINE_TOKEN, routineDirective } from '../../lambda/src/display/routine-document';
import { directiveSvg, routinePageSvg, routineSvg } from '../../lambda/src/display/svg';
import { translatorFor } from '../../lambda/src/i18n';
import {
  MAX_SVG_CHARACTERS,
  visualFromDirectives,
  visualPages,
  type AplRenderDocument,
  type VisualRenderer,
} from '../../simulator/visual';

const t = translatorFor('en-US');
const render: VisualRenderer = (directive, page) => directiveSvg(directive, { page });

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
      nextPoint: 'BL 60',
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
      hold: { offsetMs: 172_000, lengthMs: 20_000, from: 1 },
    },
  ],
  end: { atMs: 195_000, finished: false, next: { step: 6, stepCount: 6, points: [], caption: 'Breathe.' } },
  ...overrides,
});

/** A routine directive with its datasource as JSON, as the simulator gets it from the skill's response. */
function directiveFor(screen: RoutineTurnScreen): AplRenderDocument {
  return JSON.parse(JSON.stringify(routineDirective(t, screen))) as AplRenderDocument;
}

/** A routine-token directive with the given pages, for malformed-data cases. */
function withPages(pages: unknown, extra: Record<string, unknown> = {}): AplRenderDocument {
  return {
    type: 'Alexa.Presentation.APL.RenderDocument',
    token: ROUTINE_TOKEN,
    document: { type: 'APL', mainTemplate: { items: [] } },
    datasources: { payload: { routineName: 'Quick routine', pages, ...extra } },
  };
}

describe('a routine turn on the simulator screen: one page per hold', () => {
  it('lists every page with when it comes up, its words and its own diagram', () => {
    const visual = visualFromDirectives([directiveFor(turn())], render);
    expect(visual?.token).toBe(ROUTINE_TOKEN);
    expect(visual?.lines).toEqual(['Quick routine']);
    expect(visual?.svg).toBeUndefined();
    const pages = visual?.pages ?? [];
    expect(pages.map((p) => p.showAtMs)).toEqual([4_000, 47_000, 122_000, 165_000, 195_000]);
    expect(pages.map((p) => p.lines)).toEqual([
      ['Step 1 of 6', 'Rub your lower back briskly.', 'Next: BL 23, Sea of Vitality'],
      ['Step 2 of 6', 'BL 23 · Sea of Vitality', 'Both sides', 'Next: BL 60, Kunlun Mountains'],
      ['Step 5 of 6', 'BL 60 · Kunlun Mountains', 'Left side'],
      ['Step 5 of 6', 'BL 60 · Kunlun Mountains', 'Right side'],
      ['Up next: step 6 of 6', 'Breathe.', 'Say “next” when you’re ready.'],
    ]);
    // The warm-up and the closing page have no point to draw; each hold of a point draws its own.
    expect(pages.map((p) => p.svg !== undefined)).toEqual([false, true, true, true, false]);
    expect(pages[1].svg).toBe(routineSvg({ points: ['BL 23'], side: 'both' }));
    expect(pages[2].svg).toBe(routineSvg({ points: ['BL 60'], side: 'left' }));
    expect(pages[3].svg).toBe(routineSvg({ points: ['BL 60'], side: 'right' }));
    expect(pages[1].svg).toMatch(/<title id="title">Diagram of the back, with BL 23 marked/);
    expect(pages[1].svg).not.toBe(pages[2].svg);
    // Ids and graphic names are data, not words on the screen.
    const words = pages.flatMap((p) => p.lines).join('\n');
    expect(words).not.toMatch(/view_|marks_|^BL ?\d+$|^(left|right|both)$|true|false/m);
  });

  it('a page of several points lists each point on its own line', () => {
    const two = turn({
      pages: [{ step: 3, stepCount: 6, points: ['BL 23', 'BL 52'], side: 'both', showAtMs: 0 }],
      end: undefined,
    });
    const [page] = visualPages(directiveFor(two), render) ?? [];
    expect(page.lines).toEqual([
      'Step 3 of 6',
      'BL 23 · Sea of Vitality',
      "BL 52 · Will's Chamber",
      'Both sides',
    ]);
    expect(page.svg).toMatch(/BL 23/);
    expect(page.svg).toMatch(/BL 52/);
  });

  it('a paused screen is a single page that says it is paused', () => {
    const paused = turn({ paused: true, pages: [{ ...turn().pages[1], showAtMs: 0 }], end: undefined });
    const visual = visualFromDirectives([directiveFor(paused)], render);
    expect(visual?.pages).toHaveLength(1);
    expect(visual?.pages?.[0].lines).toEqual([
      'Step 2 of 6',
      'BL 23 · Sea of Vitality',
      'Both sides',
      'Paused',
      'Next: BL 60, Kunlun Mountains',
    ]);
    expect(visual?.pages?.[0].svg).toMatch(/BL 23 marked/);
    // Playing, the same page does not say "Paused".
    const playing = visualFromDirectives([directiveFor({ ...paused, paused: false })], render);
    expect(playing?.pages?.[0].lines).not.toContain('Paused');
  });

  it('point screens keep their single picture and text (no pages)', () => {
    const point = directiveSvg({ token: 'ppg.point.BL60' });
    expect(point).toMatch(/BL 60/);
    expect(directiveSvg({ token: 'ppg.point.BL60' }, { page: 3 })).toBe(point);
  });

  it('directiveSvg draws the page asked for, and nothing for a page that is not there', () => {
    const directive = directiveFor(turn());
    const pages = (directive.datasources as { payload: { pages: unknown[] } }).payload.pages;
    expect(directiveSvg(directive, { page: 2 })).toBe(routinePageSvg(pages[2]));
    expect(directiveSvg(directive, { page: 2 })).not.toBe(directiveSvg(directive, { page: 1 }));
    // Without a page: the first page that marks a point, as before.
    expect(directiveSvg(directive)).toBe(directiveSvg(directive, { page: 1 }));
    for (const page of [0, 4, 5, -1, 1.5, Number.NaN, Infinity])
      expect(directiveSvg(directive, { page })).toBeUndefined();
    for (const page of [null, 'BL 23', [], {}, { pointCodes: 'BL 23' }, { pointCodes: ['BL 99', 7] }])
      expect(routinePageSvg(page)).toBeUndefined();
  });

  it('bad or missing page data gives no page, never a throw', () => {
    const pages = [
      null,
      'page',
      42,
      [],
      {},
      { showAtMs: -1, step: 'negative' },
      { showAtMs: Number.NaN, step: 'not a number' },
      { showAtMs: '5000', step: 'a string' },
      { showAtMs: 1e12, step: 'far beyond any turn' },
      { showAtMs: 9_000, step: 42, heading: { x: 1 }, caption: '${payload.secret}', pointCodes: ['<svg>'] },
      { showAtMs: 2_000, step: 'Step 1 of 2', heading: 'BL 23 · Sea of Vitality', pointCodes: ['BL23'] },
    ];
    const visual = visualFromDirectives([withPages(pages)], render);
    // Only the two usable pages, in the order they come up.
    expect(visual?.pages).toEqual([
      { showAtMs: 2_000, lines: ['Step 1 of 2', 'BL 23 · Sea of Vitality'], svg: routinePageSvg(pages[10]) },
      { showAtMs: 9_000, lines: [] },
    ]);

    expect(visualFromDirectives([withPages([])], render)).toEqual({
      token: ROUTINE_TOKEN,
      lines: ['Quick routine'],
      pages: [],
    });
    // Not a list of pages: the document is read like any other (its text, no pages).
    expect(visualFromDirectives([withPages('pages')], render)?.pages).toBeUndefined();
    expect(visualFromDirectives([withPages({ 0: {} })], render)?.pages).toBeUndefined();
    const noPayload = { ...withPages([]), datasources: { payload: null } };
    expect(visualFromDirectives([noPayload], render)?.pages).toBeUndefined();
  });

  it('a renderer that throws or returns something else draws nothing; huge drawings stay off the page', () => {
    const directive = directiveFor(turn());
    const throwing: VisualRenderer = () => {
      throw new Error('boom');
    };
    const pages = visualPages(directive, throwing);
    expect(pages).toHaveLength(5);
    expect(pages?.every((p) => p.svg === undefined)).toBe(true);
    expect(visualPages(directive, () => '<script>alert(1)</script>')?.some((p) => p.svg)).toBe(false);

    // Each drawing fits alone, but together they would be far more than a screen needs.
    const big = `<svg xmlns="http://www.w3.org/2000/svg">${' '.repeat(MAX_SVG_CHARACTERS * 0.6)}</svg>`;
    const drawn = visualPages(directive, () => big) ?? [];
    expect(drawn.filter((p) => p.svg !== undefined)).toHaveLength(1);
    expect(drawn[0].svg).toBe(big);
  });
});
