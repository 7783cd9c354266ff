import { addDays, chartDays, daysBetween } from '../../../lambda/src/core/progress/chart-days';
import type { ScoreEntry } from '../../../lambda/src/core/progress/types';

const today = '2026-11-25';

describe('chartDays', () => {
  it('averages each day before and after, to one decimal, and names its routines in the order done', () => {
    const entries: ScoreEntry[] = [
      { date: '2026-11-24', routine: 'evening', before: 6, after: 4 },
      { date: '2026-11-24', routine: 'quick', before: 5, after: 4 },
      { date: '2026-11-24', routine: 'evening', before: 7, after: 2 },
      { date: '2026-11-20', routine: 'sciatica', before: 8 },
    ];
    expect(chartDays(entries, today)).toEqual([
      { date: '2026-11-20', before: 8, routines: ['sciatica'] },
      { date: '2026-11-24', before: 6, after: 3.3, routines: ['evening', 'quick'] },
    ]);
  });

  it('keeps only the last 28 days, today included, and leaves out days without a check-in', () => {
    const entries: ScoreEntry[] = [
      { date: addDays(today, -28), routine: 'quick', before: 5, after: 3 },
      { date: addDays(today, -27), routine: 'quick', before: 5, after: 3 },
      { date: today, routine: 'quick', before: 4, after: 2 },
      { date: addDays(today, 1), routine: 'quick', before: 4, after: 2 },
    ];
    expect(chartDays(entries, today).map((d) => d.date)).toEqual(['2026-10-29', '2026-11-25']);
    expect(chartDays(entries, today, 7).map((d) => d.date)).toEqual(['2026-11-25']);
  });

  it('keeps a day practised with both scores skipped, with its routine and no scores', () => {
    expect(chartDays([{ date: today, routine: 'morning' }], today)).toEqual([
      { date: today, routines: ['morning'] },
    ]);
  });

  it('ignores a corrupt entry: a date that is not a date, a score off the scale, no routine', () => {
    const entries = [
      { date: '2026-02-30', routine: 'quick', before: 5 },
      { date: 'yesterday', routine: 'quick', before: 5 },
      { date: '2026-11-23', routine: '', before: 5 },
      { date: '2026-11-23', routine: 'quick', before: 11, after: Number.NaN },
      { date: '2026-11-22', routine: 'quick', before: -1, after: 3 },
    ] as ScoreEntry[];
    expect(chartDays(entries, today)).toEqual([
      { date: '2026-11-22', after: 3, routines: ['quick'] },
      { date: '2026-11-23', routines: ['quick'] },
    ]);
  });

  it('gives nothing for a today that is not a date, or a window of no days', () => {
    const entries: ScoreEntry[] = [{ date: today, routine: 'quick', before: 5 }];
    expect(chartDays(entries, 'today')).toEqual([]);
    expect(chartDays(entries, today, 0)).toEqual([]);
  });

  it('counts days across a month end and a leap day', () => {
    expect(daysBetween('2028-02-27', '2028-03-01')).toBe(3);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });
});
