/**
 * The routine screen through the real skill: a routine on an Echo Show shows every hold of every
 * turn in step with the audio, the buttons do what the spoken words do, and speakers get no APL.
 */
import type { Directive } from 'ask-sdk-model';
import { getPoint, routines } from '../../lambda/src/core/catalogue';
import type { RoutineState } from '../../lambda/src/core/routine/progress';
import { sourceCount } from '../../lambda/src/core/routine/plan';
import { CLOSING_GAP_MS } from '../../lambda/src/core/routine/timeline';
import { APLA_DIRECTIVE } from '../../lambda/src/speech/apla';
import { aplProblems } from '../support/apl';
import type { Conversation, Turn } from '../support/conversation';
import { newConversation } from '../support/skill';

type Json = Record<string, unknown>;
interface Page {
  step: string;
  heading: string;
  side: string;
  next: string;
  hasHold: boolean;
  buttons: boolean;
}
interface Screen {
  token: string;
  document: Json;
  datasources: { payload: Json & { pages: Page[]; pauseLabel: string; routineName: string } };
}

const SCREEN = { screen: true } as const;

function screensOf(turn: Turn): Screen[] {
  return turn.directives.filter(
    (d: Directive) => d.type === 'Alexa.Presentation.APL.RenderDocument',
  ) as unknown as Screen[];
}

function onlyScreen(turn: Turn): Screen {
  const screens = screensOf(turn);
  expect(screens).toHaveLength(1);
  return screens[0];
}

/** The commands of the turn's timeline (the one Parallel in the document's onMount). */
function timeline(screen: Screen): Json[] {
  const onMount = (screen.document.onMount ?? []) as Json[];
  return onMount.flatMap((c) => (c.type === 'Parallel' ? (c.commands as Json[]) : []));
}

function state(talk: Conversation): RoutineState {
  return talk.sessionAttributes.routine as RoutineState;
}

function userEvent(args: unknown[]): Record<string, unknown> {
  return {
    type: 'Alexa.Presentation.APL.UserEvent',
    token: 'ppg.routine',
    arguments: args,
    source: { type: 'TouchWrapper', handler: 'Press', id: 'button' },
    components: {},
  };
}

async function startQuick(talk: Conversation): Promise<Turn> {
  await talk.utter('start the quick routine');
  return talk.utter('no');
}

/**
 * Checks one turn's screen against the timeline the skill recorded for that turn. (The document
 * itself is checked with apl-suggester on every response the conversation receives.)
 */
function expectInStep(turn: Turn, routineState: RoutineState): void {
  const screen = onlyScreen(turn);
  const windows = routineState.turn!.windows;
  const plan = routineState.plan;
  const pages = screen.datasources.payload.pages;
  // One page per hold, then the closing page.
  expect(pages).toHaveLength(windows.length + 1);
  const commands = timeline(screen);
  const setPages = commands.filter((c) => c.type === 'SetPage');
  const bars = commands.filter((c) => c.type === 'AnimateItem');
  expect(setPages).toHaveLength(windows.length);
  expect(bars).toHaveLength(windows.length);
  windows.forEach((w, i) => {
    const step = plan.steps[w.index];
    const number = new Set(plan.steps.slice(0, w.index + 1).map((s) => s.source)).size;
    // A single timed hold has no "step 1 of 1".
    const stepText = plan.source.type === 'point' ? '' : `Step ${number} of ${sourceCount(plan)}`;
    expect(pages[i].step).toBe(stepText);
    for (const code of step.points)
      expect(pages[i].heading).toContain(`${code} · ${getPoint(code)!.names[0]}`);
    expect(pages[i].hasHold).toBe(true);
    // The page comes up when the hold is announced (the first one is up from the start).
    if (i > 0) {
      const turnPage = setPages.find((c) => c.value === i)!;
      expect(Math.abs(Number(turnPage.delay) - w.startMs)).toBeLessThanOrEqual(1);
    }
    const bar = bars.find((c) => c.componentId === `holdBar${i}`)!;
    expect(Math.abs(Number(bar.delay) - w.holdStartMs)).toBeLessThanOrEqual(1);
    expect(Math.abs(Number(bar.duration) - w.holdMs)).toBeLessThanOrEqual(1);
  });
  const closing = setPages.find((c) => c.value === windows.length)!;
  // The closing page comes up with the closing words, after the last release and the closing gap.
  expect(
    Math.abs(Number(closing.delay) - (windows[windows.length - 1].endMs + CLOSING_GAP_MS)),
  ).toBeLessThanOrEqual(1);
}

