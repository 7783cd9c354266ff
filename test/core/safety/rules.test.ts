import {
  answer,
  conditions,
  getCondition,
  healthSpokenForms,
  redFlags,
  resolveHealth,
  triage,
  type Grade,
  type Tier,
} from '../../../lambda/src/core/safety';
import { getPoint, points } from '../../../lambda/src/core/catalogue';
import { resolveSlotValue } from '../../../simulator/envelope';
import { model } from '../../support/model';

const types = model.interactionModel.languageModel.types ?? [];
const slotType = (name: string) => types.find((t) => t.name === name)!;

const TIER_GRADE: Record<Tier, Grade> = {
  stop: 'get-help',
  dont: 'skip-points',
  light: 'lighter',
  check: 'check-first',
};

describe('conditions (domain reference 3.3)', () => {
  it.each(conditions.map((c) => [c.id, c] as const))(
    '%s: every spoken form resolves to it, in the skill and in the model',
    (_id, condition) => {
      for (const form of healthSpokenForms(condition)) {
        expect(resolveHealth(form)).toEqual({ kind: 'condition', condition });
        expect(resolveSlotValue(slotType('ConditionName'), form)?.id).toBe(condition.id);
      }
    },
  );

  it.each(conditions.map((c) => [c.id, c.tier] as const))(
    '%s (%s) gets the answer of its tier',
    (id, tier) => {
      const result = answer(getCondition(id)!);
      expect(result.grade).toBe(TIER_GRADE[tier]);
      if (tier === 'stop') expect(result.care).toMatch(/^(emergency|urgent)$/);
      else expect(result.avoid).toEqual(getCondition(id)!.avoid);
    },
  );

  it('every ruled-out point is a catalogue point', () => {
    for (const c of conditions)
      for (const code of [...c.avoid, ...c.palmsInstead]) expect(getPoint(code)).toBeDefined();
  });

  it('pregnancy (rule 3.2): breathing only, and every listed point, hand and abdominal points included, is avoided', () => {
    const pregnancy = resolveHealth('expecting a baby');
    expect(pregnancy?.kind).toBe('condition');
    const condition = getCondition('pregnancy')!;
    expect(condition.breathingOnly).toBe(true);
    expect([...condition.avoid].sort()).toEqual(
      ['LI 4', 'SP 6', 'BL 60', 'BL 67', 'GB 21', 'CV 6', 'BL 23', 'BL 52', 'BL 53', 'BL 40'].sort(),
    );
    // Never a hand or abdominal point in pregnancy (E-12): every such catalogue point is on the list.
    for (const p of points.filter((p) => p.view === 'hand' || p.view === 'front'))
      expect(condition.avoid).toContain(p.code);
    expect(condition.advice).toMatch(/traditionally avoided in pregnancy/);
    expect(condition.advice).not.toMatch(/miscarriage|contraction/i);
  });

  it.each([
    ['warfarin', 'blood-thinners'],
    ['anticoagulants', 'blood-thinners'],
    ['trying to conceive', 'pregnancy'],
    ['a DVT', 'blood-clot'],
    ['numb feet', 'neuropathy'],
    ['my hip replacement', 'hip-replacement'],
    ['the flu', 'fever'],
    ['a c section', 'abdominal'],
  ])('"%s" means %s', (words, id) => {
    const match = resolveHealth(words);
    expect(match?.kind === 'condition' ? match.condition.id : match?.kind).toBe(id);
  });

  it('does not know what it was not told', () => {
    expect(resolveHealth('lupus')).toBeUndefined();
    expect(resolveHealth('')).toBeUndefined();
  });
});

describe('graded answers for a condition and a point', () => {
  const condition = (id: string) => getCondition(id)!;
  it.each([
    ['pregnancy', 'BL 60', 'skip-points', ['BL 60']],
    ['pregnancy', 'LI 4', 'skip-points', ['LI 4']],
    ['pregnancy', 'GB 30', 'check-first', []],
    ['varicose-veins', 'BL 40', 'skip-points', ['BL 40']],
    ['varicose-veins', 'BL 23', 'yes-with-care', []],
    ['hip-replacement', 'GB 30', 'skip-points', ['GB 30']],
    ['blood-thinners', 'BL 23', 'lighter', []],
    ['osteoporosis', 'BL 23', 'lighter', []],
    ['heart-condition', 'BL 60', 'check-first', []],
    ['fever', 'BL 60', 'get-help', []],
  ] as const)('%s + %s → %s', (id, code, grade, avoid) => {
    const result = answer(condition(id), code);
    expect(result.grade).toBe(grade);
    expect(result.avoid).toEqual(avoid);
  });

  it('osteoporosis swaps firm lumbar pressure for a palm hold', () => {
    expect(answer(condition('osteoporosis'), 'BL 52').palmsInstead).toEqual(['BL 52']);
  });

  it('an unknown condition is check-first with breathing only; a point alone is yes with care', () => {
    expect(answer('unknown')).toMatchObject({ grade: 'check-first', breathingOnly: true });
    expect(answer(undefined, 'BL 40').grade).toBe('yes-with-care');
  });
});

describe('red flags (domain reference section 4)', () => {
  const emergency = [
    'saddle-numbness',
    'bladder-change',
    'bowel-change',
    'sexual-change',
    'both-legs',
    'leg-weakness',
    'chest-pain',
    'aortic-aneurysm',
    'major-accident',
  ];
  /** Worth seeing a clinician, not a block (section 4: age thresholds, not better after 4 to 6 weeks). */
  const clinician = ['not-improving', 'age-over-50', 'age-under-20'];

  it.each(redFlags.map((r) => [r.id, r] as const))(
    '%s: every spoken form resolves to it, in the skill and in the model',
    (_id, flag) => {
      for (const form of healthSpokenForms(flag)) {
        expect(resolveHealth(form)).toEqual({ kind: 'red-flag', redFlag: flag });
        expect(resolveSlotValue(slotType('RedFlagName'), form)?.id).toBe(flag.id);
      }
    },
  );

  it.each(redFlags.map((r) => [r.id, r] as const))(
    '%s has the level of care the guidelines give it',
    (id, flag) => {
      const expected = emergency.includes(id)
        ? 'emergency'
        : clinician.includes(id)
          ? 'clinician'
          : id === 'under-16'
            ? 'adults-only'
            : 'urgent';
      expect(triage(flag).care).toBe(expected);
      expect(triage(flag).why).toBe(flag.why);
    },
  );

  it('cauda equina signs are all emergencies', () => {
    for (const words of [
      'numbness between my legs',
      'loss of bladder control',
      'loss of bowel control',
      'weakness in both legs',
    ])
      expect(resolveHealth(words)).toMatchObject({ kind: 'red-flag', redFlag: { care: 'emergency' } });
  });

  it('stop-tier conditions triage with their own care level', () => {
    for (const c of conditions.filter((c) => c.tier === 'stop'))
      expect(triage(c)).toEqual({ care: c.care, why: c.advice });
  });
});
