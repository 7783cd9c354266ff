/** Screens: "find a point" on an Echo Show (answer plus APL document), and the size of what is sent. */
import { points } from '../../lambda/src/core/catalogue';
import { pointDirective } from '../../lambda/src/display/apl';
import { routineDirective } from '../../lambda/src/display/routine-document';
import { translatorFor } from '../../lambda/src/i18n';
import { buildSkill } from '../../lambda/src/skill';
import { intentRequest } from '../../simulator/envelope';
import { readModel } from '../generate-model';
import type { BenchSection } from './index';
import { percentile, timeEach } from './stats';

/** Alexa accepts responses up to 120 KB; a screen document should leave most of it for speech. */
const DOCUMENT_BUDGET_BYTES = 24 * 1024;

export async function run(): Promise<BenchSection> {
  process.env.LOG_LEVEL ??= 'silent';
  const model = readModel();
  const skill = buildSkill();
  const request = intentRequest(
    model,
    'FindPointIntent',
    { point: 'g b thirty' },
    { device: { screen: true } },
  );
  const times = await timeEach(5000, () => skill.invoke(request));
  const t = translatorFor('en-US');
  const pointBytes = Math.max(...points.map((p) => JSON.stringify(pointDirective(t, p)).length));
  const routineBytes = JSON.stringify(
    routineDirective(t, {
      routineName: 'Evening wind-down',
      step: 2,
      stepCount: 6,
      points: ['BL 23', 'BL 52'],
      side: 'both',
      hold: { offsetMs: 6000, lengthMs: 120000 },
      nextPoint: 'BL 53',
      paused: false,
    }),
  ).length;
  const routineTimes = await timeEach(2000, () =>
    routineDirective(t, {
      routineName: 'Quick',
      step: 1,
      stepCount: 4,
      points: ['BL 60'],
      side: 'left',
      paused: false,
    }),
  );
  return {
    title: 'Screens (in process)',
    figures: [
      { name: 'find a point with APL, p50', value: percentile(times, 50), unit: 'ms' },
      { name: 'find a point with APL, p99', value: percentile(times, 99), unit: 'ms' },
      { name: 'routine document build, p50', value: percentile(routineTimes, 50), unit: 'ms' },
      {
        name: 'largest point directive',
        value: pointBytes,
        unit: 'B',
        target: `< ${DOCUMENT_BUDGET_BYTES} B`,
        ok: pointBytes < DOCUMENT_BUDGET_BYTES,
      },
      {
        name: 'routine directive',
        value: routineBytes,
        unit: 'B',
        target: `< ${DOCUMENT_BUDGET_BYTES} B`,
        ok: routineBytes < DOCUMENT_BUDGET_BYTES,
      },
    ],
  };
}
