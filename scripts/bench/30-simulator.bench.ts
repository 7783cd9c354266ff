/** The simulator: understanding typed words, a whole simulated turn, and memory per kept session. */
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { interactionModel } from '../../simulator/model';
import { ModelMatcher } from '../../simulator/nlu';
import { Simulator } from '../../simulator/simulator';
import { buildSkill } from '../../lambda/src/skill';
import type { BenchSection } from './index';
import { percentile, timeEach } from './stats';

export async function run(): Promise<BenchSection> {
  process.env.LOG_LEVEL ??= 'silent';
  const matcher = new ModelMatcher(interactionModel);
  const phrases = ['where is kunlun', 'which point helps sciatica', 'tell me more', 'play some jazz'];
  let i = 0;
  const understand = await timeEach(5000, () => matcher.understand(phrases[i++ % phrases.length]));

  const persistenceAdapter = new MemoryPersistenceAdapter();
  const simulator = new Simulator({ skill: buildSkill({ persistenceAdapter }), model: interactionModel });
  const { id } = simulator.open();
  const turns = await timeEach(2000, () => simulator.say(id, 'where is kunlun'));

  // Memory held per simulator session, each after a two-turn conversation.
  const many = new Simulator({
    skill: buildSkill({ persistenceAdapter }),
    model: interactionModel,
    maxSessions: 1000,
  });
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  for (let n = 0; n < 1000; n++) {
    const session = many.open();
    await many.say(session.id, 'where is kunlun');
    await many.say(session.id, 'tell me more');
  }
  global.gc?.();
  const perSession = (process.memoryUsage().heapUsed - before) / 1000 / 1024;

  return {
    title: 'Simulator (in process)',
    figures: [
      { name: 'understand p50', value: percentile(understand, 50), unit: 'ms' },
      {
        name: 'understand p99',
        value: percentile(understand, 99),
        unit: 'ms',
        target: '< 5 ms',
        ok: percentile(understand, 99) < 5,
      },
      { name: 'turn p50', value: percentile(turns, 50), unit: 'ms' },
      {
        name: 'turn p99',
        value: percentile(turns, 99),
        unit: 'ms',
        target: '< 20 ms',
        ok: percentile(turns, 99) < 20,
      },
      {
        name: 'heap per kept session',
        value: perSession,
        unit: 'KB',
        target: '< 20 KB',
        ok: perSession < 20,
      },
    ],
  };
}
