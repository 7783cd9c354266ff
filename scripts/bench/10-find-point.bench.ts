/** Warm, in-process latency of "find a point" through the real skill object. */
import { buildSkill } from '../../lambda/src/skill';
import { intentRequest } from '../../simulator/envelope';
import { readModel } from '../generate-model';
import type { BenchSection } from './index';
import { percentile, timeEach } from './stats';

export async function run(): Promise<BenchSection> {
  process.env.LOG_LEVEL ??= 'silent';
  const model = readModel();
  const skill = buildSkill();
  const request = intentRequest(model, 'FindPointIntent', { point: 'b l twenty three' });
  const times = await timeEach(5000, () => skill.invoke(request));
  return {
    title: 'Find a point (in process, 5000 requests)',
    figures: [
      { name: 'p50', value: percentile(times, 50), unit: 'ms' },
      { name: 'p99', value: percentile(times, 99), unit: 'ms' },
    ],
  };
}
