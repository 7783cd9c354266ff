/**
 * The progress chart screen (issue 14): the last 28 days' pain scores before and after as an AVG
 * graphic, one touch column per day (a touch shows that day's routines and scores at once and asks
 * the skill to say them), and a line of text under it. Small round screens get a simplified chart:
 * the last 7 days, bigger marks, no touch columns, and the two averages in words.
 *
 * The graphics are drawn from `payload.chartData` and `payload.roundData.chart` (`ChartInput`, chart-drawing.ts),
 * the same data the web simulator draws its SVG from. No images are fetched.
 */
import { addDays, dayAverages } from '../core/progress/chart-days';
import type { ChartDay } from '../core/progress/types';
import { isRecord } from '../core/record';
import {
  CHART_WINDOW,
  dayWords,
  PROGRESS_DAY_EVENT,
  ROUND_WINDOW,
  shortDate,
} from '../speech/progress-chart';
import type { Translate } from '../i18n';
import { APL_VERSION, drawingToAvg } from './apl';
import { CHART_STYLE } from './shapes';
import { CHART_COLOURS, drawChart, geometryFor, type ChartDrawing, type ChartInput } from './chart-drawing';

type Json = Record<string, unknown>;

export const PROGRESS_TOKEN = 'ppg.progress';

/**
 * The chart's data as shown and drawn: what the datasource carries. Keys ending in `Data` are data
 * to draw or to show on touch, not text on the screen as it comes up (the web simulator reads the
 * text it shows from the others).
 */
export interface ProgressChartData {
  title: string;
  /** The averages of the window's days, one line per series that has scores. */
  averages: Array<{ text: string }>;
  /** The line under the chart: the touched day's details, or how to use the chart. */
  detail: string;
  /** What a screen reader says for the chart. */
  chartLabel: string;
  chartData: ChartInput;
  roundData: { title: string; chart: ChartInput };
  /** One per day of the window, oldest first: the touch columns and what each shows. */
  columnData: Array<{ date: string; detail: string }>;
}

function chartInput(
  t: Translate,
  locale: string | undefined,
  days: ChartDay[],
  today: string,
  window: number,
  selected?: string,
): ChartInput {
  const first = addDays(today, -(window - 1));
  const tickDates =
    window <= ROUND_WINDOW ? [first, today] : [0, 7, 14, 21].map((n) => addDays(first, n)).concat(today);
  return {
    days: days.filter((d) => d.date >= first && d.date <= today),
    today,
    window,
    labels: {
      before: t('chart.before'),
      after: t('chart.after'),
      ticks: tickDates.map((date) => ({
        date,
        text: date === today ? t('chart.today') : shortDate(locale, date),
      })),
    },
    ...(selected ? { selected } : {}),
  };
}

/** The screen's data for `days` (chartDays' output) up to `today`, with `selected` picked by touch. */
export function progressChartData(
  t: Translate,
  locale: string | undefined,
  days: ChartDay[],
  today: string,
  selected?: string,
): ProgressChartData {
  const chart = chartInput(t, locale, days, today, CHART_WINDOW, selected);
  const byDate = new Map(chart.days.map((d) => [d.date, d]));
  const detailOf = (date: string) => {
    const { key, values } = dayWords(t, byDate.get(date));
    return t(`chart.detail.${key}`, { ...values, date: shortDate(locale, date) });
  };
  const { before, after } = dayAverages(chart.days);
  const averageLines = [
    ...(before === undefined ? [] : [{ text: t('chart.average.before', { value: String(before) }) }]),
    ...(after === undefined ? [] : [{ text: t('chart.average.after', { value: String(after) }) }]),
  ];
  const description = t('chart.description', { days: CHART_WINDOW });
  return {
    title: t('chart.title', { days: CHART_WINDOW }),
    averages: averageLines,
    detail: selected ? detailOf(selected) : t('chart.hint'),
    chartLabel: description,
    chartData: chart,
    roundData: {
      title: t('chart.title', { days: ROUND_WINDOW }),
      chart: chartInput(t, locale, days, today, ROUND_WINDOW),
    },
    columnData: Array.from({ length: CHART_WINDOW }, (_, i) => {
      const date = addDays(today, i - (CHART_WINDOW - 1));
      return { date, detail: detailOf(date) };
    }),
  };
}

