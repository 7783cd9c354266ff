import {
  getCondition,
  getRedFlag,
  safetyProfile,
  strictestAnswer,
  strictestCare,
  type Condition,
  type RedFlag,
} from '../../../lambda/src/core/safety';
import type { PointCode } from '../../../lambda/src/core/types';

const code = (c: string) => c as PointCode;
const flag = (id: string): RedFlag => getRedFlag(id)!;
const condition = (id: string): Condition => getCondition(id)!;

describe('strictestAnswer: a point asked about without naming a condition', () => {
  it('with nothing said, a point gets the general answer', () => {
    const result = strictestAnswer(safetyProfile([]), code('BL 23'));
    expect(result).toMatchObject({ grade: 'yes-with-care', condition: undefined, point: 'BL 23' });
  });

  it('takes the strictest condition of the profile for that point, whatever order they were said in', () => {
    // Osteoporosis: BL 23 as a palm hold (lighter); back surgery: BL 23 is ruled out (skip).
    for (const ids of [
      ['osteoporosis', 'back-surgery'],
      ['back-surgery', 'osteoporosis'],
    ]) {
      const result = strictestAnswer(safetyProfile(ids), code('BL 23'));
      expect(result.grade).toBe('skip-points');
      expect(result.condition).toBe(condition('back-surgery'));
      expect(result.avoid).toEqual(['BL 23']);
    }
  });

  it('a condition that does not touch the point leaves the milder answer', () => {
    const result = strictestAnswer(safetyProfile(['varicose-veins']), code('BL 23'));
    expect(result.grade).toBe('yes-with-care');
    expect(strictestAnswer(safetyProfile(['varicose-veins']), code('BL 40')).grade).toBe('skip-points');
  });

  it('a condition the skill has no rules for counts as check-first, above lighter, below get-help', () => {
    expect(strictestAnswer(safetyProfile(['osteoporosis'], [], true), code('BL 23'))).toMatchObject({
      grade: 'check-first',
      condition: 'unknown',
      breathingOnly: true,
    });
    expect(strictestAnswer(safetyProfile(['fracture'], [], true)).grade).toBe('get-help');
  });

  it('a stop-tier condition always means get help, with its care level', () => {
    expect(strictestAnswer(safetyProfile(['frail', 'fever']), code('BL 23'))).toMatchObject({
      grade: 'get-help',
      care: 'urgent',
    });
  });
});

describe('strictestCare: the care what blocks routines needs', () => {
  it('is an emergency when any red flag is one, else urgent care', () => {
    expect(strictestCare([flag('night-pain'), flag('saddle-numbness')])).toBe('emergency');
    expect(strictestCare([flag('saddle-numbness'), flag('night-pain')])).toBe('emergency');
    expect(strictestCare([flag('night-pain'), condition('fever')])).toBe('urgent');
    expect(strictestCare([condition('fracture')])).toBe('urgent');
  });
});
