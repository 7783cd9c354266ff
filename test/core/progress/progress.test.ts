import { chartDays } from '../../../lambda/src/core/progress/chart-days';
import {
  addDays,
  KEEP_DAYS,
  MAX_ENTRIES,
  readHistory,
  storedHistory,
  withEntry,
  type ProgressHistory,
} from '../../../lambda/src/core/progress/history';
import { catalogueFor } from '../../../lambda/src/core/catalogue';
import { readScore, scoreReaderFor } from '../../../lambda/src/core/progress/score';
import { noImprovement, reviewDue, routineChanges, trendOf } from '../../../lambda/src/core/progress/trend';
import type { ScoreEntry } from '../../../lambda/src/core/progress/types';

const TODAY = '2026-11-25';

describe('readScore: a pain score as people say it', () => {
  it.each([
    ['6', { kind: 'score', score: 6, rounded: false }],
    ['six', { kind: 'score', score: 6, rounded: false }],
    ['0', { kind: 'score', score: 0, rounded: false }],
    ['ten', { kind: 'score', score: 10, rounded: false }],
    ['about five', { kind: 'score', score: 5, rounded: false }],
    ['five out of ten', { kind: 'score', score: 5, rounded: false }],
    ['six and a half', { kind: 'score', score: 7, rounded: true }],
    ['6.5', { kind: 'score', score: 7, rounded: true }],
    ['4.2', { kind: 'score', score: 4, rounded: true }],
    ['eleven', { kind: 'off-scale', said: 11, nearest: 10 }],
    ['11', { kind: 'off-scale', said: 11, nearest: 10 }],
    ['minus two', { kind: 'off-scale', said: -2, nearest: 0 }],
    ['-2', { kind: 'off-scale', said: -2, nearest: 0 }],
    ['twenty one', { kind: 'off-scale', said: 21, nearest: 10 }],
    ["I don't know", { kind: 'none' }],
    ['ouch', { kind: 'none' }],
    ['?', { kind: 'none' }],
    ['', { kind: 'none' }],
    [undefined, { kind: 'none' }],
    ['9'.repeat(200), { kind: 'none' }],
  ])('"%s"', (said, reading) => {
    expect(readScore(said)).toEqual(reading);
  });
});

describe('a pain score said in German, Spanish or French', () => {
  const read = (language: string, said: string) => scoreReaderFor(catalogueFor(language).spoken).read(said);
  it.each([
    ['de', 'sechs', { kind: 'score', score: 6, rounded: false }],
    ['de', 'ungefähr fünf', { kind: 'score', score: 5, rounded: false }],
    ['de', 'sechseinhalb', { kind: 'score', score: 7, rounded: true }],
    ['de', 'sechs komma fünf', { kind: 'score', score: 7, rounded: true }],
    ['de', 'fünf von zehn', { kind: 'score', score: 5, rounded: false }],
    ['de', 'elf', { kind: 'off-scale', said: 11, nearest: 10 }],
    ['de', 'minus zwei', { kind: 'off-scale', said: -2, nearest: 0 }],
    ['de', 'einundzwanzig', { kind: 'off-scale', said: 21, nearest: 10 }],
    ['de', 'schmerzfrei', { kind: 'score', score: 0, rounded: false }],
    ['de', 'keine Ahnung', { kind: 'none' }],
    ['es', 'seis', { kind: 'score', score: 6, rounded: false }],
    ['es', 'seis y medio', { kind: 'score', score: 7, rounded: true }],
    ['es', 'seis de diez', { kind: 'score', score: 6, rounded: false }],
    ['es', 'once', { kind: 'off-scale', said: 11, nearest: 10 }],
    ['es', 'menos dos', { kind: 'off-scale', said: -2, nearest: 0 }],
    ['es', 'no sé', { kind: 'none' }],
    ['fr', 'six', { kind: 'score', score: 6, rounded: false }],
    ['fr', 'six et demi', { kind: 'score', score: 7, rounded: true }],
    ['fr', 'sept sur dix', { kind: 'score', score: 7, rounded: false }],
    ['fr', 'onze', { kind: 'off-scale', said: 11, nearest: 10 }],
    ['fr', 'moins deux', { kind: 'off-scale', said: -2, nearest: 0 }],
    ['fr', 'vingt-et-un', { kind: 'off-scale', said: 21, nearest: 10 }],
    ['fr', 'je ne sais pas', { kind: 'none' }],
    ['fr', '6,5', { kind: 'score', score: 7, rounded: true }],
  ])('%s "%s"', (language, said, reading) => {
    expect(read(language, said)).toEqual(reading);
  });

  it('reads English number words only in English', () => {
    // "six" is French too; "eleven" and "minus two" are not German.
    expect(read('de', 'eleven')).toEqual({ kind: 'none' });
    expect(read('de', 'minus two').kind).toBe('none');
    expect(read('en', 'sechs')).toEqual({ kind: 'none' });
  });

  it('knows a number phrase (an AMAZON.NUMBER fill) from other words', () => {
    const de = scoreReaderFor(catalogueFor('de').spoken);
    expect(['sechs', 'minus zwei', 'sechseinhalb', '6'].map((w) => de.isNumberPhrase(w))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['nächster', 'der vorherige', 'keine Ahnung'].map((w) => de.isNumberPhrase(w))).toEqual([
      false,
      false,
      false,
    ]);
  });
});

