/**
 * The drawing model as a standalone SVG image: for the web simulator's screen and the README
 * diagrams (`npm run generate:diagrams`). Same shapes, same coordinates as the APL graphic.
 */
import { getPoint } from '../core/catalogue';
import type { PointCode } from '../core/types';
import { translatorFor } from '../i18n';
import { COLOURS, drawPoints, type Drawing, type HoldSide, type Shape } from './diagram';
import type { RoutineScreen } from './routine';
import { diagramDescription } from './text';

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
export function routineSvg(screen: RoutineScreen, options: SvgOptions = {}): string | undefined {
  const codes = screen.points.map((c) => getPoint(c)?.code).filter((c): c is string => c !== undefined);
  return codesSvg(codes, screen.side, options);
}

function codesSvg(codes: PointCode[], side: HoldSide | undefined, options: SvgOptions): string | undefined {
  const drawing = drawPoints(codes, side);
  if (!drawing) return undefined;
  const title = options.title ?? diagramDescription(translatorFor(options.locale), drawing);
  return drawingToSvg(drawing, { ...options, title });
}

/** Any drawing as SVG markup (UTF-8, no external references). */
export function drawingToSvg(drawing: Drawing, options: SvgOptions & { title: string }): string {
  const width = options.width ?? drawing.width;
  const height = Math.round((width * drawing.height) / drawing.width);
  const body = drawing.shapes.map(shapeToSvg).join('\n  ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${drawing.width} ${drawing.height}" width="${width}" height="${height}" role="img" aria-labelledby="title">`,
    `  <title id="title">${escapeXml(options.title)}</title>`,
    `  <rect width="${drawing.width}" height="${drawing.height}" fill="${COLOURS.background}"/>`,
    `  ${body}`,
    '</svg>',
    '',
  ].join('\n');
}

function shapeToSvg(shape: Shape): string {
  if (shape.kind === 'text') {
    return `<text x="${shape.x}" y="${shape.y}" font-family="sans-serif" font-weight="bold" font-size="${shape.size}" text-anchor="${shape.anchor}" fill="${shape.fill}">${escapeXml(shape.text)}</text>`;
  }
  const attributes = [
    `d="${shape.d}"`,
    `fill="${shape.fill ?? 'none'}"`,
    shape.stroke ? `stroke="${shape.stroke}" stroke-width="${shape.strokeWidth ?? 1}"` : '',
    shape.stroke ? 'stroke-linecap="round" stroke-linejoin="round"' : '',
    shape.dash ? `stroke-dasharray="${shape.dash.join(' ')}"` : '',
    `class="${shape.role}"`,
  ].filter(Boolean);
  return `<path ${attributes.join(' ')}/>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
