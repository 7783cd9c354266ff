/**
 * The progress chart as plain shapes (issue 14): the last days' pain scores before and after each
 * day's routines on a 0–10 axis. `progress-chart.ts` turns the shapes into an AVG graphic for
 * screen devices and `svg.ts` into an SVG image for the web simulator, both from the same
 * `ChartInput` (the APL document's datasource carries it), so the two draw the same chart.
 *
 * The two series differ in colour and in shape (before: circles joined by a dashed line; after:
 * squares joined by a solid line) and the legend names them in words, so colour is never the only
 * clue. Days are placed by date: a gap in the line is a day without a check-in.
 */
import { daysBetween } from '../core/progress/chart-days';
import type { ChartDay } from '../core/progress/types';
import type { DrawnShape } from './shapes';

export const CHART_COLOURS = {
  background: '#0f1a24',
  grid: '#2b3d4f',
  axisText: '#9fb0bf',
  before: '#ff9f43',
  after: '#4fd1c5',
  selected: '#1d3346',
  legendText: '#f4efe9',
} as const;

/** Everything the chart is drawn from: the datasource's `chart` object. */
export interface ChartInput {
  /** Days with a check-in, oldest first (`chartDays`). */
  days: ChartDay[];
  /** The last day of the window, `YYYY-MM-DD`. */
  today: string;
  /** How many days the window shows (28; 7 on small round screens). */
  window: number;
  /** Words drawn in the chart: the legend, and a label under some days. */
  labels: { before: string; after: string; ticks: Array<{ date: string; text: string }> };
  /** A day picked by touch, drawn with a band behind it. */
  selected?: string;
}

export type ChartShape = DrawnShape<
  'grid' | 'band' | 'line-before' | 'line-after' | 'before' | 'after',
  'axis' | 'day' | 'legend'
>;

/** A marker drawn, for tests and pixel checks: which day, which series, its centre and value. */
export interface ChartMark {
  date: string;
  series: 'before' | 'after';
  value: number;
  x: number;
  y: number;
}

export interface ChartDrawing {
  width: number;
  height: number;
  /** The plot area (where the days' columns are), in drawing units. */
  plot: { left: number; top: number; width: number; height: number };
  marks: ChartMark[];
  shapes: ChartShape[];
}

interface Geometry {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  marker: number;
  font: number;
  line: number;
  /** Values with a grid line and a label. */
  gridValues: number[];
}

/** The full chart (28 days) and the small one for round screens (7 days, bigger marks, fewer lines). */
const FULL: Geometry = {
  width: 720,
  height: 300,
  left: 40,
  right: 12,
  top: 40,
  bottom: 34,
  marker: 6,
  font: 15,
  line: 2,
  gridValues: [0, 2, 4, 6, 8, 10],
};
const SMALL: Geometry = {
  width: 320,
  height: 220,
  left: 34,
  right: 10,
  top: 40,
  bottom: 30,
  marker: 9,
  font: 16,
  line: 3,
  gridValues: [0, 5, 10],
};

