import { routines } from '../../lambda/src/core/catalogue';
import { HOLD_SCALES, planRoutine } from '../../lambda/src/core/routine/plan';
import {
  MS_FINAL_SENTENCE_END,
  MS_PER_SENTENCE_END,
  MS_PER_WORD,
} from '../../lambda/src/core/routine/speaking-rate';
import { allTurns } from '../../lambda/src/core/routine/timeline';
import type { VoiceStyle } from '../../lambda/src/core/routine/voice';
import { translatorFor } from '../../lambda/src/i18n';
import { timelineToApla } from '../../lambda/src/speech/apla';
import { routinePhrasebook } from '../../lambda/src/speech/routine-cues';
import { cuesForResponse, cuesFromApla, cuesFromSsml, speakingMs } from '../../simulator/cues';
import { newConversation } from '../support/skill';

/** A routine turn as the routines feature renders it: an APLA Sequencer of Speech and Silence. */
function holdTurn(): Record<string, unknown> {
  return {
    type: 'APLA',
    version: '0.91',
    mainTemplate: {
      parameters: ['payload'],
      item: {
        type: 'Sequencer',
        items: [
          {
            type: 'Speech',
            contentType: 'SSML',
            content: '<speak>Press Sea of Vitality, B L 23, now.</speak>',
          },
          { type: 'Silence', duration: 30000 },
          { type: 'Silence', duration: 15000 },
          { type: 'Speech', content: 'Ten seconds left.' },
          { type: 'Silence', duration: 10000 },
          { type: 'Speech', contentType: 'PlainText', content: 'Release, and breathe.' },
        ],
      },
    },
  };
}

const HOLD_IT_THERE_MS = 3 * MS_PER_WORD + MS_FINAL_SENTENCE_END;

