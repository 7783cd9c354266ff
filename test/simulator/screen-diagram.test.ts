/**
 * The simulator's screen draws the diagram the skill's own APL documents show: the point of a point
 * screen, the point(s) and side of a routine step. The renderer is `directiveSvg`, as `npm start`
 * wires it.
 */
import { getPoint, points } from '../../lambda/src/core/catalogue';
import type { PointCode } from '../../lambda/src/core/types';
import { pointDirective } from '../../lambda/src/display/apl';
import { routineDirective } from '../../lambda/src/display/routine-document';
import { holdFields, holdScreen, type HoldFields } from '../support/screens';
import { directiveSvg, pointSvg, routineSvg } from '../../lambda/src/display/svg';
import { translatorFor } from '../../lambda/src/i18n';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { Simulator } from '../../simulator/simulator';
import { visualFromDirectives } from '../../simulator/visual';
import { buildSkill } from '../../lambda/src/skill';
import { model } from '../support/model';

const t = translatorFor('en-US');
const render = (directive: { token?: unknown; datasources?: unknown }, page?: number) =>
  directiveSvg(directive, { page });

const step = (overrides: Partial<HoldFields> = {}) =>
  holdFields({ points: ['BL 23' as PointCode], ...overrides });
const stepScreen = (overrides: Partial<HoldFields> = {}) => holdScreen(step(overrides));

describe('the simulator screen draws what the APL document shows', () => {
  it.each(points.map((p) => p.code))('a point screen for %s shows that point’s diagram', (code) => {
    const visual = visualFromDirectives([pointDirective(t, getPoint(code)!)], render);
    expect(visual?.svg).toBe(pointSvg(code));
    expect(visual?.pages).toBeUndefined();
    expect(visual?.svg).toContain(`>${code}</text>`);
  });

  it('a routine step shows its point with only the side being held marked; ids stay off the text', () => {
    const left = visualFromDirectives([routineDirective(t, stepScreen({ side: 'left' }))], render);
    const right = visualFromDirectives([routineDirective(t, stepScreen({ side: 'right' }))], render);
    expect(left?.pages).toHaveLength(1);
    expect(left?.pages?.[0].svg).toBe(routineSvg(step({ side: 'left' })));
    expect(right?.pages?.[0].svg).toBe(routineSvg(step({ side: 'right' })));
    expect(left?.pages?.[0].svg).not.toBe(right?.pages?.[0].svg);
    expect(left?.lines).toEqual(['Evening wind-down']);
    expect(left?.pages?.[0].lines).toEqual([
      'Step 3 of 6',
      'BL 23 · Sea of Vitality',
      'Left side',
      'Next: BL 40, Commanding Middle',
    ]);
  });

  it('a routine step without a point (a warm-up) shows its caption and no diagram', () => {
    const visual = visualFromDirectives(
      [routineDirective(t, stepScreen({ points: [], side: undefined, caption: 'Rub your lower back' }))],
      render,
    );
    expect(visual?.pages).toHaveLength(1);
    const [page] = visual?.pages ?? [];
    expect(page).toMatchObject({
      showAtMs: 0,
      lines: ['Step 3 of 6', 'Rub your lower back', 'Next: BL 40, Commanding Middle'],
    });
    expect(page.svg).toBeUndefined();
  });

  it('draws nothing, and never throws, for other or malformed directives', () => {
    const bad: Array<{ token?: unknown; datasources?: unknown }> = [
      {},
      { token: 42 },
      { token: 'someone.else' },
      { token: 'ppg.point.' },
      { token: 'ppg.point.<script>' },
      { token: 'ppg.routine' },
      { token: 'ppg.routine', datasources: 'payload' },
      { token: 'ppg.routine', datasources: { payload: { pointCodes: 'BL 23' } } },
      { token: 'ppg.routine', datasources: { payload: { pointCodes: [1, null, '<svg>', 'BL 99'] } } },
    ];
    for (const directive of bad) expect(directiveSvg(directive)).toBeUndefined();
    // An unknown side is ignored: the point is drawn as for no side at all.
    expect(
      directiveSvg({
        token: 'ppg.routine',
        datasources: { payload: { pointCodes: ['BL23'], sideId: 'up' } },
      }),
    ).toBe(routineSvg(step({ side: undefined })));
  });

  it('through the real skill: "where is kunlun" on the screen device comes with the BL 60 diagram', async () => {
    const simulator = new Simulator({
      skill: buildSkill({ persistenceAdapter: new MemoryPersistenceAdapter() }),
      model,
      renderVisual: render,
    });
    const screen = simulator.open({ device: 'screen' });
    const reply = await simulator.say(screen.id, 'where is kunlun');
    expect(reply.visual?.token).toBe('ppg.point.BL60');
    expect(reply.visual?.svg).toBe(pointSvg('BL 60'));
    expect(reply.visual?.svg).toMatch(/class="mark"/);

    const speaker = simulator.open({ device: 'speaker' });
    expect((await simulator.say(speaker.id, 'where is kunlun')).visual).toBeUndefined();
  });
});