/** The geometry for a window: up to 7 days is the small chart. */
export function geometryFor(window: number): Geometry {
  return window <= 7 ? SMALL : FULL;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function drawChart(input: ChartInput): ChartDrawing {
  const g = geometryFor(input.window);
  const plot = {
    left: g.left,
    top: g.top,
    width: g.width - g.left - g.right,
    height: g.height - g.top - g.bottom,
  };
  const column = plot.width / input.window;
  /** The column of a date (0: the window's first day), or undefined outside the window. */
  const columnOf = (date: string) => {
    const ago = daysBetween(date, input.today);
    return ago === undefined || ago < 0 || ago >= input.window ? undefined : input.window - 1 - ago;
  };
  const xOf = (index: number) => round1(plot.left + (index + 0.5) * column);
  const yOf = (value: number) => round1(plot.top + plot.height * (1 - value / 10));
  const shapes: ChartShape[] = [];

  if (input.selected !== undefined) {
    const index = columnOf(input.selected);
    if (index !== undefined) {
      const x = round1(plot.left + index * column);
      const w = round1(column);
      shapes.push({
        kind: 'path',
        role: 'band',
        d: `M${x} ${plot.top}h${w}v${plot.height}h${-w}z`,
        fill: CHART_COLOURS.selected,
      });
    }
  }
  // The grid lines are one path; each has its value at the left.
  shapes.push({
    kind: 'path',
    role: 'grid',
    d: g.gridValues.map((value) => `M${plot.left} ${yOf(value)}H${plot.left + plot.width}`).join(''),
    stroke: CHART_COLOURS.grid,
    strokeWidth: 1,
  });
  for (const value of g.gridValues)
    shapes.push({
      kind: 'text',
      role: 'axis',
      text: String(value),
      x: plot.left - 8,
      y: round1(yOf(value) + g.font / 3),
      size: g.font,
      anchor: 'end',
      fill: CHART_COLOURS.axisText,
    });
  for (const tick of input.labels.ticks) {
    const index = columnOf(tick.date);
    if (index === undefined) continue;
    const anchor = index === 0 ? 'start' : index === input.window - 1 ? 'end' : 'middle';
    const x = anchor === 'start' ? plot.left : anchor === 'end' ? plot.left + plot.width : xOf(index);
    shapes.push({
      kind: 'text',
      role: 'day',
      text: tick.text,
      x: round1(x),
      y: g.height - 10,
      size: g.font,
      anchor,
      fill: CHART_COLOURS.axisText,
    });
  }

  const marks: ChartMark[] = [];
  for (const day of input.days) {
    const index = columnOf(day.date);
    if (index === undefined) continue;
    for (const series of ['before', 'after'] as const) {
      const value = day[series];
      if (typeof value !== 'number' || !(value >= 0 && value <= 10)) continue;
      marks.push({ date: day.date, series, value, x: xOf(index), y: yOf(value) });
    }
  }
  for (const series of ['before', 'after'] as const) {
    const points = marks.filter((m) => m.series === series);
    if (points.length < 2) continue;
    shapes.push({
      kind: 'path',
      role: series === 'before' ? 'line-before' : 'line-after',
      d: points.map((m, i) => `${i === 0 ? 'M' : 'L'}${m.x} ${m.y}`).join(''),
      stroke: CHART_COLOURS[series],
      strokeWidth: g.line,
      ...(series === 'before' ? { dash: [6, 4] } : {}),
    });
  }
  // Each series' markers are one path (one item in the graphic, not one per day).
  for (const series of ['before', 'after'] as const) {
    const points = marks.filter((m) => m.series === series);
    if (points.length > 0) shapes.push(markers(series, points, g.marker));
  }

  // The legend, top right: a marker of each series and its name.
  const legendY = 20;
  const gap = g.font * 0.6;
  const afterX = g.width - g.right - textWidth(input.labels.after, g.font);
  const beforeX = afterX - g.marker * 2 - gap * 3 - textWidth(input.labels.before, g.font);
  shapes.push(markers('before', [{ x: round1(beforeX - g.marker - gap), y: legendY }], g.marker));
  shapes.push(legendText(input.labels.before, beforeX, legendY, g.font));
  shapes.push(markers('after', [{ x: round1(afterX - g.marker - gap), y: legendY }], g.marker));
  shapes.push(legendText(input.labels.after, afterX, legendY, g.font));

  return { width: g.width, height: g.height, plot, marks, shapes };
}

/** Markers at the given centres: circles for before, squares for after. */
function markers(series: 'before' | 'after', at: Array<{ x: number; y: number }>, r: number): ChartShape {
  const d = at
    .map(({ x, y }) =>
      series === 'before'
        ? `M${round1(x - r)} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`
        : `M${round1(x - r)} ${round1(y - r)}h${2 * r}v${2 * r}h${-2 * r}z`,
    )
    .join('');
  return {
    kind: 'path',
    role: series,
    d,
    fill: CHART_COLOURS[series],
    stroke: CHART_COLOURS.background,
    strokeWidth: 1,
  };
}

function legendText(text: string, x: number, y: number, size: number): ChartShape {
  return {
    kind: 'text',
    role: 'legend',
    text,
    x: round1(x),
    y: round1(y + size / 3),
    size,
    anchor: 'start',
    fill: CHART_COLOURS.legendText,
  };
}

/** A generous estimate of a label's width (no font metrics here): the legend is placed by it. */
function textWidth(text: string, size: number): number {
  return Math.ceil(text.length * size * 0.62);
}