describe('cue lists: what is heard, and when', () => {
  it("estimates speech from its words with the skill's own speaking-rate model", () => {
    expect(speakingMs('press the point now')).toBe(4 * MS_PER_WORD);
    expect(speakingMs('press the point now', 0.5)).toBe(8 * MS_PER_WORD);
    expect(speakingMs('  ... ')).toBe(0);
  });

  it('turns an APLA hold turn into speech, one merged hold, speech, a hold and speech', () => {
    const { cues, totalMs } = cuesFromApla(holdTurn());
    expect(cues.map((c) => c.kind)).toEqual(['speech', 'silence', 'speech', 'silence', 'speech']);
    const [press, hold, tenLeft, lastHold, release] = cues;
    expect(press).toMatchObject({ atMs: 0, text: 'Press Sea of Vitality, B L 23, now.' });
    // The hold starts when the instruction has been said and lasts both Silences.
    expect(hold).toEqual({ kind: 'silence', atMs: press.durationMs, durationMs: 45000 });
    expect(tenLeft).toMatchObject({ text: 'Ten seconds left.', atMs: press.durationMs + 45000 });
    expect(lastHold.durationMs).toBe(10000);
    expect(release).toMatchObject({ text: 'Release, and breathe.' });
    expect(totalMs).toBe(release.atMs + release.durationMs);
    expect(totalMs).toBeGreaterThan(55000);
  });

  it('gives the same timeline for the SSML form with breaks of at most 10 s', () => {
    const ssml =
      '<speak>Press Sea of Vitality, B L 23, now.' +
      '<break time="10s"/><break time="10s"/><break time="10s"/><break time="10s"/><break time="5000ms"/>' +
      'Ten seconds left.<break time="10s"/>Release, and breathe.</speak>';
    const fromSsml = cuesFromSsml(ssml);
    const fromApla = cuesFromApla(holdTurn());
    expect(fromSsml.cues.map((c) => [c.kind, c.durationMs])).toEqual(
      fromApla.cues.map((c) => [c.kind, c.durationMs]),
    );
    expect(fromSsml.totalMs).toBe(fromApla.totalMs);
  });

  it('keeps short pauses inside speech and lets prosody slow the estimate', () => {
    const normal = cuesFromSsml('<speak>Breathe in slowly. Breathe out.</speak>');
    const paused = cuesFromSsml('<speak>Breathe in slowly.<break time="500ms"/> Breathe out.</speak>');
    expect(paused.cues).toHaveLength(1);
    // The break adds its time; the sentence end before it is the short pause that ends an utterance.
    expect(paused.cues[0].durationMs).toBe(
      normal.cues[0].durationMs + 500 - (MS_PER_SENTENCE_END - MS_FINAL_SENTENCE_END),
    );
    const slow = cuesFromSsml('<speak><prosody rate="50%">Breathe in slowly. Breathe out.</prosody></speak>');
    // Half the rate: twice as long, but for the pause that ends the utterance (the same at any rate).
    expect(slow.cues[0].durationMs).toBe(
      (normal.cues[0].durationMs - MS_FINAL_SENTENCE_END) * 2 + MS_FINAL_SENTENCE_END,
    );
    expect(cuesFromSsml('<speak>one <break strength="strong"/> two</speak>').cues[0].durationMs).toBe(
      MS_PER_WORD * 2 + MS_PER_SENTENCE_END,
    );
  });

  it('decodes entities in speech text', () => {
    expect(cuesFromSsml('<speak>Hips &amp; knees</speak>').cues[0]).toMatchObject({ text: 'Hips & knees' });
  });

  it('binds ${payload...} content and inflates a Sequencer over its data', () => {
    const document = {
      type: 'APLA',
      version: '0.91',
      mainTemplate: {
        parameters: ['payload'],
        item: {
          type: 'Sequencer',
          data: '${payload.turn.steps}',
          items: [
            { type: 'Speech', when: '${data.say}', content: '${data.say}' },
            { type: 'Silence', duration: '${data.hold}' },
          ],
        },
      },
    };
    const datasources = {
      turn: { steps: [{ say: 'Press now.' }, { hold: 20000 }, { say: 'Switch sides.' }] },
    };
    const { cues } = cuesFromApla(document, datasources);
    expect(cues.map((c) => (c.kind === 'speech' ? c.text : c.durationMs))).toEqual([
      'Press now.',
      20000,
      'Switch sides.',
    ]);
  });

  it("plays a Selector's first item whose when holds, and a Mixer's children together", () => {
    const selector = {
      type: 'APLA',
      version: '0.91',
      mainTemplate: {
        item: {
          type: 'Selector',
          items: [
            { type: 'Speech', when: false, content: 'not this' },
            { type: 'Speech', content: 'this one' },
            { type: 'Speech', content: 'nor this' },
          ],
        },
      },
    };
    expect(cuesFromApla(selector).cues.map((c) => c.kind === 'speech' && c.text)).toEqual(['this one']);
    const mixer = {
      type: 'APLA',
      version: '0.91',
      mainTemplate: {
        items: [
          {
            type: 'Mixer',
            items: [
              { type: 'Speech', content: 'relax your shoulders' },
              { type: 'Silence', duration: 8000 },
            ],
          },
        ],
      },
    };
    const mixed = cuesFromApla(mixer);
    expect(mixed.cues.map((c) => c.kind)).toEqual(['speech', 'silence']);
    expect(mixed.totalMs).toBe(8000);
  });

  it('expands a custom composition with its parameters', () => {
    const document = {
      type: 'APLA',
      version: '0.91',
      compositions: {
        Hold: {
          parameters: ['cue', 'ms'],
          item: {
            type: 'Sequencer',
            items: [
              { type: 'Speech', content: '${cue}' },
              { type: 'Silence', duration: '${ms}' },
            ],
          },
        },
      },
      mainTemplate: { item: { type: 'Hold', cue: 'Hold it there.', ms: 15000 } },
    };
    expect(cuesFromApla(document).cues).toEqual([
      { kind: 'speech', atMs: 0, durationMs: HOLD_IT_THERE_MS, text: 'Hold it there.' },
      { kind: 'silence', atMs: HOLD_IT_THERE_MS, durationMs: 15000 },
    ]);
  });

  it("plays a response's output speech first, then its APLA document", () => {
    const { cues } = cuesForResponse({
      outputSpeech: { type: 'SSML', ssml: '<speak>Lower back routine. Step one.</speak>' },
      directives: [
        { type: 'Alexa.Presentation.APL.RenderDocument', document: { type: 'APL' } },
        { type: 'Alexa.Presentation.APLA.RenderDocument', token: 't', document: holdTurn(), datasources: {} },
      ],
    });
    expect(cues[0]).toMatchObject({ kind: 'speech', atMs: 0, text: 'Lower back routine. Step one.' });
    expect(cues[1]).toMatchObject({ kind: 'speech', atMs: cues[0].durationMs, text: /^Press Sea/ });
    expect(cues[2]).toMatchObject({ kind: 'silence', durationMs: 45000 });
  });

  it('gives an empty list for anything that is not a document of the documented shape', () => {
    for (const bad of [null, 42, 'APLA', {}, { type: 'APL', mainTemplate: {} }, { type: 'APLA' }])
      expect(cuesFromApla(bad)).toEqual({ cues: [], totalMs: 0 });
    const selfReferencing = {
      type: 'APLA',
      compositions: { Loop: { item: { type: 'Loop' } } },
      mainTemplate: { item: { type: 'Loop' } },
    };
    expect(cuesFromApla(selfReferencing).cues).toEqual([]);
    expect(cuesForResponse(undefined)).toEqual({ cues: [], totalMs: 0 });
    expect(
      cuesForResponse({
        outputSpeech: null,
        directives: [null, 'x', { type: 'Alexa.Presentation.APLA.RenderDocument' }],
      }),
    ).toEqual({ cues: [], totalMs: 0 });
  });
});

