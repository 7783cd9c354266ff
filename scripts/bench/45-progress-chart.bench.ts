/**
 * The progress chart (issue 14): the size of the RenderDocument sent for the fullest 28 days (two
 * routines a day, before and after each) and for none, the whole "show my progress" response on a
 * screen device, and how long the skill takes to answer it.
 */
import { addDays, chartDays } from '../../lambda/src/core/progress/chart-days';
import type { ScoreEntry } from '../../lambda/src/core/progress/types';
import { progressChartData, progressChartDirective } from '../../lambda/src/display/progress-chart';
import { translatorFor } from '../../lambda/src/i18n';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { buildSkill } from '../../lambda/src/skill';
import { intentRequest } from '../../simulator/envelope';
import { readModel } from '../generate-model';
import type { BenchSection } from './index';
import { percentile, timeEach } from './stats';

/** Alexa's limit on a whole response. */
const RESPONSE_BUDGET_BYTES = 24 * 1024;
const TODAY = '2026-11-25';

export async function run(): Promise<BenchSection> {
  process.env.LOG_LEVEL ??= 'silent';
  const t = translatorFor('en-US');
  const full: ScoreEntry[] = Array.from({ length: 56 }, (_, i) => ({
    date: addDays(TODAY, -Math.floor(i / 2)),
    routine: i % 2 ? 'evening' : 'sciatica',
    before: 3 + (i % 7) + 0.5,
    after: 1 + (i % 5),
  }));
  const bytes = (entries: ScoreEntry[]) =>
    Buffer.byteLength(
      JSON.stringify(progressChartDirective(progressChartData(t, 'en-US', chartDays(entries, TODAY), TODAY))),
      'utf8',
    );
  const store = new MemoryPersistenceAdapter();
  const request = intentRequest(
    readModel(),
    'ShowProgressIntent',
    {},
    {
      device: { screen: true },
      timestamp: `${TODAY}T18:00:00Z`,
    },
  );
  await store.saveAttributes(request, { scores: full });
  const skill = buildSkill({ persistenceAdapter: store });
  const response = await skill.invoke(request);
  const responseBytes = Buffer.byteLength(JSON.stringify(response), 'utf8');
  const times = await timeEach(1000, () => skill.invoke(request));
  return {
    title: 'Progress chart (in process)',
    figures: [
      { name: 'chart directive, 28 full days', value: bytes(full), unit: 'B' },
      { name: 'chart directive, no days', value: bytes([]), unit: 'B' },
      {
        name: '"show my progress" response, 28 full days',
        value: responseBytes,
        unit: 'B',
        target: `< ${RESPONSE_BUDGET_BYTES} B`,
        ok: responseBytes < RESPONSE_BUDGET_BYTES,
      },
      { name: '"show my progress" on a screen, p50', value: percentile(times, 50), unit: 'ms' },
      { name: '"show my progress" on a screen, p99', value: percentile(times, 99), unit: 'ms' },
    ],
  };
}
