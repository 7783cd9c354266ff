/**
 * Just enough path geometry to check a drawing: the absolute SVG/AVG path commands the diagram data
 * uses (M, L, H, V, C, Q, Z) flattened into polygons, point-in-polygon and distance to the outline.
 * Used by data validation and tests; the request path never parses paths.
 */

export interface Pt {
  x: number;
  y: number;
}

/** Numbers each path command takes (absolute commands only, so a path reads the same in APL and SVG). */
const ARITY: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, C: 6, Q: 4, Z: 0 };

/** Flattens path data into closed polygons, one per subpath; curves become `steps` straight pieces. */
export function flattenPath(d: string, steps = 12): Pt[][] {
  const tokens = d.match(/[A-Za-z]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  const polygons: Pt[][] = [];
  let current: Pt[] = [];
  let at: Pt = { x: 0, y: 0 };
  let i = 0;
  const num = (): number => {
    const value = Number(tokens[i++]);
    if (!Number.isFinite(value)) throw new Error(`path data: expected a number at token ${i}`);
    return value;
  };
  while (i < tokens.length) {
    const command = tokens[i++];
    if (!(command in ARITY)) throw new Error(`path data: unsupported command "${command}"`);
    if (command === 'Z') {
      if (current.length > 0) polygons.push(current);
      current = [];
      continue;
    }
    do {
      if (command === 'M') {
        if (current.length > 0) polygons.push(current);
        at = { x: num(), y: num() };
        current = [at];
      } else if (command === 'L') {
        at = { x: num(), y: num() };
        current.push(at);
      } else if (command === 'H') {
        at = { x: num(), y: at.y };
        current.push(at);
      } else if (command === 'V') {
        at = { x: at.x, y: num() };
        current.push(at);
      } else if (command === 'C') {
        const c1 = { x: num(), y: num() };
        const c2 = { x: num(), y: num() };
        const end = { x: num(), y: num() };
        for (let s = 1; s <= steps; s++) current.push(cubic(at, c1, c2, end, s / steps));
        at = end;
      } else {
        const c = { x: num(), y: num() };
        const end = { x: num(), y: num() };
        for (let s = 1; s <= steps; s++) current.push(quadratic(at, c, end, s / steps));
        at = end;
      }
    } while (i < tokens.length && !/^[A-Za-z]$/.test(tokens[i]));
  }
  if (current.length > 0) polygons.push(current);
  return polygons;
}

function cubic(p0: Pt, p1: Pt, p2: Pt, p3: Pt, t: number): Pt {
  const u = 1 - t;
  return {
    x: u * u * u * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2.x + t * t * t * p3.x,
    y: u * u * u * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2.y + t * t * t * p3.y,
  };
}

function quadratic(p0: Pt, p1: Pt, p2: Pt, t: number): Pt {
  const u = 1 - t;
  return {
    x: u * u * p0.x + 2 * u * t * p1.x + t * t * p2.x,
    y: u * u * p0.y + 2 * u * t * p1.y + t * t * p2.y,
  };
}

/** Even-odd point-in-polygon over every subpath (a hole inside a figure counts as outside). */
export function isInside(point: Pt, polygons: Pt[][]): boolean {
  let inside = false;
  for (const polygon of polygons) {
    for (let a = 0, b = polygon.length - 1; a < polygon.length; b = a++) {
      const pa = polygon[a];
      const pb = polygon[b];
      if (pa.y > point.y !== pb.y > point.y) {
        const crossX = pa.x + ((point.y - pa.y) * (pb.x - pa.x)) / (pb.y - pa.y);
        if (point.x < crossX) inside = !inside;
      }
    }
  }
  return inside;
}

/** The shortest distance from a point to any edge of the polygons. */
export function distanceToEdge(point: Pt, polygons: Pt[][]): number {
  let best = Infinity;
  for (const polygon of polygons) {
    for (let a = 0, b = polygon.length - 1; a < polygon.length; b = a++) {
      best = Math.min(best, distanceToSegment(point, polygon[b], polygon[a]));
    }
  }
  return best;
}

function distanceToSegment(p: Pt, a: Pt, b: Pt): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
