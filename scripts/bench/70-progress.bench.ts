/**
 * Pain check-ins (issue 14): how big the stored user record gets over a year of daily use (target
 * under 20 KB: scores are pruned to 180 days and capped), how long reading and migrating it takes,
 * and how many words the progress answers take through the real skill (target: the answer itself
 * in at most 35 words, a returning launch in at most 25).
 */
import { performance } from 'node:perf_hooks';
import {
  addDays,
  readHistory,
  storedHistory,
  withEntry,
  type ProgressHistory,
} from '../../lambda/src/core/progress/history';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { ssmlToText } from '../../lambda/src/speech/ssml';
import { buildSkill } from '../../lambda/src/skill';
import { intentRequest, launchRequest } from '../../simulator/envelope';
import { readModel } from '../generate-model';
import type { BenchSection, Figure } from './index';

const TODAY = '2026-11-25';
const KB = 1024;

/** The whole user record after `days` days of `perDay` check-ins (the worst scores take the most digits). */
function yearRecord(perDay: number, days = 365): Record<string, unknown> {
  const routines = ['general', 'disc-pain', 'stiffness', 'sciatica'];
  let history: ProgressHistory = { consent: 'yes', scores: [] };
  for (let i = days - 1; i >= 0; i--) {
    const day = addDays(TODAY, -i);
    for (let n = 0; n < perDay; n++)
      history = withEntry(
        history,
        { date: day, routine: routines[n % routines.length], before: 10, after: 10 },
        day,
      );
  }
  return {
    welcomed: true,
    routinesHeard: true,
    holdScale: 1.25,
    health: { conditions: ['warfarin', 'osteoporosis'] },
    progress: { ...storedHistory(history), reviewed: TODAY, off: true },
  };
}

const words = (ssml: string) => ssmlToText(ssml).split(/\s+/).filter(Boolean).length;

export async function run(): Promise<BenchSection> {
  process.env.LOG_LEVEL ??= 'silent';
  const figures: Figure[] = [];
  for (const perDay of [1, 3]) {
    const bytes = Buffer.byteLength(JSON.stringify(yearRecord(perDay)));
    figures.push({
      name: `user record after a year of ${perDay} check-in${perDay > 1 ? 's' : ''} a day`,
      value: bytes / KB,
      unit: 'KB',
      target: '< 20 KB',
      ok: bytes < 20 * KB,
    });
  }
  // Each reading is of a fresh copy, as a request reads it from the store (repeat reads of one
  // stored object in a request are cached).
  const runs = 500;
  const records = Array.from({ length: runs }, () => structuredClone(yearRecord(3).progress));
  const started = performance.now();
  for (const progress of records) readHistory(progress, TODAY);
  figures.push({
    name: 'read and check that record, first read (mean)',
    value: (performance.now() - started) / runs,
    unit: 'ms',
  });
  const oldLists = Array.from({ length: runs }, () =>
    (yearRecord(1).progress as { scores: [string, string, number, number][] }).scores.map(
      ([date, routine, before, after]) => ({ date, routine, before, after }),
    ),
  );
  const migrateStart = performance.now();
  for (const old of oldLists) readHistory(old, TODAY);
  figures.push({
    name: 'migrate a schema-0 list of 180 (mean)',
    value: (performance.now() - migrateStart) / runs,
    unit: 'ms',
  });

  // Answers through the real skill, for a user with 30 days of scores.
  const model = readModel();
  const store = new MemoryPersistenceAdapter();
  const skill = buildSkill({ persistenceAdapter: store });
  const userId = 'amzn1.ask.account.BENCH-PROGRESS';
  const scores = Array.from({ length: 30 }, (_, i) => [
    addDays(TODAY, -i),
    i % 3 ? 'evening' : 'quick',
    6 - (i % 4),
    3,
  ]);
  await store.saveAttributes(launchRequest({ userId }), {
    welcomed: true,
    routinesHeard: true,
    progress: { v: 1, consent: 'yes', scores, reviewed: TODAY },
  });
  const timestamp = `${TODAY}T08:00:00Z`;
  const said = async (request: ReturnType<typeof launchRequest>) => {
    const response = await skill.invoke(request);
    const speech = response.response?.outputSpeech;
    return speech && speech.type === 'SSML' ? speech.ssml : '';
  };
  figures.push({
    name: 'returning launch with history (words)',
    value: words(await said(launchRequest({ userId, timestamp }))),
    unit: 'words',
    target: '<= 25',
  });
  for (const [intent, label] of [
    ['ProgressIntent', '"how am I doing"'],
    ['ProgressWeekIntent', '"how was my week"'],
    ['ProgressBestIntent', '"what helped me most"'],
  ]) {
    const ssml = await said(intentRequest(model, intent, {}, { userId, timestamp }));
    // The answer, without the closing question ("What would you like to do next?").
    const answer = words(ssml.replace(/What would you like to do next\?/, ''));
    figures.push({
      name: `${label} answer (words)`,
      value: answer,
      unit: 'words',
      target: '<= 35',
      ok: answer <= 35,
    });
  }
  const last = figures.find((f) => f.name.startsWith('returning launch'));
  if (last) last.ok = last.value <= 25;
  return { title: 'Progress (pain check-ins)', figures };
}
