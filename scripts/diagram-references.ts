/**
 * Cross-references between data/diagrams.json and data/points.json, run by validate-data: every
 * point is drawn in the view its `view` field names, nothing is drawn for an unknown point, each view
 * is drawn on a known figure, and every mark lies inside the body outline and every label on the canvas.
 */
import { labelBox, MARK_RADIUS } from '../lambda/src/display/diagram';
import { distanceToEdge, flattenPath, isInside, type Pt } from '../lambda/src/display/geometry';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** How far inside the outline a mark's centre must be, so it never sits on the edge of the body. */
export const MIN_INSIDE = MARK_RADIUS / 2;

export function diagramReferences(points: Json[], diagrams: Json | undefined): string[] {
  if (!isObject(diagrams)) return [];
  const problems: string[] = [];
  const figures = isObject(diagrams.figures) ? diagrams.figures : {};
  const views = isObject(diagrams.views) ? diagrams.views : {};
  const drawn = Array.isArray(diagrams.points) ? (diagrams.points as unknown[]).filter(isObject) : [];

  const outlines = new Map<string, Pt[][]>();
  for (const [name, view] of Object.entries(views)) {
    if (!isObject(view)) continue;
    const figure = figures[String(view.figure)];
    if (typeof figure !== 'string') {
      problems.push(`diagrams.json ${name}: /views/${name}/figure "${String(view.figure)}" is not a figure`);
      continue;
    }
    try {
      outlines.set(name, flattenPath(figure));
    } catch (error) {
      problems.push(`diagrams.json ${name}: /figures/${String(view.figure)} ${(error as Error).message}`);
    }
    const landmarks = isObject(view.landmarks) ? view.landmarks : {};
    (Array.isArray(view.guides) ? (view.guides as unknown[]) : []).forEach((guide, g) => {
      (Array.isArray(guide) ? (guide as unknown[]) : []).forEach((landmark, i) => {
        if (!(String(landmark) in landmarks))
          problems.push(
            `diagrams.json ${name}: /views/${name}/guides/${g}/${i} "${String(landmark)}" is not a landmark`,
          );
      });
    });
  }

  const pointViews = new Map(points.map((p) => [String(p.code), String(p.view)]));
  for (const point of points) {
    const entry = drawn.find((d) => d.code === point.code);
    if (!entry) problems.push(`diagrams.json: point ${String(point.code)} from points.json is not drawn`);
    else if (entry.view !== point.view)
      problems.push(
        `diagrams.json ${String(point.code)}: /view "${String(entry.view)}" is not the view points.json names ("${String(point.view)}")`,
      );
  }
  drawn.forEach((entry) => {
    const code = String(entry.code);
    if (!pointViews.has(code)) {
      problems.push(`diagrams.json ${code}: /code is not a point in points.json`);
      return;
    }
    const view = views[String(entry.view)];
    if (!isObject(view)) {
      problems.push(`diagrams.json ${code}: /view "${String(entry.view)}" is not a view in diagrams.json`);
      return;
    }
    const width = Number(view.width);
    const height = Number(view.height);
    const outline = outlines.get(String(entry.view));
    (Array.isArray(entry.positions) ? (entry.positions as unknown[]) : [])
      .filter(isObject)
      .forEach((p, i) => {
        const at = { x: Number(p.x), y: Number(p.y) };
        if (!outline) return;
        if (!isInside(at, outline))
          problems.push(
            `diagrams.json ${code}: /positions/${i} (${at.x}, ${at.y}) is outside the body outline`,
          );
        else if (distanceToEdge(at, outline) < MIN_INSIDE)
          problems.push(
            `diagrams.json ${code}: /positions/${i} (${at.x}, ${at.y}) is on the edge of the body outline`,
          );
      });
    if (isObject(entry.label)) {
      const anchor = entry.label.anchor === 'end' ? 'end' : 'start';
      const box = labelBox(code, { x: Number(entry.label.x), y: Number(entry.label.y), anchor });
      if (box.left < 0 || box.top < 0 || box.left + box.width > width || box.top + box.height > height)
        problems.push(`diagrams.json ${code}: /label does not fit in the ${String(entry.view)} view`);
    }
  });
  return problems;
}
