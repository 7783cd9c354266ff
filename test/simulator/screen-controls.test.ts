/**
 * What the simulator shows besides words: one countdown ring per hold (the skill's own hold
 * windows, never the settle pause), the routine screen's countdown bar and its buttons, and a button
 * press sent as the UserEvent a device sends. Through the real skill (`buildSkill`) and its real
 * documents; the timing is checked against the routine engine's.
 */
import { routines } from '../../lambda/src/core/catalogue';
import { HOLD_SCALES, planRoutine } from '../../lambda/src/core/routine/plan';
import type { RoutineState } from '../../lambda/src/core/routine/progress';
import { turnScreen } from '../../lambda/src/core/routine/screen';
import { allTurns, SETTLE_MS } from '../../lambda/src/core/routine/timeline';
import { routineDirective } from '../../lambda/src/display/routine-document';
import { turnScreenFor } from '../../lambda/src/display/routine-turn';
import { translatorFor } from '../../lambda/src/i18n';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { buildSkill } from '../../lambda/src/skill';
import { timelineToApla } from '../../lambda/src/speech/apla';
import { routinePhrasebook } from '../../lambda/src/speech/routine-cues';
import { cuesFromApla, type Cue, type SpeechCue } from '../../simulator/cues';
import { routineHolds, silenceHolds } from '../../simulator/holds';
import { InvalidInputError, Simulator, type SimulatorReply } from '../../simulator/simulator';
import { visualFromDirectives, type AplRenderDocument } from '../../simulator/visual';
import { holdSkill } from '../support/hold-turn';
import { model } from '../support/model';

const PAUSE = ['intent', 'AMAZON.PauseIntent'];
const RESUME = ['intent', 'AMAZON.ResumeIntent'];
const NEXT = ['intent', 'AMAZON.NextIntent'];

function simulatorAt(start = Date.parse('2026-11-25T08:00:00Z')) {
  let now = start;
  const simulator = new Simulator({
    skill: buildSkill({ persistenceAdapter: new MemoryPersistenceAdapter() }),
    model,
    clock: () => now,
  });
  return { simulator, wait: (ms: number) => (now += ms) };
}

const speechOf = (cues: Cue[]): SpeechCue[] => cues.filter((c): c is SpeechCue => c.kind === 'speech');

/** Each hold runs from the end of one spoken cue ("press now") to the start of another ("release"). */
function expectHoldsBetweenCues(reply: SimulatorReply): void {
  const speech = speechOf(reply.cues);
  for (const hold of reply.holds) {
    const before = Math.min(...speech.map((c) => Math.abs(c.atMs + c.durationMs - hold.atMs)));
    const after = Math.min(...speech.map((c) => Math.abs(c.atMs - (hold.atMs + hold.durationMs))));
    expect({ hold, before: before <= 500, after: after <= 500 }).toEqual({ hold, before: true, after: true });
  }
}