/** A chart drawing as an AVG graphic (same shapes, same coordinates as the SVG), plain text and lines. */
export function chartToAvg(drawing: ChartDrawing, description: string): Json {
  return drawingToAvg(drawing, description, CHART_STYLE);
}

/**
 * The chart's size on each kind of screen, in dp, always in the graphic's proportions (so the touch
 * columns lie exactly over the days they stand for): landscape hubs first, then larger hubs,
 * portrait screens and TVs, each overriding the ones before when its condition holds.
 */
const SIZES: Array<{ when?: string; chartWidth: number; title: number; body: number; padding: number }> = [
  { chartWidth: 864, title: 30, body: 24, padding: 24 },
  {
    when: '${viewport.width >= 1200 && viewport.height >= 760}',
    chartWidth: 1104,
    title: 36,
    body: 28,
    padding: 32,
  },
  { when: '${viewport.height > viewport.width}', chartWidth: 720, title: 30, body: 24, padding: 24 },
  { when: "${viewport.mode == 'tv'}", chartWidth: 768, title: 32, body: 26, padding: 20 },
];

function resourceBlocks(): Json[] {
  const full = geometryFor(CHART_WINDOW);
  const plotWidth = full.width - full.left - full.right;
  return SIZES.map((size) => {
    const scale = size.chartWidth / full.width;
    const block: Json = {
      dimensions: {
        chartWidth: `${size.chartWidth}dp`,
        chartHeight: `${Math.round(full.height * scale)}dp`,
        plotLeft: `${Math.round(full.left * scale)}dp`,
        plotWidth: `${Math.round(plotWidth * scale)}dp`,
        columnWidth: `${Math.round(((plotWidth * scale) / CHART_WINDOW) * 100) / 100}dp`,
        titleSize: `${size.title}dp`,
        bodySize: `${size.body}dp`,
        screenPadding: `${size.padding}dp`,
      },
    };
    return size.when ? { when: size.when, ...block } : block;
  });
}

function text(value: string, size: string, extra: Json = {}): Json {
  return {
    type: 'Text',
    text: value,
    fontSize: size,
    color: CHART_COLOURS.legendText,
    textAlign: 'center',
    ...extra,
  };
}

/** The rectangular screens' layout: title, chart with one touch column per day, the detail line. */
function fullLayout(): Json {
  return {
    type: 'Frame',
    width: '100vw',
    height: '100vh',
    backgroundColor: CHART_COLOURS.background,
    item: {
      type: 'Container',
      width: '100%',
      height: '100%',
      alignItems: 'center',
      justifyContent: 'center',
      paddingTop: '@screenPadding',
      paddingBottom: '@screenPadding',
      items: [
        text('${payload.title}', '@titleSize', { fontWeight: 'bold', maxLines: 1 }),
        {
          type: 'Container',
          width: '@chartWidth',
          height: '@chartHeight',
          spacing: 12,
          items: [
            {
              type: 'VectorGraphic',
              source: 'progressChart',
              width: '@chartWidth',
              height: '@chartHeight',
              scale: 'best-fit',
              accessibilityLabel: '${payload.chartLabel}',
            },
            {
              type: 'Container',
              position: 'absolute',
              left: '@plotLeft',
              top: 0,
              width: '@plotWidth',
              height: '@chartHeight',
              direction: 'row',
              data: '${payload.columnData}',
              item: {
                type: 'TouchWrapper',
                width: '@columnWidth',
                height: '@chartHeight',
                accessibilityLabel: '${data.detail}',
                onPress: [
                  { type: 'SetValue', componentId: 'dayDetail', property: 'text', value: '${data.detail}' },
                  { type: 'SendEvent', arguments: [PROGRESS_DAY_EVENT, '${data.date}'] },
                ],
                item: { type: 'Frame', width: '@columnWidth', height: '@chartHeight' },
              },
            },
          ],
        },
        {
          type: 'Container',
          direction: 'row',
          spacing: 8,
          data: '${payload.averages}',
          item: text('${data.text}', '@bodySize', { maxLines: 1, paddingLeft: 16, paddingRight: 16 }),
        },
        text('${payload.detail}', '@bodySize', { id: 'dayDetail', maxLines: 2, spacing: 8 }),
      ],
    },
  };
}

