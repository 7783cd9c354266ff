import {
  getPoint,
  needs,
  points,
  pointsFor,
  resolveNeed,
  resolvePoint,
  resolveRoutine,
  routineFor,
} from '../../lambda/src/core/catalogue';
import { numberToWords, wordsToDigits } from '../../lambda/src/core/numbers';
import { normaliseSpoken } from '../../lambda/src/core/spoken-forms';

describe('resolvePoint: how people and speech recognition say codes', () => {
  const cases: Array<[string, string]> = [
    ['b l twenty three', 'BL 23'],
    ['b l 23', 'BL 23'],
    ['bl 23', 'BL 23'],
    ['BL23', 'BL 23'],
    ['bladder twenty three', 'BL 23'],
    ['bladder 23', 'BL 23'],
    ['b twenty three', 'BL 23'],
    ['B. L. 23', 'BL 23'],
    ['the BL 23 point', 'BL 23'],
    ['b 47', 'BL 52'],
    ['b forty seven', 'BL 52'],
    ['b forty-seven', 'BL 52'],
    ['b 48', 'BL 53'],
    ['b 54', 'BL 40'],
    ['b fifty four', 'BL 40'],
    ['g b thirty', 'GB 30'],
    ['gallbladder thirty', 'GB 30'],
    ['gall bladder 30', 'GB 30'],
    ['c v six', 'CV 6'],
    ['conception vessel six', 'CV 6'],
    ['ren six', 'CV 6'],
    ['l i four', 'LI 4'],
    ['large intestine 4', 'LI 4'],
    ['s p six', 'SP 6'],
    ['spleen six', 'SP 6'],
    ['b l sixty seven', 'BL 67'],
    ['g b twenty one', 'GB 21'],
    ['b l forty', 'BL 40'],
    ['b l sixty', 'BL 60'],
    ['b sixty', 'BL 60'],
    ['shenshu', 'BL 23'],
    ['sea of vitality', 'BL 23'],
    ['the sea of vitality', 'BL 23'],
    ['Kidney Shu', 'BL 23'],
    ['zhishi', 'BL 52'],
    ["will's chamber", 'BL 52'],
    ['wills chamber', 'BL 52'],
    ['womb and vitals', 'BL 53'],
    ['baohuang', 'BL 53'],
    ['commanding middle', 'BL 40'],
    ['the commanding middle', 'BL 40'],
    ['weizhong', 'BL 40'],
    ['kunlun', 'BL 60'],
    ['kunlun mountain', 'BL 60'],
    ['the kunlun mountains', 'BL 60'],
    ['huantiao', 'GB 30'],
    ['jumping circle', 'GB 30'],
    ['qihai', 'CV 6'],
    ['sea of energy', 'CV 6'],
    ['the sea of energy', 'CV 6'],
    ['hegu', 'LI 4'],
    ['shoulder well', 'GB 21'],
    ['sanyinjiao', 'SP 6'],
    ['zhiyin', 'BL 67'],
  ];
  it.each(cases)('"%s" → %s', (spoken, code) => {
    expect(resolvePoint(spoken)?.point.code).toBe(code);
  });

  it('says how each form identified the point', () => {
    expect(resolvePoint('b l 52')?.via).toBe('code');
    expect(resolvePoint('b 47')?.via).toBe('gach');
    expect(resolvePoint('sea of vitality')?.via).toBe('name');
  });

  it("maps the article's misnumbered codes to the right point, flagged as article labels", () => {
    // E-1, E-2, E-3: the article's BL 47, BL 48 and BL 54 are BL 52, BL 53 and BL 40.
    expect(resolvePoint('b l forty seven')).toMatchObject({ point: { code: 'BL 52' }, via: 'article-label' });
    expect(resolvePoint('bl 48')).toMatchObject({ point: { code: 'BL 53' }, via: 'article-label' });
    expect(resolvePoint('bladder fifty four')).toMatchObject({
      point: { code: 'BL 40' },
      via: 'article-label',
    });
  });

  it('does not invent points', () => {
    for (const spoken of ['the moon', 'bl 99', 'b 12', 'gb 31', '', '   ', 'where is']) {
      expect(resolvePoint(spoken)).toBeUndefined();
    }
  });

  it('looks points up by code or slot id, and nothing else', () => {
    expect(getPoint('BL 23')?.code).toBe('BL 23');
    expect(getPoint('BL23')?.code).toBe('BL 23');
    expect(getPoint('sea of vitality')).toBeUndefined();
    expect(getPoint('BL 47')).toBeUndefined();
  });
});

