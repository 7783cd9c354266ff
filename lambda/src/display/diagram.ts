/**
 * The one drawing model behind every screen: a body view from `data/diagrams.json` with points
 * marked and labelled, as a list of plain shapes. `apl.ts` turns the shapes into an AVG graphic and
 * `svg.ts` into an SVG image, so a point is drawn in exactly one place in the data.
 */
import diagramsFile from '../../../data/diagrams.json';
import { getPoint } from '../core/catalogue';
import type { HoldSide } from '../core/routine/plan';
import type { BodyView, PointCode } from '../core/types';
import type { Pt } from './geometry';
import type { DrawnShape } from './shapes';

/** Which side a drawn position is on; "either" is a single mark for a point pressed on one side. */
export type PositionSide = 'left' | 'right' | 'midline' | 'either';

export interface DiagramView {
  figure: string;
  width: number;
  height: number;
  details: string[];
  landmarks: Record<string, Pt>;
  guides: Array<[string, string]>;
}

export interface DiagramPoint {
  code: PointCode;
  view: BodyView;
  positions: Array<Pt & { side: PositionSide }>;
  label: Pt & { anchor: 'start' | 'end' };
}

interface DiagramsFile {
  figures: Record<string, string>;
  views: Partial<Record<BodyView, DiagramView>>;
  points: DiagramPoint[];
}

export const diagrams = diagramsFile as unknown as DiagramsFile;

const byCode = new Map(diagrams.points.map((p) => [p.code, p]));

export function diagramPoint(code: PointCode): DiagramPoint | undefined {
  return byCode.get(code);
}

export function diagramView(view: BodyView): DiagramView | undefined {
  return diagrams.views[view];
}

/** The body outline of a view: the figure it is drawn on. */
export function outlineOf(view: DiagramView): string {
  return diagrams.figures[view.figure];
}

/** Which side of a bilateral point is being held; undefined shows every position. */
/** The sides a diagram can mark: a hold's side, where it names one. */
export type MarkedSide = Extract<HoldSide, 'left' | 'right' | 'both' | 'centre'>;

/** Marker radius and label size, in view units (every view is drawn on a 240 × 400 grid). */
export const MARK_RADIUS = 7;
export const LABEL_SIZE = 17;

export const COLOURS = {
  background: '#0f1a24',
  body: '#e9dccd',
  bodyStroke: '#8c7a66',
  detail: '#a8937d',
  guide: '#3d9bc7',
  mark: '#ff4b2b',
  markRing: '#ffffff',
  labelBox: '#ff4b2b',
  labelText: '#ffffff',
} as const;

export type Shape = DrawnShape<
  'outline' | 'detail' | 'guide' | 'mark' | 'mark-ring' | 'leader' | 'label-box',
  'label'
>;

export interface Drawing {
  view: BodyView;
  width: number;
  height: number;
  /** The codes marked, in order. */
  codes: PointCode[];
  /** Centres of every marker drawn, for tests and pixel checks. */
  marks: Array<Pt & { code: PointCode }>;
  shapes: Shape[];
}

/**
 * Draws the view of the first point with every given point of that view marked and labelled by its
 * code. With a hold side, a bilateral point shows only that side's mark. Unknown codes are skipped;
 * undefined when nothing can be drawn.
 */
export function drawPoints(codes: readonly PointCode[], side?: MarkedSide): Drawing | undefined {
  const placed = codes.map((code) => diagramPoint(code)).filter((p): p is DiagramPoint => p !== undefined);
  if (placed.length === 0) return undefined;
  const viewName = placed[0].view;
  const view = diagramView(viewName);
  if (!view) return undefined;
  const inView = placed.filter((p) => p.view === viewName);

  const shapes: Shape[] = [
    {
      kind: 'path',
      role: 'outline',
      d: outlineOf(view),
      fill: COLOURS.body,
      stroke: COLOURS.bodyStroke,
      strokeWidth: 2,
    },
    ...view.details.map((d): Shape => ({
      kind: 'path',
      role: 'detail',
      d,
      stroke: COLOURS.detail,
      strokeWidth: 1.5,
    })),
  ];
  for (const [from, to] of view.guides) {
    const a = view.landmarks[from];
    const b = view.landmarks[to];
    if (a && b)
      shapes.push({
        kind: 'path',
        role: 'guide',
        d: `M ${a.x} ${a.y} L ${b.x} ${b.y}`,
        stroke: COLOURS.guide,
        strokeWidth: 2,
        dash: [5, 4],
      });
  }

  const marks: Drawing['marks'] = [];
  for (const point of inView) {
    const positions = point.positions.filter((p) => showsOnSide(p.side, side));
    const label = labelShapes(point.code, point.label, positions);
    shapes.push(...label);
    for (const p of positions) {
      shapes.push({
        kind: 'path',
        role: 'mark-ring',
        d: circlePath(p, MARK_RADIUS + 2.5),
        fill: COLOURS.markRing,
      });
      shapes.push({ kind: 'path', role: 'mark', d: circlePath(p, MARK_RADIUS), fill: COLOURS.mark });
      marks.push({ x: p.x, y: p.y, code: point.code });
    }
  }
  return {
    view: viewName,
    width: view.width,
    height: view.height,
    codes: inView.map((p) => p.code),
    marks,
    shapes,
  };
}

