/**
 * The progress chart screen (issue 14): valid APL (apl-suggester and our checks) for 0, 2, 3 and 28
 * days of data, laid out for every viewport the skill declares, with the marks where the data puts
 * them, and the simulator's SVG drawn from the very same datasource.
 */
import { addDays, chartDays } from '../../lambda/src/core/progress/chart-days';
import type { ScoreEntry } from '../../lambda/src/core/progress/types';
import { translatorFor } from '../../lambda/src/i18n';
import { drawChart, type ChartInput } from '../../lambda/src/display/chart-drawing';
import { progressChartData, progressChartDirective } from '../../lambda/src/display/progress-chart';
import { directiveSvg } from '../../lambda/src/display/svg';
import { CHART_WINDOW } from '../../lambda/src/speech/progress-chart';
import { visualFromDirectives } from '../../simulator/visual';
import { aplProblems, declaredViewports, viewportProblems } from '../support/apl';

const t = translatorFor('en-US');
const today = '2026-11-25';
type Json = Record<string, unknown>;

/** `n` days of check-ins ending today. */
function entries(n: number): ScoreEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    date: addDays(today, -i),
    routine: i % 3 === 0 ? 'evening' : 'quick',
    before: 4 + (i % 5),
    after: 2 + (i % 4),
  }));
}
const directiveFor = (n: number, selected?: string) =>
  progressChartDirective(progressChartData(t, 'en-US', chartDays(entries(n), today), today, selected)) as {
    document: Json;
    datasources: { payload: Json };
  };

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