describe('rings: one per hold, from the skill’s own hold windows', () => {
  it.each([['quick'], ['general lower back']])(
    'the %s routine’s first turn: one ring per hold, none for the settle pause',
    async (name) => {
      const { simulator } = simulatorAt();
      const { id } = simulator.open({ device: 'speaker' });
      await simulator.say(id, `start the ${name} routine`);
      const turn = await simulator.say(id, 'no');
      const speech = speechOf(turn.cues);
      const holdCount = turn.holds.length;
      expect(holdCount).toBeGreaterThan(0);
      // A settle pause (SETTLE_MS between the announcement and "press now") is a silence, never a hold:
      // every hold of the turn has one before it, and one ring of its own.
      const settles = turn.cues.filter((c) => c.kind === 'silence' && c.durationMs === SETTLE_MS);
      expect(settles).toHaveLength(holdCount);
      for (const settle of settles) expect(turn.holds.some((h) => h.atMs === settle.atMs)).toBe(false);
      // A hold with a cue inside it ("breathe", "halfway") is one ring, not one per silence.
      const longSilences = turn.cues.filter((c) => c.kind === 'silence' && c.durationMs >= 3000);
      expect(longSilences.length).toBeGreaterThan(holdCount);
      expectHoldsBetweenCues(turn);
      expect(speech.length).toBeGreaterThan(holdCount);
    },
  );

  it('a ring lasts exactly the hold the skill counts down, and a resumed hold only what was left', async () => {
    const { simulator, wait } = simulatorAt();
    const { id } = simulator.open({ device: 'speaker' });
    await simulator.say(id, 'start the quick routine');
    const turn = await simulator.say(id, 'no');
    const first = turn.holds[0];
    // 10 s into the first hold: the skill says how long is left; the ring agrees to the second.
    wait(first.atMs + 10_000);
    const paused = await simulator.say(id, 'pause');
    expect(paused.holds).toEqual([]);
    const left = Number(/(\d+) seconds? left/.exec(paused.speech)?.[1]);
    expect(left).toBe(Math.round((first.durationMs - 10_000) / 1000));
    const resumed = await simulator.say(id, 'resume');
    expect(Math.abs(resumed.holds[0].durationMs - left * 1000)).toBeLessThanOrEqual(1000);
    expectHoldsBetweenCues(resumed);
  });

  it('audio that is not a routine turn the skill started gets a ring per long silence', async () => {
    const simulator = new Simulator({ skill: holdSkill({ holdMs: 8000 }), model });
    const reply = await simulator.say(simulator.open().id, 'next');
    expect(reply.holds).toEqual([{ atMs: reply.cues[2].atMs, durationMs: 8000 }]);
    expect(silenceHolds([{ kind: 'silence', atMs: 0, durationMs: 2999 }])).toEqual([]);
  });

  it('a routine record that is stale, paused, forged or from an earlier request gives no rings', () => {
    const now = Date.parse('2026-11-25T08:00:00Z');
    const plan = planRoutine(routines[0]);
    const [turn] = allTurns(plan, routinePhrasebook(translatorFor('en-US')));
    const windows = turn.steps.map((s) => ({
      index: s.index,
      startMs: s.startMs,
      holdStartMs: s.holdStartMs,
      holdMs: s.holdMs,
      endMs: s.endMs,
    }));
    const state: RoutineState = {
      v: 1,
      plan,
      updatedAt: now,
      turn: { startedAt: now, totalMs: turn.totalMs, next: turn.next, windows },
    };
    expect(routineHolds({ routine: state }, now, 0)).toEqual(
      turn.steps.map((s) => ({ atMs: s.holdStartMs, durationMs: s.holdMs })),
    );
    expect(routineHolds({ routine: state }, now, 1500)?.[0].atMs).toBe(turn.steps[0].holdStartMs + 1500);
    expect(routineHolds({ routine: state }, now + 1000, 0)).toBeUndefined();
    expect(routineHolds({ routine: { ...state, paused: { index: 0 } } }, now, 0)).toBeUndefined();
    for (const bad of [undefined, null, 'x', {}, { routine: 'x' }, { routine: { ...state, v: 99 } }])
      expect(routineHolds(bad, now, 0)).toBeUndefined();
    expect(routineHolds({ routine: state }, Number.NaN, 0)).toBeUndefined();
  });
});

