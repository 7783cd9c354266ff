import { readFileSync } from 'node:fs';
import path from 'node:path';
import { points } from '../../lambda/src/core/catalogue';
import { pointSvg, routineSvg } from '../../lambda/src/display/svg';
import { DIAGRAM_DIR, diagramFile, generateDiagrams } from '../../scripts/generate-diagrams';

describe('SVG diagrams', () => {
  it.each(points.map((p) => p.code))(
    '%s renders as a self-contained SVG with its title and label',
    (code) => {
      const svg = pointSvg(code)!;
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 240 400"/);
      expect(svg).toContain(`<title id="title">Diagram of `);
      expect(svg).toContain(`>${code}</text>`);
      expect(svg).toMatch(/class="mark"/);
      expect(svg).not.toMatch(/href|url\(|<image/);
    },
  );

  it('accepts a slot id or any spacing of the code, and returns nothing for an unknown point', () => {
    expect(pointSvg('bl23')).toBe(pointSvg('BL 23'));
    expect(pointSvg('BL 99')).toBeUndefined();
    expect(pointSvg('<script>')).toBeUndefined();
  });

  it('draws a routine step with only the side being held marked', () => {
    const both = routineSvg({ points: ['SP 6'] })!;
    const left = routineSvg({ points: ['SP 6'], side: 'left' })!;
    expect(both.match(/class="mark"/g)).toHaveLength(2);
    expect(left.match(/class="mark"/g)).toHaveLength(1);
    expect(routineSvg({ points: [] })).toBeUndefined();
  });

  it('docs/diagrams is exactly what scripts/generate-diagrams.ts makes (run npm run generate:diagrams)', () => {
    for (const [name, svg] of generateDiagrams()) {
      expect(readFileSync(path.join(DIAGRAM_DIR, name), 'utf8')).toBe(svg);
    }
  });

  it('the README shows every point’s diagram', () => {
    const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    for (const point of points) expect(readme).toContain(`docs/diagrams/${diagramFile(point.code)}`);
  });
});
