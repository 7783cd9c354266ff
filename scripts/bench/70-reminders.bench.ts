/**
 * Time to a spoken answer for reminder turns, through the real skill in process, against the local
 * Reminders/settings API (simulator/alexa-api.ts) on 127.0.0.1: answering, refusing (429), garbled,
 * and hung (the time zone, the reminder call, or both). The reminder calls of a turn share a
 * budget (REMINDERS_BUDGET_MS), far inside Alexa's 8 s.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import { REMINDERS_BUDGET_MS } from '../../lambda/src/handlers/reminders/api';
import { REMINDERS_SCOPE } from '../../lambda/src/core/reminder-time';
import { buildSkill } from '../../lambda/src/skill';
import { FakeAlexaApi, type Behaviour, type Operation } from '../../simulator/alexa-api';
import { intentRequest } from '../../simulator/envelope';
import { readModel } from '../generate-model';
import type { BenchSection, Figure } from './index';
import { percentile } from './stats';

export async function run(): Promise<BenchSection> {
  process.env.LOG_LEVEL ??= 'silent';
  const model = readModel();
  const api = await new FakeAlexaApi().start();
  const skill = buildSkill();
  const request = (intent: string, slots: Record<string, string> = {}): RequestEnvelope =>
    intentRequest(model, intent, slots, { apiEndpoint: api.url, grantedScopes: [REMINDERS_SCOPE] });
  const set = () => request('SetReminderIntent', { time: '9', part: 'evening' });
  const list = () => request('ListRemindersIntent');

  const cases: Array<[string, () => RequestEnvelope, Partial<Record<Operation, Behaviour>>, number]> = [
    ['set, API answering', set, {}, 20],
    ['list, API answering', list, {}, 20],
    ['set, 429', set, { create: 429 }, 10],
    ['set, garbled answer', set, { create: 'garbage' }, 10],
    ['set, time zone hung', set, { timeZone: 'hang' }, 3],
    ['set, reminder call hung', set, { create: 'hang' }, 3],
    ['set, both hung', set, { timeZone: 'hang', create: 'hang' }, 3],
    ['list, hung', list, { list: 'hang' }, 3],
  ];
  const figures: Figure[] = [];
  try {
    for (const [label, make, behaviour, rounds] of cases) {
      api.reset({ reminders: true });
      Object.assign(api.behaviour, behaviour);
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const started = process.hrtime.bigint();
        await skill.invoke(make());
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      const max = Math.max(...times);
      figures.push(
        { name: `${label} p50`, value: percentile(times, 50), unit: 'ms' },
        {
          name: `${label} max (${rounds} turns)`,
          value: max,
          unit: 'ms',
          target: `< ${REMINDERS_BUDGET_MS} ms`,
          ok: max < REMINDERS_BUDGET_MS,
        },
      );
    }
  } finally {
    await api.stop();
  }
  return { title: 'Reminders: time to a spoken answer (local Reminders API)', figures };
}