function daily(days: number, score: (i: number) => [number, number], routine = 'evening'): ScoreEntry[] {
  return Array.from({ length: days }, (_, i) => {
    const [before, after] = score(i);
    return { date: addDays(TODAY, -(days - 1 - i)), routine, before, after };
  });
}

describe('the stored history', () => {
  it('keeps only date, routine and scores, in the current schema', () => {
    const history = withEntry(
      { consent: 'yes', scores: [] },
      { date: TODAY, routine: 'quick', before: 6 },
      TODAY,
    );
    expect(storedHistory(history)).toEqual({ v: 1, consent: 'yes', scores: [[TODAY, 'quick', 6, null]] });
  });

  it('stores no score without a yes', () => {
    const history = withEntry(
      { consent: 'no', scores: [] },
      { date: TODAY, routine: 'quick', before: 6 },
      TODAY,
    );
    expect(storedHistory(history).scores).toEqual([]);
  });

  it('reads back what it wrote, unchanged and not in need of repair', () => {
    const history = {
      consent: 'yes' as const,
      off: true,
      reviewed: '2026-11-20',
      scores: daily(30, () => [6, 4]),
    };
    const again = readHistory(JSON.parse(JSON.stringify(storedHistory(history))), TODAY);
    expect(again).toEqual({ history, repaired: false });
  });

  it('migrates schema 0 (a bare list of objects, or a record without a version)', () => {
    const old = [{ date: '2026-11-20', routine: 'sciatica', before: 6, after: 4 }];
    expect(readHistory(old, TODAY)).toEqual({
      history: { consent: 'yes', scores: [{ date: '2026-11-20', routine: 'sciatica', before: 6, after: 4 }] },
      repaired: true,
    });
    expect(readHistory({ consent: true, scores: old }, TODAY).history.scores).toHaveLength(1);
  });

  it.each([
    ['a string', 'corrupt'],
    ['a number', 42],
    ['null', null],
    ['scores not a list', { v: 1, consent: 'yes', scores: 'lots' }],
    ['a huge list', { v: 1, consent: 'yes', scores: new Array(6000).fill(0) }],
  ])('ignores a corrupt field (%s) and repairs it', (_, raw) => {
    expect(readHistory(raw, TODAY)).toEqual({
      history: expect.objectContaining({ scores: [] }),
      repaired: true,
    });
  });

  it('drops entries that do not check out and keeps the rest', () => {
    const raw = {
      v: 1,
      consent: 'yes',
      scores: [
        ['2026-11-20', 'evening', 6, 4],
        ['2026-02-30', 'evening', 6, 4], // no such date
        ['2026-11-21', 'unknown-routine', 6, 4],
        ['2026-11-21', 'evening', 11, 4], // off the scale
        ['2026-11-21', 'evening', 5.5, 4], // not a whole number
        ['2026-11-22', 'evening', null, null], // no score
        ['2027-06-01', 'evening', 6, 4], // in the future
        ['<script>', 'evening', 6, 4],
        { date: '2026-11-23', routine: 'quick', after: 3 },
        'junk',
      ],
    };
    const { history, repaired } = readHistory(raw, TODAY);
    expect(repaired).toBe(true);
    expect(history.scores).toEqual([
      { date: '2026-11-20', routine: 'evening', before: 6, after: 4 },
      { date: '2026-11-23', routine: 'quick', after: 3 },
    ]);
  });

  it('drops stored scores that have no yes behind them', () => {
    const { history, repaired } = readHistory(
      { v: 1, consent: 'no', scores: [[TODAY, 'quick', 5, 4]] },
      TODAY,
    );
    expect(history.scores).toEqual([]);
    expect(repaired).toBe(true);
  });

  it(`prunes scores older than ${KEEP_DAYS} days and caps the list at ${MAX_ENTRIES}`, () => {
    const year = daily(365, () => [6, 4]);
    const { history } = readHistory(
      { v: 1, consent: 'yes', scores: storedHistory({ consent: 'yes', scores: year }).scores },
      TODAY,
    );
    expect(history.scores).toHaveLength(KEEP_DAYS);
    expect(history.scores[0].date).toBe(addDays(TODAY, -(KEEP_DAYS - 1)));
    const busy = [...daily(150, () => [6, 4], 'evening'), ...daily(150, () => [5, 3], 'quick')];
    const capped = withEntry(
      { consent: 'yes', scores: busy },
      { date: TODAY, routine: 'morning', before: 2 },
      TODAY,
    );
    expect(capped.scores).toHaveLength(MAX_ENTRIES);
    expect(capped.scores[capped.scores.length - 1]).toEqual({ date: TODAY, routine: 'morning', before: 2 });
  });

  it('a year of daily use stays under 20 KB once stored', () => {
    let history: ProgressHistory = { consent: 'yes', scores: [] };
    for (let i = 364; i >= 0; i--) {
      const day = addDays(TODAY, -i);
      history = withEntry(history, { date: day, routine: 'disc-pain', before: 10, after: 10 }, day);
      history = withEntry(history, { date: day, routine: 'general', before: 10, after: 10 }, day);
    }
    expect(Buffer.byteLength(JSON.stringify(storedHistory(history)))).toBeLessThan(20 * 1024);
  });
});