/** Small round screens: the last 7 days, bigger, with the averages in words and nothing to touch. */
function roundLayout(): Json {
  return {
    type: 'Frame',
    when: "${viewport.shape == 'round'}",
    width: '100vw',
    height: '100vh',
    backgroundColor: CHART_COLOURS.background,
    item: {
      type: 'Container',
      width: '100%',
      height: '100%',
      alignItems: 'center',
      justifyContent: 'center',
      paddingLeft: '10vw',
      paddingRight: '10vw',
      items: [
        text('${payload.roundData.title}', '18dp', { fontWeight: 'bold', maxLines: 1 }),
        {
          type: 'VectorGraphic',
          source: 'progressChartRound',
          width: '70vw',
          height: '48vw',
          scale: 'best-fit',
          align: 'center',
          accessibilityLabel: '${payload.chartLabel}',
        },
        {
          type: 'Container',
          data: '${payload.averages}',
          alignItems: 'center',
          item: text('${data.text}', '16dp', { maxLines: 1 }),
        },
      ],
    },
  };
}

export interface AplDocument {
  document: Json;
  datasources: { payload: Json };
}

export function progressChartDocument(data: ProgressChartData): AplDocument {
  const document: Json = {
    type: 'APL',
    version: APL_VERSION,
    description: data.chartLabel,
    theme: 'dark',
    resources: resourceBlocks(),
    graphics: {
      progressChart: chartToAvg(drawChart(data.chartData), data.chartLabel),
      progressChartRound: chartToAvg(drawChart(data.roundData.chart), data.chartLabel),
    },
    mainTemplate: { parameters: ['payload'], items: [roundLayout(), fullLayout()] },
  };
  return { document, datasources: { payload: { ...data } } };
}

/** The RenderDocument directive for the chart. */
export function progressChartDirective(data: ProgressChartData): Json {
  const { document, datasources } = progressChartDocument(data);
  return { type: 'Alexa.Presentation.APL.RenderDocument', token: PROGRESS_TOKEN, document, datasources };
}

/**
 * A datasource's chart read back (for the web simulator's SVG): the same `ChartInput`, or undefined
 * when the value is not one. Untrusted: every field is checked, and at most a window of days kept.
 */
export function readChartInput(value: unknown): ChartInput | undefined {
  if (!isRecord(value) || !isRecord(value.labels)) return undefined;
  const { days, today, window, labels, selected } = value;
  if (typeof today !== 'string' || typeof window !== 'number' || !Number.isInteger(window)) return undefined;
  if (window < 1 || window > 366 || !Array.isArray(days) || !Array.isArray(labels.ticks)) return undefined;
  if (typeof labels.before !== 'string' || typeof labels.after !== 'string') return undefined;
  const score = (v: unknown) => (typeof v === 'number' && v >= 0 && v <= 10 ? v : undefined);
  const shortText = (v: unknown) => (typeof v === 'string' && v.length <= 40 ? v : undefined);
  const readDays: ChartDay[] = [];
  for (const day of days.slice(0, window)) {
    if (!isRecord(day) || typeof day.date !== 'string') continue;
    const routines = Array.isArray(day.routines)
      ? day.routines.filter((r): r is string => typeof r === 'string')
      : [];
    const read: ChartDay = { date: day.date, routines };
    const before = score(day.before);
    const after = score(day.after);
    if (before !== undefined) read.before = before;
    if (after !== undefined) read.after = after;
    readDays.push(read);
  }
  const ticks: ChartInput['labels']['ticks'] = [];
  for (const tick of labels.ticks.slice(0, 10))
    if (isRecord(tick) && typeof tick.date === 'string' && shortText(tick.text) !== undefined)
      ticks.push({ date: tick.date, text: String(tick.text) });
  const before = shortText(labels.before);
  const after = shortText(labels.after);
  if (before === undefined || after === undefined) return undefined;
  return {
    days: readDays,
    today,
    window,
    labels: { before, after, ticks },
    ...(typeof selected === 'string' ? { selected } : {}),
  };
}