function showsOnSide(position: PositionSide, side: MarkedSide | undefined): boolean {
  if (side === undefined || side === 'both' || side === 'centre') return true;
  return position === side || position === 'midline' || position === 'either';
}

/** The box a point's code label takes: it starts or ends at the label's x, centred on its y. */
export function labelBox(
  code: PointCode,
  label: DiagramPoint['label'],
): { left: number; top: number; width: number; height: number } {
  const width = Math.round(code.length * LABEL_SIZE * 0.62 + 12);
  const height = LABEL_SIZE + 10;
  return {
    left: label.anchor === 'start' ? label.x : label.x - width,
    top: label.y - height / 2,
    width,
    height,
  };
}

/** A filled label box with the point's code, and a leader line to the nearest mark. */
function labelShapes(code: PointCode, label: DiagramPoint['label'], positions: Pt[]): Shape[] {
  const text = getPoint(code)?.code ?? code;
  const { left, top, width, height } = labelBox(text, label);
  const shapes: Shape[] = [];
  const nearest = [...positions].sort(
    (a, b) => Math.hypot(a.x - label.x, a.y - label.y) - Math.hypot(b.x - label.x, b.y - label.y),
  )[0];
  if (nearest) {
    shapes.push({
      kind: 'path',
      role: 'leader',
      d: `M ${label.x} ${label.y} L ${nearest.x} ${nearest.y}`,
      stroke: COLOURS.labelBox,
      strokeWidth: 2,
    });
  }
  shapes.push({
    kind: 'path',
    role: 'label-box',
    d: roundedRect(left, top, width, height, 6),
    fill: COLOURS.labelBox,
  });
  shapes.push({
    kind: 'text',
    role: 'label',
    text,
    x: left + width / 2,
    y: label.y + LABEL_SIZE * 0.35,
    size: LABEL_SIZE,
    anchor: 'middle',
    fill: COLOURS.labelText,
  });
  return shapes;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** A circle as four cubic curves: plain path commands that AVG and SVG both draw the same way. */
export function circlePath(c: Pt, r: number): string {
  const k = 0.5523 * r;
  const n = (v: number) => round(v);
  return [
    `M ${n(c.x + r)} ${n(c.y)}`,
    `C ${n(c.x + r)} ${n(c.y + k)} ${n(c.x + k)} ${n(c.y + r)} ${n(c.x)} ${n(c.y + r)}`,
    `C ${n(c.x - k)} ${n(c.y + r)} ${n(c.x - r)} ${n(c.y + k)} ${n(c.x - r)} ${n(c.y)}`,
    `C ${n(c.x - r)} ${n(c.y - k)} ${n(c.x - k)} ${n(c.y - r)} ${n(c.x)} ${n(c.y - r)}`,
    `C ${n(c.x + k)} ${n(c.y - r)} ${n(c.x + r)} ${n(c.y - k)} ${n(c.x + r)} ${n(c.y)} Z`,
  ].join(' ');
}

function roundedRect(x: number, y: number, w: number, h: number, r: number): string {
  const n = (v: number) => round(v);
  return [
    `M ${n(x + r)} ${n(y)} L ${n(x + w - r)} ${n(y)} Q ${n(x + w)} ${n(y)} ${n(x + w)} ${n(y + r)}`,
    `L ${n(x + w)} ${n(y + h - r)} Q ${n(x + w)} ${n(y + h)} ${n(x + w - r)} ${n(y + h)}`,
    `L ${n(x + r)} ${n(y + h)} Q ${n(x)} ${n(y + h)} ${n(x)} ${n(y + h - r)}`,
    `L ${n(x)} ${n(y + r)} Q ${n(x)} ${n(y)} ${n(x + r)} ${n(y)} Z`,
  ].join(' ');
}