describe('the trend', () => {
  it('averages over 7 and 28 days, counts days practised and routine changes', () => {
    const entries: ScoreEntry[] = [
      ...daily(28, (i) => (i < 21 ? [8, 6] : [4, 3]), 'evening'),
      { date: TODAY, routine: 'quick', before: 4, after: 4 },
    ];
    const trend = trendOf(entries, TODAY);
    expect(trend.week).toBeCloseTo(4);
    expect(trend.month).toBeCloseTo((21 * 8 + 8 * 4) / 29);
    expect(trend.daysThisWeek).toBe(7);
    expect(trend.daysThisMonth).toBe(28);
    expect(trend.scores).toBe(58);
    expect(trend.changes[0]).toEqual({
      routine: 'evening',
      change: expect.closeTo((21 * -2 + 7 * -1) / 28),
      sessions: 28,
    });
    expect(trend.changes[1]).toEqual({ routine: 'quick', change: 0, sessions: 1 });
  });

  it('counts no change for sessions with a skipped score', () => {
    expect(routineChanges([{ date: TODAY, routine: 'quick', before: 5 }])).toEqual([]);
  });
});

describe('the 4–6 week rule', () => {
  const flat = daily(30, () => [6, 5]);
  const rising = daily(35, (i) => [4 + Math.floor(i / 10), 4]);
  const easing = daily(35, (i) => [i < 14 ? 7 : 4, 3]);

  it('fires on four weeks of no improvement or rising scores', () => {
    expect(noImprovement(flat, TODAY)).toBe(true);
    expect(noImprovement(rising, TODAY)).toBe(true);
  });

  it('does not fire when scores eased, or before four weeks of them', () => {
    expect(noImprovement(easing, TODAY)).toBe(false);
    expect(
      noImprovement(
        daily(20, () => [6, 6]),
        TODAY,
      ),
    ).toBe(false);
    expect(noImprovement([], TODAY)).toBe(false);
  });

  it('is said at most once a week', () => {
    expect(reviewDue(flat, TODAY, addDays(TODAY, -3))).toBe(false);
    expect(reviewDue(flat, TODAY, addDays(TODAY, -7))).toBe(true);
    expect(reviewDue(flat, TODAY)).toBe(true);
  });
});

describe('chartDays', () => {
  it('gives the days practised in the last 28, oldest first, with the day averages and routines', () => {
    const entries: ScoreEntry[] = [
      { date: TODAY, routine: 'evening', before: 6, after: 4 },
      { date: TODAY, routine: 'quick', before: 5 },
      { date: addDays(TODAY, -3), routine: 'quick', after: 2 },
      { date: addDays(TODAY, -40), routine: 'quick', before: 9, after: 9 },
    ];
    const days = chartDays(entries, TODAY);
    expect(days).toEqual([
      { date: addDays(TODAY, -3), after: 2, routines: ['quick'] },
      { date: TODAY, before: 5.5, after: 4, routines: ['evening', 'quick'] },
    ]);
    expect(chartDays(entries, TODAY, 2)).toEqual([days[1]]);
  });
});