describe('needs and routines', () => {
  it('resolves spoken needs', () => {
    expect(resolveNeed('pain down my leg')?.id).toBe('sciatica');
    expect(resolveNeed('a stiff back')?.id).toBe('stiffness');
    expect(resolveNeed('slipped disc')?.id).toBe('disc-pain');
    expect(resolveNeed('the moon')).toBeUndefined();
  });

  it('lists sciatica points with GB 30 first and never the safety-only points', () => {
    expect(pointsFor('sciatica').map((p) => p.code)).toEqual(['GB 30', 'BL 53', 'BL 40']);
    for (const need of needs) {
      for (const p of pointsFor(need.id, 99)) expect(p.inRoutines).toBe(true);
    }
  });

  it('has no points for out-of-scope needs', () => {
    expect(pointsFor('headache')).toEqual([]);
  });

  it('offers a routine for every in-scope need that has one', () => {
    expect(routineFor('sciatica')?.id).toBe('sciatica');
    expect(routineFor('sleep')?.id).toBe('evening');
    expect(resolveRoutine('the evening')?.id).toBe('evening');
    expect(resolveRoutine('five minute')?.id).toBe('quick');
  });
});

describe('the catalogue follows the domain reference', () => {
  it('keys every point by WHO code and has the points the skill needs', () => {
    const codes = points.map((p) => p.code);
    for (const code of [
      'BL 23',
      'BL 52',
      'BL 53',
      'BL 40',
      'BL 60',
      'CV 6',
      'GB 30',
      'LI 4',
      'GB 21',
      'SP 6',
      'BL 67',
    ]) {
      expect(codes).toContain(code);
    }
    // E-3/E-4: the article's "BL 54 Commanding Middle" is merged into BL 40, not listed.
    expect(codes).not.toContain('BL 54');
    expect(codes).not.toContain('BL 47');
    expect(codes).not.toContain('BL 48');
  });

  it("gives B 48 its sacral location, not the article's ankle text (E-2)", () => {
    const bl53 = getPoint('BL 53')!;
    expect(`${bl53.location} ${bl53.find.short} ${bl53.find.detail}`).not.toMatch(/ankle|heel/i);
    expect(bl53.find.detail).toMatch(/sacrum/i);
  });

  it('puts GB 30 one third from the hip knob, not at the midpoint (E-8)', () => {
    const gb30 = getPoint('GB 30')!;
    expect(gb30.find.short).toMatch(/one third/);
    expect(gb30.find.short).not.toMatch(/midpoint|halfway/);
    expect(gb30.technique.short).not.toMatch(/seated|sit/i); // E-9
  });

  it('says BL 23 is two finger-widths out, two vertebrae above the hip bones (E-10)', () => {
    expect(getPoint('BL 23')!.find.short).toMatch(/two finger-widths.*two vertebrae above/);
  });

  it('marks BL 40 light and BL 60 at the outer ankle hollow (E-7)', () => {
    expect(getPoint('BL 40')!.pressure).toBe('light');
    expect(getPoint('BL 60')!.find.short).toMatch(/outer ankle bone.*Achilles/);
  });

  it('notes pregnancy cautions on every point on the pregnancy list', () => {
    for (const code of ['BL 23', 'BL 52', 'BL 53', 'BL 60', 'CV 6', 'LI 4', 'GB 21', 'SP 6', 'BL 67']) {
      expect(getPoint(code)!.cautions.join(' ')).toMatch(/pregnan/i);
    }
  });
});

describe('number words', () => {
  it('round-trips 0-99', () => {
    for (let n = 0; n < 100; n++) expect(wordsToDigits(numberToWords(n))).toBe(String(n));
  });
  it('normalises spoken codes to one key', () => {
    expect(normaliseSpoken('B. L. Twenty-Three')).toBe('bl 23');
    expect(normaliseSpoken('the bl23 pressure point')).toBe('bl 23');
  });
});
