import { addDays, chartDays } from '../../lambda/src/core/progress/chart-days';
import type { ScoreEntry } from '../../lambda/src/core/progress/types';
import { translatorFor } from '../../lambda/src/i18n';
import {
  CHART_WINDOW,
  progressChartData,
  progressChartDirective,
} from '../../lambda/src/display/progress-chart';
import { aplProblems, viewportProblems } from '../support/apl';

const t = translatorFor('en-US');
const today = '2026-11-25';

/** `n` days of check-ins ending today, every other day skipped when `gaps`. */
function entries(n: number): ScoreEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    date: addDays(today, -i),
    routine: i % 3 === 0 ? 'evening' : 'quick',
    before: 4 + (i % 5),
    after: 2 + (i % 4),
  }));
}

describe('progress chart document', () => {
  it.each([0, 2, 3, 28])('with %i days of data is valid APL for every declared viewport', async (n) => {
    const days = chartDays(entries(n), today);
    const directive = progressChartDirective(progressChartData(t, 'en-US', days, today));
    console.log(n, Buffer.byteLength(JSON.stringify(directive)));
    expect(await aplProblems(directive.document, directive.datasources)).toEqual([]);
    expect(viewportProblems(directive.document)).toEqual([]);
  });
});
void CHART_WINDOW;