describe('the routine screen on a screen device', () => {
  it('starting a routine sends the routine screen alongside the audio', async () => {
    const { talk } = newConversation({ device: SCREEN });
    const turn = await startQuick(talk);
    expect(turn.directives.map((d) => d.type)).toEqual([
      APLA_DIRECTIVE,
      'Alexa.Presentation.APL.RenderDocument',
    ]);
    const screen = onlyScreen(turn);
    expect(screen.token).toBe('ppg.routine');
    expect(screen.datasources.payload).toMatchObject({ routineName: 'Quick routine', pauseLabel: 'Pause' });
    expect(screen.datasources.payload.pages[0]).toMatchObject({ step: 'Step 1 of 6', hasHold: true });
    expectInStep(turn, state(talk));
  });

  it.each(routines.map((r) => [r.id]))(
    'the %s routine: every turn’s pages and countdowns match its holds',
    async (id) => {
      const { talk } = newConversation({ device: SCREEN });
      const asked = await talk.say('StartRoutineIntent', { routine: id });
      // The disc routine first asks whether a clinician diagnosed the problem (section 6.4).
      if (/Has one diagnosed yours\?$/.test(asked.speech)) await talk.utter('yes');
      let turn = await talk.utter('no');
      let turns = 0;
      for (;;) {
        expectInStep(turn, state(talk));
        turns++;
        const current = state(talk);
        const pages = onlyScreen(turn).datasources.payload.pages;
        if (current.turn!.next >= current.plan.steps.length) {
          expect(pages[pages.length - 1]).toMatchObject({ step: 'Routine complete', buttons: false });
          break;
        }
        expect(pages[pages.length - 1].step).toMatch(/^Up next: step \d+ of \d+$/);
        talk.wait(current.turn!.totalMs / 1000 + 2);
        turn = await talk.utter('next');
        expect(turns).toBeLessThan(30);
      }
      expect(turns).toBeGreaterThan(1);
    },
  );

  it('a speaker gets the same audio and no APL document', async () => {
    const { talk } = newConversation();
    const turn = await startQuick(talk);
    expect(turn.directives.map((d) => d.type)).toEqual([APLA_DIRECTIVE]);
    const paused = await talk.wait(20).utter('pause');
    expect(paused.directives).toEqual([]);
  });

  it('the Pause button does exactly what saying "pause" does, and the screen then shows Resume', async () => {
    const spoken = newConversation({ device: SCREEN }).talk;
    const pressed = newConversation({ device: SCREEN }).talk;
    await startQuick(spoken);
    await startQuick(pressed);
    const holdStart = state(spoken).turn!.windows[0].holdStartMs / 1000;
    const said = await spoken.wait(holdStart + 10).utter('pause');
    const button = await pressed.wait(holdStart + 10).request(userEvent(['intent', 'AMAZON.PauseIntent']));
    expect(said.speech).toMatch(/paused/i);
    expect(button.speech).toBe(said.speech);
    expect(button.reprompt).toBe(said.reprompt);
    expect(pressed.sessionAttributes.routine).toEqual(spoken.sessionAttributes.routine);

    const screen = onlyScreen(button);
    expect(await aplProblems(screen.document, screen.datasources)).toEqual([]);
    expect(screen.datasources.payload.pauseLabel).toBe('Resume');
    expect(JSON.stringify(screen.document)).toContain('"arguments":["intent","AMAZON.ResumeIntent"]');
    expect(screen.document.onMount).toBeUndefined(); // the bar stands still
    // The bar stands where the hold was paused: 10 s into a 30 s warm-up, two thirds left.
    expect(screen.datasources.payload.pages[0]).toMatchObject({ hasHold: true });
    const from = (screen.datasources.payload.pages[0] as unknown as { barFrom: number }).barFrom;
    expect(from).toBeCloseTo(20 / 30, 2);
  });

  it('the Resume button carries on like saying "resume", with the rest of the hold on screen', async () => {
    const spoken = newConversation({ device: SCREEN }).talk;
    const pressed = newConversation({ device: SCREEN }).talk;
    for (const talk of [spoken, pressed]) {
      await startQuick(talk);
      await talk.wait(state(talk).turn!.windows[0].holdStartMs / 1000 + 10).utter('pause');
      talk.wait(60);
    }
    const said = await spoken.utter('resume');
    const button = await pressed.request(userEvent(['intent', 'AMAZON.ResumeIntent']));
    expect(said.speech).toMatch(/^Back to/);
    expect(button.speech).toBe(said.speech);
    expectInStep(button, state(pressed));
    const [bar] = timeline(onlyScreen(button)).filter((c) => c.componentId === 'holdBar0');
    expect(bar.value).toEqual([expect.objectContaining({ from: [expect.anything(), { scaleX: 0.6667 }] })]);
  });

  it('the Next button does exactly what saying "next" does', async () => {
    const spoken = newConversation({ device: SCREEN }).talk;
    const pressed = newConversation({ device: SCREEN }).talk;
    await startQuick(spoken);
    await startQuick(pressed);
    const said = await spoken.wait(15).utter('next');
    const button = await pressed.wait(15).request(userEvent(['intent', 'AMAZON.NextIntent']));
    expect(said.apla).toBeDefined();
    expect(button.speech).toBe(said.speech);
    expect(pressed.sessionAttributes.routine).toEqual(spoken.sessionAttributes.routine);
    expectInStep(button, state(pressed));
    expect(onlyScreen(button).datasources.payload.pages[0].step).toBe('Step 2 of 6');
  });

  it('a timed hold of one point shows that point, its countdown, and "Hold complete"', async () => {
    const { talk } = newConversation({ device: SCREEN });
    await talk.utter('where is b l twenty three');
    await talk.utter('time a hold');
    const turn = await talk.utter('no');
    expectInStep(turn, state(talk));
    const { payload } = onlyScreen(turn).datasources;
    expect(payload.routineName).toBe('Timed hold');
    expect(payload.pages.map((p) => [p.step, p.heading])).toEqual([
      ['', 'BL 23 · Sea of Vitality'],
      ['Hold complete', ''],
    ]);
  });

  it('sends no screen in reply to the session ending while paused', async () => {
    const { talk } = newConversation({ device: SCREEN });
    await startQuick(talk);
    expect(screensOf(await talk.wait(20).utter('pause'))).toHaveLength(1);
    const ended = await talk.end('EXCEEDED_MAX_REPROMPTS');
    expect(ended.directives).toEqual([]);
  });

  it('a point asked about mid-routine shows that point, not the routine screen', async () => {
    const { talk } = newConversation({ device: SCREEN });
    await startQuick(talk);
    const turn = await talk.wait(20).utter('where is kunlun');
    expect(screensOf(turn).map((s) => s.token)).toEqual(['ppg.point.BL60']);
  });
});
