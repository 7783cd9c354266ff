/**
 * The drawing model as a standalone SVG image: for the web simulator's screen and the README
 * diagrams (`npm run generate:diagrams`). Same shapes, same coordinates as the APL graphic.
 */
import { getPoint } from '../core/catalogue';
import type { PointCode } from '../core/types';
import { translatorFor } from '../i18n';
import { isRecord } from '../core/record';
import { POINT_TOKEN_PREFIX } from './apl';
import { ROUTINE_TOKEN } from './routine-document';
import { CHART_COLOURS, drawChart } from './chart-drawing';
import { PROGRESS_TOKEN, readChartInput } from './progress-chart';
import { COLOURS, drawPoints, type Drawing, type MarkedSide } from './diagram';
import type { RoutineHoldPage } from './routine';
import { diagramDescription } from './text';
import { CHART_STYLE, DIAGRAM_STYLE, type DrawnShape, type DrawStyle } from './shapes';

export interface SvgOptions {
  /** Rendered width in CSS pixels; the height follows the view's proportions. */
  width?: number;
  /** Accessible title; defaults to a description of what is marked. */
  title?: string;
  locale?: string;
}

/** An SVG image of a point on its body view, marked and labelled; undefined for an unknown code. */
export function pointSvg(code: string, options: SvgOptions = {}): string | undefined {
  const point = getPoint(code);
  if (!point) return undefined;
  return codesSvg([point.code], undefined, options);
}

/** An SVG image of a routine step's point(s), only the side being held marked. */
export function routineSvg(
  screen: Pick<RoutineHoldPage, 'points' | 'side'>,
  options: SvgOptions = {},
): string | undefined {
  const codes = screen.points.map((c) => getPoint(c)?.code).filter((c): c is string => c !== undefined);
  return codesSvg(codes, screen.side, options);
}

const HOLD_SIDES: readonly MarkedSide[] = ['left', 'right', 'both', 'centre'];

/**
 * The SVG of what one of this skill's APL RenderDocument directives shows, for the web simulator's
 * screen: a point screen's point (named by its token), or a routine step's point(s) and side (from
 * its datasource), the progress chart (from its datasource's chart data). A routine turn's document has one page per hold: `options.page` picks one
 * (an index into `payload.pages`); without it, the first page that marks a point is drawn. Point
 * screens have a single picture and ignore `page`. Undefined for any other directive, a page that
 * does not exist, or data that names no known point; malformed input is not an error, just
 * nothing to draw.
 */
export function directiveSvg(
  directive: { token?: unknown; datasources?: unknown },
  options: SvgOptions & { page?: number } = {},
): string | undefined {
  const { token } = directive;
  if (typeof token !== 'string') return undefined;
  if (token.startsWith(POINT_TOKEN_PREFIX)) return pointSvg(token.slice(POINT_TOKEN_PREFIX.length), options);
  if (token === PROGRESS_TOKEN) {
    // The chart is drawn from the datasource's own chart data, as the APL graphic is.
    const payload = isRecord(directive.datasources) ? directive.datasources.payload : undefined;
    if (!isRecord(payload)) return undefined;
    return progressChartSvg(payload.chartData, {
      ...options,
      ...(typeof payload.chartLabel === 'string' ? { title: payload.chartLabel } : {}),
    });
  }
  if (token !== ROUTINE_TOKEN || !isRecord(directive.datasources)) return undefined;
  const payload = directive.datasources.payload;
  if (!isRecord(payload)) return undefined;
  const pages: unknown[] = Array.isArray(payload.pages) ? payload.pages : [payload];
  if (options.page !== undefined) {
    return Number.isInteger(options.page) ? routinePageSvg(pages[options.page], options) : undefined;
  }
  const page = pages.find((p) => isRecord(p) && Array.isArray(p.pointCodes) && p.pointCodes.length > 0);
  return routinePageSvg(page, options);
}

/**
 * One routine page's diagram, from the page's data (`pointCodes`, `sideId`) as the routine
 * document writes it; undefined for a page that marks no known point or is not a page at all.
 */
export function routinePageSvg(page: unknown, options: SvgOptions = {}): string | undefined {
  if (!isRecord(page) || !Array.isArray(page.pointCodes)) return undefined;
  const codes = page.pointCodes
    .map((code) => (typeof code === 'string' ? getPoint(code)?.code : undefined))
    .filter((code): code is PointCode => code !== undefined);
  if (codes.length === 0) return undefined;
  const side = HOLD_SIDES.find((s) => s === page.sideId);
  return codesSvg(codes, side, options);
}

function codesSvg(codes: PointCode[], side: MarkedSide | undefined, options: SvgOptions): string | undefined {
  const drawing = drawPoints(codes, side);
  if (!drawing) return undefined;
  const title = options.title ?? diagramDescription(translatorFor(options.locale), drawing);
  return drawingToSvg(drawing, { ...options, title });
}

/** Any drawing as SVG markup (UTF-8, no external references). */
export function drawingToSvg(drawing: Drawing, options: SvgOptions & { title: string }): string {
  return shapesToSvg(drawing, options.title, COLOURS.background, DIAGRAM_STYLE, options.width);
}

/** Shapes on a background as an SVG document, `width` wide (the drawing's own width by default). */
function shapesToSvg(
  drawing: { width: number; height: number; shapes: readonly DrawnShape[] },
  title: string,
  background: string,
  style: DrawStyle,
  wide?: number,
): string {
  const width = wide ?? drawing.width;
  const height = Math.round((width * drawing.height) / drawing.width);
  const body = drawing.shapes.map((shape) => shapeToSvg(shape, style)).join('\n  ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${drawing.width} ${drawing.height}" width="${width}" height="${height}" role="img" aria-labelledby="title">`,
    `  <title id="title">${escapeXml(title)}</title>`,
    `  <rect width="${drawing.width}" height="${drawing.height}" fill="${background}"/>`,
    `  ${body}`,
    '</svg>',
    '',
  ].join('\n');
}

function shapeToSvg(shape: DrawnShape, style: DrawStyle): string {
  if (shape.kind === 'text') {
    const weight = style.boldText ? ' font-weight="bold"' : '';
    return `<text x="${shape.x}" y="${shape.y}" font-family="sans-serif"${weight} font-size="${shape.size}" text-anchor="${shape.anchor}" fill="${shape.fill}" class="${shape.role}">${escapeXml(shape.text)}</text>`;
  }
  const attributes = [
    `d="${shape.d}"`,
    `fill="${shape.fill ?? 'none'}"`,
    shape.stroke ? `stroke="${shape.stroke}" stroke-width="${shape.strokeWidth ?? 1}"` : '',
    shape.stroke && style.roundLines ? 'stroke-linecap="round" stroke-linejoin="round"' : '',
    shape.dash ? `stroke-dasharray="${shape.dash.join(' ')}"` : '',
    `class="${shape.role}"`,
  ].filter(Boolean);
  return `<path ${attributes.join(' ')}/>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The progress chart as SVG, from a chart datasource's `chart` (`ChartInput`): the very shapes the
 * APL graphic draws. Undefined when the value is not a chart.
 */
export function progressChartSvg(chart: unknown, options: SvgOptions = {}): string | undefined {
  const input = readChartInput(chart);
  if (!input) return undefined;
  return shapesToSvg(
    drawChart(input),
    options.title ?? `${input.labels.before} / ${input.labels.after}`,
    CHART_COLOURS.background,
    CHART_STYLE,
    options.width,
  );
}