describe("the simulator's timing agrees with the routine engine's", () => {
  const say = routinePhrasebook(translatorFor('en-US'));

  it.each(routines.map((r) => [r.id]))(
    'the %s routine, at every hold length, pace and cue density: every cue within 1 s of where the engine put it',
    (id) => {
      const routine = routines.find((r) => r.id === id);
      if (!routine) throw new Error(id);
      const voices: Array<VoiceStyle | undefined> = [
        undefined,
        { pace: 'slow', cues: 'full' },
        { pace: 'fast', cues: 'full' },
        { pace: 'normal', cues: 'fewer' },
        { pace: 'slow', cues: 'fewer' },
      ];
      for (const [holdScale, voice] of HOLD_SCALES.flatMap((scale) =>
        voices.map((v) => [scale, v] as const),
      )) {
        const plan = planRoutine(routine, { holdScale, ...(voice ? { voice } : {}) });
        let worstMs = 0;
        for (const turn of allTurns(plan, say)) {
          // Where the engine put each spoken cue, from the start of the turn.
          const expected: number[] = [];
          let at = 0;
          for (const item of turn.items) {
            // A quiet hold's soft sound is part of the hold on the page (no words, no ring of its own).
            if (item.type === 'speech' && item.cue !== 'sound') expected.push(at);
            at += item.ms;
          }
          // The same turn as the skill sends it, played by the simulator.
          const directive = timelineToApla(turn.items, 'token');
          const played = cuesFromApla(directive.document, directive.datasources);
          const heard = played.cues.filter((c) => c.kind === 'speech').map((c) => c.atMs);
          expect(heard).toHaveLength(expected.length);
          heard.forEach((ms, i) => (worstMs = Math.max(worstMs, Math.abs(ms - expected[i]))));
          worstMs = Math.max(worstMs, Math.abs(played.totalMs - turn.totalMs));
          // Each hold starts when the engine's session state says it does.
          for (const step of turn.steps) {
            // A breathing hold starts with "breathe in": a spoken cue, checked above with the others.
            if (expected.includes(step.holdStartMs)) continue;
            const hold = played.cues.find((c) => c.kind === 'silence' && c.atMs >= step.holdStartMs - 1000);
            expect(hold).toBeDefined();
            worstMs = Math.max(worstMs, Math.abs((hold?.atMs ?? 0) - step.holdStartMs));
          }
        }
        expect([id, holdScale, voice, worstMs <= 1000]).toEqual([id, holdScale, voice, true]);
      }
    },
  );

  it('a routine turn from the real skill plays, on the page, exactly as long as the skill planned it', async () => {
    const { talk } = newConversation();
    await talk.utter('start the general routine');
    const turn = await talk.utter('no');
    expect(turn.apla).toBeDefined();
    const state = turn.attributes.routine as {
      turn: { totalMs: number; windows: Array<{ holdStartMs: number }> };
    };
    const played = cuesForResponse(turn.envelope.response);
    // Output speech (the safety answer's words) plays first, then the APLA turn the skill timed.
    const speechFirst = cuesForResponse({ outputSpeech: turn.envelope.response.outputSpeech }).totalMs;
    expect(Math.abs(played.totalMs - speechFirst - state.turn.totalMs)).toBeLessThanOrEqual(1000);
    for (const window of state.turn.windows) {
      const start = speechFirst + window.holdStartMs;
      const hold = played.cues.find((c) => c.kind === 'silence' && c.atMs >= start - 1000);
      expect(Math.abs((hold?.atMs ?? Infinity) - start)).toBeLessThanOrEqual(1000);
    }
  });
});