describe('progress chart document', () => {
  it.each([0, 2, 3, 28])(
    'with %i days of data is valid APL with a layout for every declared viewport',
    async (n) => {
      const directive = directiveFor(n);
      expect(await aplProblems(directive.document, directive.datasources)).toEqual([]);
      expect(viewportProblems(directive.document)).toEqual([]);
      const graphics = directive.document.graphics as Record<string, Json>;
      for (const graphic of Object.values(graphics)) {
        expect(graphic).toMatchObject({ type: 'AVG', version: '1.2' });
        for (const item of graphic.items as Json[]) expect(['path', 'text', 'group']).toContain(item.type);
      }
      // Within the 24 KB a whole response may use, with room for the speech around it.
      expect(bytes(directive)).toBeLessThan(20 * 1024);
    },
  );

  it('draws before and after as two series of distinct colour and shape, with a legend in words', () => {
    const { document } = directiveFor(28);
    const items = ((document.graphics as Record<string, Json>).progressChart.items as Json[]) ?? [];
    const texts = items.filter((i) => i.type === 'text').map((i) => i.text);
    expect(texts).toEqual(expect.arrayContaining(['Before', 'After', '0', '10', 'Today', 'Oct 29']));
    const before = items.filter((i) => i.type === 'path' && i.fill === '#ff9f43');
    const after = items.filter((i) => i.type === 'path' && i.fill === '#4fd1c5');
    // One path of circles (arcs) and one of squares per series, plus each legend marker.
    expect(before.map((i) => String(i.pathData))).toEqual([
      expect.stringMatching(/^(M[\d. ]+a[^M]+z){28}$/),
      expect.stringMatching(/a/),
    ]);
    expect(after.map((i) => String(i.pathData))).toEqual([
      expect.stringMatching(/^(M[\d. ]+h[^M]+z){28}$/),
      expect.stringMatching(/h/),
    ]);
    // The lines joining each series: dashed before, solid after.
    expect(items.filter((i) => i.stroke === '#ff9f43')).toEqual([
      expect.objectContaining({ strokeDashArray: [6, 4] }),
    ]);
    expect(items.filter((i) => i.stroke === '#4fd1c5')).toEqual([
      expect.not.objectContaining({ strokeDashArray: expect.anything() }),
    ]);
  });

  it('places each day by its date on the 0–10 axis: a gap is a day without a check-in', () => {
    const input: ChartInput = {
      days: [
        { date: addDays(today, -27), before: 10, after: 0, routines: ['quick'] },
        { date: today, before: 5, routines: ['evening'] },
      ],
      today,
      window: CHART_WINDOW,
      labels: { before: 'Before', after: 'After', ticks: [] },
    };
    const drawing = drawChart(input);
    const { left, top, width, height } = drawing.plot;
    const column = width / CHART_WINDOW;
    expect(drawing.marks).toEqual([
      {
        date: addDays(today, -27),
        series: 'before',
        value: 10,
        x: expect.closeTo(left + column / 2, 1),
        y: top,
      },
      {
        date: addDays(today, -27),
        series: 'after',
        value: 0,
        x: expect.closeTo(left + column / 2, 1),
        y: top + height,
      },
      {
        date: today,
        series: 'before',
        value: 5,
        x: expect.closeTo(left + width - column / 2, 1),
        y: top + height / 2,
      },
    ]);
  });

  it('one touch column per day of the window, each showing and sending its day', () => {
    const { document, datasources } = directiveFor(3);
    const columns = datasources.payload.columnData as Array<{ date: string; detail: string }>;
    expect(columns.map((c) => c.date)).toEqual(Array.from({ length: 28 }, (_, i) => addDays(today, i - 27)));
    expect(columns[27].detail).toBe('Nov 25: the evening routine. Before 4, after 2.');
    expect(columns[0].detail).toBe('Oct 29: no check-in.');
    const text = JSON.stringify(document);
    expect(text).toContain('"arguments":["progressDay","${data.date}"]');
    expect(text).toContain('"componentId":"dayDetail","property":"text","value":"${data.detail}"');
  });

  it('labels days in the market’s own date order, and never fails on a locale the runtime lacks', () => {
    const days = chartDays(entries(3), today);
    const gb = progressChartData(translatorFor('en-GB'), 'en-GB', days, today);
    expect(gb.chartData.labels.ticks.map((tick) => tick.text)).toEqual([
      '29 Oct',
      '5 Nov',
      '12 Nov',
      '19 Nov',
      'Today',
    ]);
    expect(gb.columnData[27].detail).toBe('25 Nov: the evening routine. Before 4, after 2.');
    const odd = progressChartData(t, 'not a locale!', days, today);
    expect(odd.chartData.labels.ticks[0].text).toBe('Oct 29');
  });

  it('fits each declared rectangular viewport: the chart and its text within the screen', () => {
    const { document } = directiveFor(28);
    const blocks = document.resources as Array<{ when?: string; dimensions: Record<string, string> }>;
    const dp = (value: string) => Number(value.replace(/dp$/, ''));
    for (const v of declaredViewports()) {
      if (v.shape === 'ROUND') continue;
      for (const [width, height] of [
        [v.minWidth, 600],
        [v.maxWidth, v.maxHeight],
      ]) {
        const viewport = { width, height, mode: v.mode.toLowerCase() };
        const applies = (when?: string) =>
          when === undefined ||
          (when.includes("mode == 'tv'") && viewport.mode === 'tv') ||
          (when.includes('height > viewport.width') && height > width) ||
          (when.includes('width >= 1200 && viewport.height >= 760') && width >= 1200 && height >= 760);
        const sizes = Object.assign(
          {},
          ...blocks.filter((b) => applies(b.when)).map((b) => b.dimensions),
        ) as Record<string, string>;
        const lines = (size: string) => dp(size) * 1.25;
        const needed =
          2 * dp(sizes.screenPadding) +
          lines(sizes.titleSize) +
          12 +
          dp(sizes.chartHeight) +
          8 +
          lines(sizes.bodySize) * 3;
        expect({
          viewport,
          fitsWidth: dp(sizes.chartWidth) <= width - 32,
          fitsHeight: needed <= height,
        }).toEqual({
          viewport,
          fitsWidth: true,
          fitsHeight: true,
        });
        // The touch columns lie over the plot: together exactly its width.
        expect(dp(sizes.columnWidth) * 28).toBeCloseTo(dp(sizes.plotWidth), 0);
      }
    }
  });

  it('the simulator draws the same chart as SVG, from the datasource the device gets', () => {
    const directive = directiveFor(28, addDays(today, -1));
    const svg = directiveSvg(directive as never)!;
    expect(svg).toMatch(/^<svg /);
    const drawing = drawChart(directive.datasources.payload.chartData as ChartInput);
    const avgPaths = ((directive.document.graphics as Record<string, Json>).progressChart.items as Json[])
      .filter((i) => i.type === 'path')
      .map((i) => i.pathData);
    const svgPaths = [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]);
    expect(svgPaths).toEqual(avgPaths);
    expect(
      drawing.shapes.filter((s) => s.kind === 'path').map((s) => (s.kind === 'path' ? s.d : '')),
    ).toEqual(svgPaths);
    // The simulator's screen: the title, the averages and the line under the chart; no raw data.
    const visual = visualFromDirectives([directive], (d) => directiveSvg(d));
    expect(visual?.svg).toBe(svg);
    expect(visual?.lines).toEqual([
      'Your last 28 days',
      expect.stringMatching(/^Before: [\d.]+ on average$/),
      expect.stringMatching(/^After: [\d.]+ on average$/),
      'Nov 24: the quick routine. Before 5, after 3.',
    ]);
  });

  it('the SVG renderer draws nothing, and never throws, for a malformed chart datasource', () => {
    for (const payload of [
      {},
      { chartData: 'x' },
      { chartData: { days: 'x', today, window: 28, labels: { before: 'B', after: 'A', ticks: [] } } },
      { chartData: { days: [], today, window: 1e9, labels: { before: 'B', after: 'A', ticks: [] } } },
      {
        chartData: {
          days: [],
          today,
          window: 28,
          labels: { before: 'B'.repeat(500), after: 'A', ticks: [] },
        },
      },
    ])
      expect(directiveSvg({ token: 'ppg.progress', datasources: { payload } })).toBeUndefined();
    // Bad days inside a good chart are skipped, and text is escaped.
    const svg = directiveSvg({
      token: 'ppg.progress',
      datasources: {
        payload: {
          chartData: {
            days: [null, { date: today, before: 99, after: 3, routines: [] }, { date: '<x>', before: 2 }],
            today,
            window: 28,
            labels: { before: '<b>', after: 'A', ticks: [] },
          },
        },
      },
    });
    expect(svg).toContain('&lt;b&gt;');
    expect(svg).not.toContain('<b>');
  });
});