describe('the routine screen in the simulator: countdown bar and buttons', () => {
  it('each hold page has a bar that empties over its hold, and Pause and Next buttons', async () => {
    const { simulator } = simulatorAt();
    const { id } = simulator.open({ device: 'screen' });
    await simulator.say(id, 'start the quick routine');
    const turn = await simulator.say(id, 'no');
    const pages = turn.visual?.pages ?? [];
    const holdPages = pages.filter((p) => p.bar);
    expect(holdPages.map((p) => p.bar)).toEqual(
      turn.holds.map((h) => ({ from: 1, atMs: h.atMs, durationMs: h.durationMs, to: 0 })),
    );
    for (const page of pages)
      expect(page.buttons?.map((b) => [b.label, b.arguments])).toEqual([
        ['Pause', PAUSE],
        ['Next', NEXT],
      ]);
    // The closing page ("Up next") has no hold, so no bar.
    expect(pages[pages.length - 1].bar).toBeUndefined();
  });

  it('pressing Pause sends the UserEvent: the routine pauses, the bar stands still, and Resume continues', async () => {
    const { simulator, wait } = simulatorAt();
    const { id } = simulator.open({ device: 'screen' });
    await simulator.say(id, 'start the quick routine');
    const turn = await simulator.say(id, 'no');
    const hold = turn.holds[0];
    const pause = turn.visual?.pages?.[0].buttons?.find((b) => b.label === 'Pause');
    expect(pause).toBeDefined();

    wait(hold.atMs + hold.durationMs / 2);
    const paused = await simulator.press(id, pause?.arguments, pause?.id);
    expect(paused.request).toMatchObject({ type: 'Alexa.Presentation.APL.UserEvent', arguments: PAUSE });
    expect(paused.speech).toMatch(/^Paused, with 15 seconds left/);
    const [page] = paused.visual?.pages ?? [];
    expect(page.lines).toContain('Paused');
    expect(page.bar).toEqual({ from: 0.5 });
    const resume = page.buttons?.find((b) => b.label === 'Resume');
    expect(resume?.arguments).toEqual(RESUME);

    wait(60_000);
    const resumed = await simulator.press(id, resume?.arguments, resume?.id);
    expect(speechOf(resumed.cues)[0].text).toMatch(/^Back to/);
    expect(resumed.holds[0].durationMs).toBe(15_000);
    expect(resumed.visual?.pages?.[0].bar).toMatchObject({ from: 0.5, durationMs: 15_000, to: 0 });
  });

  it('a point screen’s "Time a hold" is a button, not a line of text', async () => {
    const { simulator } = simulatorAt();
    const { id } = simulator.open({ device: 'screen' });
    const reply = await simulator.say(id, 'where is kunlun');
    expect(reply.visual?.buttons?.map((b) => [b.label, b.arguments])).toEqual([
      ['Time a hold', ['intent', 'TimeHoldIntent', { point: 'BL60' }]],
    ]);
    expect(reply.visual?.lines).not.toContain('Time a hold');
    // The button does what "time a hold on kunlun" does: the safety check, then a hold on each side.
    const asked = await simulator.press(id, reply.visual?.buttons?.[0].arguments);
    expect(asked.speech).toMatch(/safety check/);
    const timed = await simulator.say(id, 'no');
    expect(timed.holds.map((h) => h.durationMs)).toEqual([60_000, 60_000]);
  });

  it('refuses presses no screen could send, and a forged event gets a calm answer', async () => {
    const { simulator } = simulatorAt();
    const speaker = simulator.open({ device: 'speaker' }).id;
    await expect(simulator.press(speaker, PAUSE)).rejects.toThrow(InvalidInputError);
    const screen = simulator.open({ device: 'screen' }).id;
    for (const bad of ['intent', { 0: 'intent' }, Array(9).fill('x'), ['x'.repeat(2000)]])
      await expect(simulator.press(screen, bad)).rejects.toThrow(InvalidInputError);
    const forged = await simulator.press(screen, ['intent', 'DeleteEverythingIntent']);
    expect(forged.speech).not.toBe('');
    expect(forged.session).not.toBe('closed');
  });

  it('reads buttons and bars from any document, and ignores what it cannot use', () => {
    const directive = (mainTemplate: unknown, onMount?: unknown): AplRenderDocument => ({
      type: 'Alexa.Presentation.APL.RenderDocument',
      token: 't',
      document: { type: 'APL', version: '2023.3', mainTemplate, ...(onMount ? { onMount } : {}) } as Record<
        string,
        unknown
      >,
      datasources: { payload: { label: 'Go', show: false, hidden: 'Hidden' } },
    });
    const visual = visualFromDirectives([
      directive({
        parameters: ['payload'],
        items: [
          {
            type: 'Container',
            items: [
              {
                type: 'TouchWrapper',
                onPress: { type: 'SendEvent', arguments: ['go'] },
                item: { type: 'Text', text: '${payload.label}' },
              },
              {
                type: 'TouchWrapper',
                when: '${payload.show}',
                onPress: [{ type: 'SendEvent', arguments: ['no'] }],
                item: { type: 'Text', text: '${payload.hidden}' },
              },
              {
                type: 'TouchWrapper',
                onPress: [{ type: 'SetValue' }],
                item: { type: 'Text', text: 'No event' },
              },
              {
                type: 'AlexaButton',
                buttonText: 'Also',
                primaryAction: {
                  type: 'Sequential',
                  commands: [{ type: 'SendEvent', arguments: ['also', 1] }],
                },
              },
              {
                type: 'TouchWrapper',
                onPress: { type: 'SendEvent', arguments: ['x'.repeat(2000)] },
                item: { type: 'Text', text: 'Too big' },
              },
            ],
          },
        ],
      }),
    ]);
    expect(visual?.buttons).toEqual([
      { label: 'Go', arguments: ['go'] },
      { label: 'Also', arguments: ['also', 1] },
    ]);
    for (const bad of [null, 'x', { items: 'x' }, { items: [{ type: 'TouchWrapper', onPress: 'x' }] }])
      expect(() => visualFromDirectives([directive(bad, 'x')])).not.toThrow();
  });
});

