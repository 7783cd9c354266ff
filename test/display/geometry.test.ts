import { distanceToEdge, flattenPath, isInside } from '../../lambda/src/display/geometry';
import { circlePath } from '../../lambda/src/display/diagram';

describe('path geometry', () => {
  const square = flattenPath('M 0 0 L 100 0 L 100 100 L 0 100 Z');

  it('tells inside from outside a polygon', () => {
    expect(isInside({ x: 50, y: 50 }, square)).toBe(true);
    expect(isInside({ x: 150, y: 50 }, square)).toBe(false);
    expect(isInside({ x: 50, y: -1 }, square)).toBe(false);
  });

  it('follows curves, not just their end points', () => {
    const circle = flattenPath(circlePath({ x: 50, y: 50 }, 40));
    expect(isInside({ x: 50, y: 50 }, circle)).toBe(true);
    // Inside the bounding square but outside the circle: only a flattened curve knows.
    expect(isInside({ x: 14, y: 14 }, circle)).toBe(false);
    expect(distanceToEdge({ x: 50, y: 50 }, circle)).toBeCloseTo(40, 0);
  });

  it('treats a second subpath inside the first as a hole', () => {
    const ring = flattenPath('M 0 0 L 100 0 L 100 100 L 0 100 Z M 40 40 L 60 40 L 60 60 L 40 60 Z');
    expect(isInside({ x: 50, y: 50 }, ring)).toBe(false);
    expect(isInside({ x: 20, y: 20 }, ring)).toBe(true);
  });

  it('rejects commands the diagram data may not use', () => {
    expect(() => flattenPath('M 0 0 A 10 10 0 0 1 20 20 Z')).toThrow(/unsupported command "A"/);
  });
});
