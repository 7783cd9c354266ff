/** Warm, in-process latency of "is it safe if…" through the real skill, and of routine adjustment. */
import { routines } from '../../lambda/src/core/catalogue';
import { adjustRoutine, conditions, safetyProfile } from '../../lambda/src/core/safety';
import { buildSkill } from '../../lambda/src/skill';
import { intentRequest } from '../../simulator/envelope';
import { readModel } from '../generate-model';
import type { BenchSection } from './index';
import { percentile, timeEach } from './stats';

export async function run(): Promise<BenchSection> {
  process.env.LOG_LEVEL ??= 'silent';
  const model = readModel();
  const skill = buildSkill();
  const question = intentRequest(model, 'SafetyCheckIntent', { condition: 'pregnant', point: 'kunlun' });
  const asked = await timeEach(5000, () => skill.invoke(question));
  const largest = Math.max(
    ...(await Promise.all(
      conditions.map(async (c) =>
        Buffer.byteLength(
          JSON.stringify(
            await skill.invoke(intentRequest(model, 'SafetyCheckIntent', { condition: c.synonyms[0] })),
          ),
        ),
      ),
    )),
  );
  const everything = safetyProfile(
    conditions.filter((c) => c.tier !== 'stop' && !c.breathingOnly).map((c) => c.id),
  );
  const adjusted = await timeEach(20000, () => {
    for (const r of routines) adjustRoutine(r, everything);
  });
  return {
    title: 'Safety (in process)',
    figures: [
      { name: '"is it safe" p50', value: percentile(asked, 50), unit: 'ms' },
      { name: '"is it safe" p99', value: percentile(asked, 99), unit: 'ms' },
      { name: 'largest answer', value: largest, unit: 'bytes', target: '< 24 KB', ok: largest < 24 * 1024 },
      {
        name: `adjust ${routines.length} routines, p99`,
        value: percentile(adjusted, 99),
        unit: 'ms',
        target: '< 1 ms',
        ok: percentile(adjusted, 99) < 1,
      },
    ],
  };
}
