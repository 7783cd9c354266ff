/**
 * Guided routines: the time to build one turn and render it as APL for Audio and as SSML, for every
 * turn of every routine at every hold preference; and the largest response the real skill sends
 * while playing each routine through (start, then "next" until the end), session attributes included,
 * on a speaker and on a screen device (APL for Audio plus the routine screen's APL document).
 */
import { catalogueFor, routines } from '../../lambda/src/core/catalogue';
import { HOLD_SCALES, planRoutine } from '../../lambda/src/core/routine/plan';
import { allTurns, buildTurn } from '../../lambda/src/core/routine/timeline';
import { AVAILABLE_LOCALES, translatorFor } from '../../lambda/src/i18n';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { buildSkill } from '../../lambda/src/skill';
import { timelineToApla } from '../../lambda/src/speech/apla';
import { routinePhrasebook } from '../../lambda/src/speech/routine-cues';
import { timelineToSsml } from '../../lambda/src/speech/timeline-ssml';
import { intentRequest } from '../../simulator/envelope';
import { LOCALES, readModel } from '../generate-model';
import type { BenchSection } from './index';
import { percentile, timeEach } from './stats';

const MAX_RESPONSE_BYTES = 24 * 1024;
const MAX_TURN_MS = 240_000;

export async function run(): Promise<BenchSection> {
  process.env.LOG_LEVEL ??= 'silent';
  const say = routinePhrasebook(translatorFor('en-US'));
  const starts = routines.flatMap((routine) =>
    HOLD_SCALES.flatMap((holdScale) => {
      const plan = planRoutine(routine, { holdScale });
      let index = 0;
      return allTurns(plan, say).map((turn) => {
        const from = index;
        index = turn.next;
        return { plan, from };
      });
    }),
  );
  let i = 0;
  const times = await timeEach(20_000, () => {
    const { plan, from } = starts[i++ % starts.length];
    const turn = buildTurn(plan, { index: from }, say);
    return [timelineToApla(turn.items, 'bench'), timelineToSsml(turn.items)];
  });

  const skill = buildSkill({ persistenceAdapter: new MemoryPersistenceAdapter() });
  /**
   * Plays every routine through (start, "no", then "next" to the end) in a locale; the largest
   * response seen and the longest routine turn (its timed length, in that language's speaking rate).
   */
  let runs = 0;
  const playAll = async (device: { screen?: boolean }, locale = 'en-US') => {
    const model = readModel(locale);
    const run = ++runs;
    let largest = 0;
    let largestAt = '';
    let longestMs = 0;
    let responses = 0;
    for (const routine of routines) {
      let attributes: Record<string, unknown> = {};
      let userId = '';
      let clock = Date.parse('2026-11-25T08:00:00Z');
      const send = async (intent: string, slots: Record<string, string> = {}) => {
        const response = await skill.invoke(
          intentRequest(model, intent, slots, {
            userId,
            attributes,
            device,
            locale,
            timestamp: new Date(clock).toISOString(),
          }),
        );
        const bytes = Buffer.byteLength(JSON.stringify(response));
        if (bytes > largest) [largest, largestAt] = [bytes, `${routine.id}, response ${responses + 1}`];
        responses++;
        attributes = (response.sessionAttributes ?? {}) as Record<string, unknown>;
        const turn = attributes.routine as { turn?: { totalMs: number }; paused?: unknown } | undefined;
        longestMs = Math.max(longestMs, turn?.turn?.totalMs ?? 0);
        clock += (turn?.turn?.totalMs ?? 0) + 1000;
        return turn;
      };
      // A new user for each routine: one store is shared, and a returning user is asked for a pain
      // score first (issue 14), which a bare "no" would answer in place of the safety question.
      userId = `amzn1.ask.account.BENCH-${run}-${routine.id}`;
      // In the locale's own words for the routine (its slot value), as a user there says it.
      await send('StartRoutineIntent', {
        routine: catalogueFor(locale).getRoutine(routine.id)?.name ?? routine.id,
      });
      // The disc routine first asks whether a clinician diagnosed the problem: yes.
      const safety = attributes.safety as { pending?: { action?: string } } | undefined;
      if (safety?.pending?.action === 'diagnosis') await send('AMAZON.YesIntent');
      const offer = attributes.offer as { kind?: string } | undefined;
      if (offer?.kind === 'screen') await send('AMAZON.NoIntent');
      const started = attributes.routine as { plan?: { source?: { id?: string } } } | undefined;
      if (started?.plan?.source?.id !== routine.id)
        throw new Error(`${locale}: the ${routine.id} routine did not start`);
      let playing = true;
      for (let n = 0; playing && n < 20; n++) playing = (await send('AMAZON.NextIntent')) !== undefined;
    }
    return { largest, largestAt, longestMs, responses };
  };
  const speaker = await playAll({});
  const screen = await playAll({ screen: true });
  // Every served locale with a model, on a screen device (the larger responses): the largest turn.
  const perLocale = [];
  for (const locale of AVAILABLE_LOCALES.filter((l) => LOCALES.includes(l)))
    perLocale.push({ locale, ...(await playAll({ screen: true }, locale)) });

  const p50 = percentile(times, 50);
  const p99 = percentile(times, 99);
  return {
    title: `Routine turns: build + render APLA and SSML (${starts.length} distinct turns, 20000 runs)`,
    figures: [
      { name: 'p50', value: p50, unit: 'ms', target: '< 1 ms', ok: p50 < 1 },
      { name: 'p99', value: p99, unit: 'ms', target: '< 1 ms', ok: p99 < 1 },
      {
        name: `largest response, speaker (${speaker.responses} played)`,
        value: speaker.largest,
        unit: 'bytes',
        target: '< 24 KB',
        ok: speaker.largest < MAX_RESPONSE_BYTES,
      },
      {
        name: `largest response with the routine screen (${screen.largestAt})`,
        value: screen.largest,
        unit: 'bytes',
        target: '< 24 KB',
        ok: screen.largest < MAX_RESPONSE_BYTES,
      },
      ...perLocale.flatMap((l) => [
        {
          name: `${l.locale}: longest routine turn`,
          value: Math.round(l.longestMs / 100) / 10,
          unit: 's',
          target: '<= 240 s',
          ok: l.longestMs <= MAX_TURN_MS,
        },
        {
          name: `${l.locale}: largest routine response, with the screen (${l.largestAt})`,
          value: Math.round(l.largest / 102.4) / 10,
          unit: 'KB',
          target: '< 24 KB',
          ok: l.largest < MAX_RESPONSE_BYTES,
        },
      ]),
    ],
  };
}
