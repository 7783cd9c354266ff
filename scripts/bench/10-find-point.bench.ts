/** Warm, in-process latency of "find a point" through the real skill object. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSkill } from '../../lambda/src/skill';
import { intentRequest, type InteractionModelJson } from '../../lambda/src/simulator/envelope';
import type { BenchSection } from './index';
import { percentile, timeEach } from './stats';

export async function run(): Promise<BenchSection> {
  process.env.LOG_LEVEL ??= 'silent';
  const model = JSON.parse(
    readFileSync(path.join(__dirname, '../../skill-package/interactionModels/custom/en-US.json'), 'utf8'),
  ) as InteractionModelJson;
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