describe('the screen’s pages and bars keep time with the audio, as the engine laid it out', () => {
  const t = translatorFor('en-US');
  const say = routinePhrasebook(t);

  it.each(routines.map((r) => [r.id]))(
    'the %s routine, at every hold length: pages within 0.5 s of their words, bars within 0.5 s of their holds',
    (routineId) => {
      const routine = routines.find((r) => r.id === routineId);
      if (!routine) throw new Error(routineId);
      for (const holdScale of HOLD_SCALES) {
        const plan = planRoutine(routine, { holdScale });
        let worstPageMs = 0;
        let worstBarMs = 0;
        for (const turn of allTurns(plan, say)) {
          const audio = timelineToApla(turn.items, 'token');
          const heard = speechOf(cuesFromApla(audio.document, audio.datasources).cues);
          // The engine's spoken items in order, with where each starts: the n-th is the n-th cue heard.
          const starts: number[] = [];
          let at = 0;
          for (const item of turn.items) {
            if (item.type === 'speech') starts.push(at);
            at += item.ms;
          }
          const screen = routineDirective(t, turnScreenFor(t, turnScreen(plan, turn), plan));
          const pages = visualFromDirectives([screen])?.pages ?? [];
          expect(pages).toHaveLength(turn.steps.length + 1);
          turn.steps.forEach((step, i) => {
            // Page i comes up with its hold's announcement (the first page is up from the start).
            const announcement = heard[starts.indexOf(step.startMs)];
            if (i > 0) worstPageMs = Math.max(worstPageMs, Math.abs(pages[i].showAtMs - announcement.atMs));
            // Its bar starts emptying when "press now" has been said, and is empty at "release".
            const press = heard[starts.filter((s) => s < step.holdStartMs).length - 1];
            const release = heard[starts.filter((s) => s < step.holdStartMs + step.holdMs).length];
            const bar = pages[i].bar;
            expect(bar).toBeDefined();
            worstBarMs = Math.max(
              worstBarMs,
              Math.abs((bar?.atMs ?? 0) - (press.atMs + press.durationMs)),
              Math.abs((bar?.atMs ?? 0) + (bar?.durationMs ?? 0) - release.atMs),
            );
          });
          // The closing page comes up with the closing words.
          const closing = heard[heard.length - 1];
          worstPageMs = Math.max(worstPageMs, Math.abs(pages[pages.length - 1].showAtMs - closing.atMs));
        }
        expect([routineId, holdScale, worstPageMs <= 500, worstBarMs <= 500]).toEqual([
          routineId,
          holdScale,
          true,
          true,
        ]);
      }
    },
  );
});

describe('a point screen in the simulator', () => {
  it('shows the words the screen draws, not the diagram’s accessibility label', async () => {
    const { simulator } = simulatorAt();
    const reply = await simulator.say(simulator.open({ device: 'screen' }).id, 'where is kunlun');
    expect(reply.visual?.lines).toContain('BL 60 · Kunlun Mountains');
    expect(reply.visual?.lines.some((line) => /^Diagram of/.test(line))).toBe(false);
  });
});
