/** Screens: "find a point" on an Echo Show (answer plus APL document), and the size of what is sent. */
import { points, routines } from '../../lambda/src/core/catalogue';
import { planRoutine } from '../../lambda/src/core/routine/plan';
import { turnScreen } from '../../lambda/src/core/routine/screen';
import { buildTurn } from '../../lambda/src/core/routine/timeline';
import { routineDirective } from '../../lambda/src/display/routine-document';
import { turnScreenFor } from '../../lambda/src/display/routine-turn';
import { routinePhrasebook } from '../../lambda/src/speech/routine-cues';
import { pointDirective } from '../../lambda/src/display/apl';
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
  // The largest routine screen the skill sends: every turn of every routine, as the engine builds them.
  const phrasebook = routinePhrasebook(t);
  const screens = routines.flatMap((routine) => {
    const plan = planRoutine(routine);
    const all = [];
    for (let index = 0; index < plan.steps.length;) {
      const turn = buildTurn(plan, { index }, phrasebook);
      all.push(turnScreenFor(t, turnScreen(plan, turn), plan));
      if (turn.next <= index) break;
      index = turn.next;
    }
    return all;
  });
  const routineBytes = Math.max(...screens.map((s) => JSON.stringify(routineDirective(t, s)).length));
  const routineTimes = await timeEach(2000, () => routineDirective(t, screens[0]));
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
        name: 'largest routine directive (every turn of every routine)',
        value: routineBytes,
        unit: 'B',
        target: `< ${DOCUMENT_BUDGET_BYTES} B`,
        ok: routineBytes < DOCUMENT_BUDGET_BYTES,
      },
    ],
  };
}
