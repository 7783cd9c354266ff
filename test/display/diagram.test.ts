import { points } from '../../lambda/src/core/catalogue';
import {
  diagramPoint,
  diagramView,
  drawPoints,
  MARK_RADIUS,
  outlineOf,
} from '../../lambda/src/display/diagram';
import { distanceToEdge, flattenPath, isInside, type Pt } from '../../lambda/src/display/geometry';
import { loadDataSet, validateDataSet, type DataSet } from '../../scripts/validate-data';

const clone = (set: DataSet): DataSet => JSON.parse(JSON.stringify(set)) as DataSet;
type Entry = Record<string, unknown>;

function positions(code: string): Pt[] {
  const entry = diagramPoint(code);
  if (!entry) throw new Error(`${code} is not drawn`);
  return entry.positions;
}
function landmark(view: 'back' | 'front' | 'side' | 'leg' | 'hand', name: string): Pt {
  const found = diagramView(view)?.landmarks[name];
  if (!found) throw new Error(`${view} has no landmark ${name}`);
  return found;
}
const midline = () => landmark('back', 'c7').x;

describe('body diagrams', () => {
  describe.each(points.map((p) => [p.code, p.view] as const))('%s', (code, view) => {
    it(`is drawn on the ${view} view, every mark inside the body outline`, () => {
      const entry = diagramPoint(code);
      expect(entry?.view).toBe(view);
      const outline = flattenPath(outlineOf(diagramView(view)!));
      for (const p of entry!.positions) {
        expect(isInside(p, outline)).toBe(true);
        expect(distanceToEdge(p, outline)).toBeGreaterThanOrEqual(MARK_RADIUS / 2);
      }
    });
  });

  describe('places points where the domain reference puts them', () => {
    it('BL 23 and BL 52 are at the same level (L2), two vertebrae above the hip-bone line', () => {
      const hipLine = landmark('back', 'iliacCrestLeft').y;
      const l2 = landmark('back', 'l2').y;
      for (const p of [...positions('BL 23'), ...positions('BL 52')]) {
        expect(Math.abs(p.y - l2)).toBeLessThanOrEqual(4);
        expect(p.y).toBeLessThan(hipLine - 15);
      }
    });

    it('BL 52 is twice as far from the spine as BL 23 (3 cun against 1.5), on both sides', () => {
      const [l23, r23] = positions('BL 23').map((p) => p.x - midline());
      const [l52, r52] = positions('BL 52').map((p) => p.x - midline());
      expect(l23).toBeLessThan(0);
      expect(r23).toBeCloseTo(-l23, 0);
      expect(l52 / l23).toBeCloseTo(2, 0);
      expect(r52 / r23).toBeCloseTo(2, 0);
    });

    it('BL 53 is beside the sacrum at the level of S2, as far out as BL 52, below the hip-bone line', () => {
      for (const p of positions('BL 53')) {
        expect(Math.abs(p.y - landmark('back', 's2').y)).toBeLessThanOrEqual(4);
        expect(p.y).toBeGreaterThan(landmark('back', 'iliacCrestLeft').y);
      }
      expect(Math.abs(positions('BL 53')[0].x - midline())).toBeCloseTo(
        Math.abs(positions('BL 52')[0].x - midline()),
        0,
      );
    });

    it('GB 30 is one third of the way from the hip knob toward the base of the spine, not halfway', () => {
      const knob = landmark('side', 'greaterTrochanter');
      const sacrum = landmark('side', 'sacralHiatus');
      const [gb30] = positions('GB 30');
      const third = { x: knob.x + (sacrum.x - knob.x) / 3, y: knob.y + (sacrum.y - knob.y) / 3 };
      const half = { x: (knob.x + sacrum.x) / 2, y: (knob.y + sacrum.y) / 2 };
      const distance = (a: Pt, b: Pt) => Math.hypot(a.x - b.x, a.y - b.y);
      expect(distance(gb30, third)).toBeLessThan(2);
      expect(distance(gb30, half)).toBeGreaterThan(5);
    });

    it('BL 40 is in the middle of each knee crease', () => {
      const [left, right] = positions('BL 40');
      expect({ x: left.x, y: left.y }).toEqual(landmark('leg', 'kneeCreaseLeft'));
      expect({ x: right.x, y: right.y }).toEqual(landmark('leg', 'kneeCreaseRight'));
    });

    it('BL 60 is behind the outer ankle bone, between it and the Achilles tendon', () => {
      const [bl60] = positions('BL 60');
      const ankle = landmark('side', 'lateralMalleolus');
      const achilles = landmark('side', 'achillesTendon');
      expect(bl60.x).toBeGreaterThan(ankle.x);
      expect(bl60.x).toBeLessThan(achilles.x);
      expect(Math.abs(bl60.y - ankle.y)).toBeLessThanOrEqual(3);
    });

    it('CV 6 is 1.5 cun below the navel on the midline (navel to pubic bone is 5 cun)', () => {
      const navel = landmark('front', 'navel');
      const pubis = landmark('front', 'pubicSymphysis');
      const [cv6] = positions('CV 6');
      expect(cv6.x).toBe(navel.x);
      expect((cv6.y - navel.y) / (pubis.y - navel.y)).toBeCloseTo(1.5 / 5, 1);
    });

    it('SP 6 is 3 cun above the inner ankle bone (knee crease to ankle is 16 cun)', () => {
      const crease = landmark('leg', 'kneeCreaseLeft');
      const ankle = landmark('leg', 'medialMalleolusLeft');
      const [sp6] = positions('SP 6');
      expect((ankle.y - sp6.y) / (ankle.y - crease.y)).toBeCloseTo(3 / 16, 1);
    });

    it('GB 21 is on top of the shoulder, halfway between the base of the neck and the shoulder tip', () => {
      const c7 = landmark('back', 'c7');
      const tip = landmark('back', 'acromionLeft');
      const [gb21] = positions('GB 21');
      expect(Math.hypot(gb21.x - (c7.x + tip.x) / 2, gb21.y - (c7.y + tip.y) / 2)).toBeLessThan(6);
    });

    it('LI 4 is beside the middle of the second hand bone, on the thumb side', () => {
      const knuckle = landmark('hand', 'indexKnuckle');
      const base = landmark('hand', 'secondMetacarpalBase');
      const [li4] = positions('LI 4');
      expect(li4.y).toBeGreaterThan(knuckle.y + 20);
      expect(li4.y).toBeLessThan(base.y - 20);
      expect(li4.x).toBeLessThan(
        knuckle.x + ((li4.y - knuckle.y) * (base.x - knuckle.x)) / (base.y - knuckle.y),
      );
    });

    it('BL 67 is at the little toe', () => {
      const [bl67] = positions('BL 67');
      const toe = landmark('side', 'littleToeTip');
      expect(Math.hypot(bl67.x - toe.x, bl67.y - toe.y)).toBeLessThan(12);
    });
  });

  describe('drawing', () => {
    it('marks both sides of a bilateral point, or only the side being held', () => {
      expect(drawPoints(['SP 6'])?.marks).toHaveLength(2);
      const left = drawPoints(['SP 6'], 'left')!;
      expect(left.marks).toEqual([expect.objectContaining({ code: 'SP 6', x: positions('SP 6')[0].x })]);
    });

    it('draws points of one step together on the first point’s view and skips unknown codes', () => {
      const drawing = drawPoints(['BL 23', 'BL 52', 'XX 1'])!;
      expect(drawing.view).toBe('back');
      expect(drawing.codes).toEqual(['BL 23', 'BL 52']);
      expect(drawing.marks).toHaveLength(4);
      expect(drawPoints(['XX 1'])).toBeUndefined();
    });

    it('labels each point with its code', () => {
      const labels = drawPoints(['BL 23'])!.shapes.filter((s) => s.kind === 'text');
      expect(labels).toEqual([expect.objectContaining({ text: 'BL 23' })]);
    });
  });

  describe('data validation (scripts/validate-data.ts)', () => {
    const drawn = (set: DataSet) => set['diagrams.json'].points as Entry[];

    it('accepts the committed diagrams', () => {
      expect(validateDataSet(loadDataSet())).toEqual([]);
    });

    it('rejects a mark outside the body, naming the point and position', () => {
      const set = clone(loadDataSet());
      (drawn(set).find((p) => p.code === 'BL 23')!.positions as Entry[])[0].x = 20;
      expect(validateDataSet(set)).toContainEqual(
        'diagrams.json BL 23: /positions/0 (20, 214) is outside the body outline',
      );
    });

    it('rejects a point drawn on another view than points.json names', () => {
      const set = clone(loadDataSet());
      drawn(set).find((p) => p.code === 'CV 6')!.view = 'back';
      expect(validateDataSet(set)).toContainEqual(
        'diagrams.json CV 6: /view "back" is not the view points.json names ("front")',
      );
    });

    it('rejects a catalogue point with no drawing, and a drawing of an unknown point', () => {
      const set = clone(loadDataSet());
      const list = drawn(set);
      list.splice(
        list.findIndex((p) => p.code === 'BL 60'),
        1,
      );
      list.push({ ...list[0], code: 'BL 47' });
      const problems = validateDataSet(set);
      expect(problems).toContainEqual('diagrams.json: point BL 60 from points.json is not drawn');
      expect(problems).toContainEqual('diagrams.json BL 47: /code is not a point in points.json');
    });

    it('rejects a label off the canvas and a guide to an unknown landmark', () => {
      const set = clone(loadDataSet());
      (drawn(set).find((p) => p.code === 'GB 30')!.label as Entry).x = 230;
      const views = set['diagrams.json'].views as Record<string, Entry>;
      (views.side.guides as string[][])[0][1] = 'tailbone';
      const problems = validateDataSet(set);
      expect(problems).toContainEqual('diagrams.json GB 30: /label does not fit in the side view');
      expect(problems).toContainEqual(
        'diagrams.json side: /views/side/guides/0/1 "tailbone" is not a landmark',
      );
    });

    it('rejects relative or arc path commands (they would not read the same everywhere)', () => {
      const set = clone(loadDataSet());
      (set['diagrams.json'].figures as Entry).torso = 'M 0 0 a 10 10 0 0 1 20 20 Z';
      expect(validateDataSet(set).join('\n')).toMatch(/diagrams\.json: \/figures\/torso must match pattern/);
    });
  });
});
