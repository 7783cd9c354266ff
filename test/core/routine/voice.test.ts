/**
 * Pace and cue density (issue 13, item 6): what a slow, fast or quiet plan does to the turns the
 * engine builds, with the skill's own phrasebook.
 */
import { routines } from '../../../lambda/src/core/catalogue';
import { planRoutine, type RoutinePlan } from '../../../lambda/src/core/routine/plan';
import {
  parsePlan,
  parseRoutineState,
  positionAt,
  startTurn,
} from '../../../lambda/src/core/routine/progress';
import {
  estimateSpeechMs,
  estimateTextMs,
  MS_FINAL_SENTENCE_END,
  SOFT_SOUND_SRC,
} from '../../../lambda/src/core/routine/speaking-rate';
import {
  allTurns,
  buildTurn,
  MAX_TURN_MS,
  REST_MS,
  SETTLE_MS,
  type TimelineItem,
  type Turn,
} from '../../../lambda/src/core/routine/timeline';
import {
  atPace,
  SOFT_SOUND_SSML,
  stepPace,
  voiceStyleOf,
  type VoiceStyle,
} from '../../../lambda/src/core/routine/voice';
import { ssmlToText } from '../../../lambda/src/speech/ssml';
import { openingLead, say } from './fixtures';

const routine = (id: string) => routines.find((r) => r.id === id)!;
const plan = (id: string, voice?: VoiceStyle, holdScale = 1): RoutinePlan =>
  planRoutine(routine(id), { holdScale, ...(voice ? { voice } : {}) });

/** The silence after the first announcement (the settle) and before the second hold (the rest). */
function gaps(turn: Turn): { settle: number; rest: number } {
  let at = 0;
  const starts = turn.items.map((item) => {
    const start = at;
    at += item.ms;
    return start;
  });
  const announce = turn.items.findIndex((i) => i.type === 'speech' && i.cue === 'announce');
  const second = starts.indexOf(turn.steps[1].startMs);
  return { settle: turn.items[announce + 1].ms, rest: turn.items[second - 1].ms };
}

/** Speech items inside each hold of a turn: [cue, words] with the hold's index. */
function inHolds(turn: Turn): Array<{ index: number; item: Extract<TimelineItem, { type: 'speech' }> }> {
  const out: Array<{ index: number; item: Extract<TimelineItem, { type: 'speech' }> }> = [];
  let at = 0;
  for (const item of turn.items) {
    const step = turn.steps.find((s) => at >= s.holdStartMs && at < s.holdStartMs + s.holdMs);
    if (step && item.type === 'speech') out.push({ index: step.index, item });
    at += item.ms;
  }
  return out;
}

describe('the pace', () => {
  it('moves one step at a time and stops at each end', () => {
    expect(stepPace('normal', 'slower')).toBe('slow');
    expect(stepPace('slow', 'slower')).toBe('slow');
    expect(stepPace('slow', 'faster')).toBe('normal');
    expect(stepPace('normal', 'faster')).toBe('fast');
    expect(stepPace('fast', 'faster')).toBe('fast');
    expect(voiceStyleOf('quick', 7)).toEqual({ pace: 'normal', cues: 'full' });
    expect(voiceStyleOf('slow', 'fewer')).toEqual({ pace: 'slow', cues: 'fewer' });
  });

  it('is timed by the speaking-rate model: words at 1/rate, the closing pause as it is', () => {
    const words = 'Breathe in, and out, nice and slow.';
    const normal = estimateTextMs(words);
    expect(estimateSpeechMs(atPace(words, 'slow'))).toBe(
      Math.round((normal - MS_FINAL_SENTENCE_END) / 0.8 + MS_FINAL_SENTENCE_END),
    );
    expect(estimateSpeechMs(atPace(words, 'fast'))).toBe(
      Math.round((normal - MS_FINAL_SENTENCE_END) / 1.2 + MS_FINAL_SENTENCE_END),
    );
    expect(atPace(words, 'normal')).toBe(words);
  });

  it.each([
    ['slow', 1.5],
    ['fast', 0.75],
  ] as const)(
    'at the %s pace says every cue and the opening with its prosody, and scales the gaps by %s',
    (pace, scale) => {
      const lead = openingLead('General', 5);
      const [turn] = allTurns(plan('general', { pace, cues: 'full' }), say, lead);
      const [normal] = allTurns(plan('general'), say, lead);
      const rate = pace === 'slow' ? '80%' : '120%';
      for (const item of turn.items) {
        if (item.type === 'speech') expect(item.ssml).toMatch(new RegExp(`^<prosody rate="${rate}">`));
      }
      const twoHolds = (p: RoutinePlan) => allTurns(p, say).find((t) => t.steps.length >= 2)!;
      expect(gaps(twoHolds(plan('general', { pace, cues: 'full' })))).toEqual({
        settle: SETTLE_MS * scale,
        rest: REST_MS * scale,
      });
      expect(gaps(twoHolds(plan('general')))).toEqual({ settle: SETTLE_MS, rest: REST_MS });
      // The holds keep their planned length; the talk around them is what changes.
      expect(turn.steps.map((s) => s.holdMs)).toEqual(
        turn.steps.map((s) => plan('general').steps[s.index].seconds * 1000),
      );
      const talk = (t: Turn) => t.items.reduce((sum, i) => sum + (i.type === 'speech' ? i.ms : 0), 0);
      const perHold = (t: Turn) => talk(t) / t.steps.length;
      if (pace === 'slow') expect(perHold(turn)).toBeGreaterThan(perHold(normal));
      else expect(perHold(turn)).toBeLessThan(perHold(normal));
    },
  );

  it('keeps a turn within 240 s: a long first hold after a slow opening waits for "next"', () => {
    const slow = plan('sciatica', { pace: 'slow', cues: 'full' }, 1.5);
    const lead = [...openingLead('Sciatica', 9), ...openingLead('Sciatica', 9)];
    const first = buildTurn(slow, { index: 0 }, say, { lead });
    expect(first.steps).toEqual([]);
    expect(first.next).toBe(0);
    expect(first.totalMs).toBeLessThanOrEqual(MAX_TURN_MS);
    const closing = first.items.at(-1);
    expect(closing?.type === 'speech' ? ssmlToText(closing.ssml) : '').toMatch(/Say next when you're ready/);
    const second = buildTurn(slow, { index: first.next }, say);
    expect(second.steps[0].index).toBe(0);
    expect(second.totalMs).toBeLessThanOrEqual(MAX_TURN_MS);
    // Kept in the session, the opening-only turn reads back, and after it the first hold is next.
    const now = Date.parse('2026-11-25T08:00:00Z');
    const state = parseRoutineState(JSON.parse(JSON.stringify(startTurn(slow, first, now))), now);
    expect(state.ok).toBe(true);
    if (state.ok)
      expect(positionAt(state.value, now + first.totalMs + 1)).toMatchObject({ at: 'between', index: 0 });
    // An empty turn that claims the routine is over is not one the engine makes.
    const over = {
      ...startTurn(slow, first, now),
      turn: { ...startTurn(slow, first, now).turn!, next: slow.steps.length },
    };
    expect(parseRoutineState(JSON.parse(JSON.stringify(over)), now).ok).toBe(false);
  });
});

describe('fewer cues', () => {
  it.each(routines.map((r) => [r.id]))(
    '%s: a hold says only its halfway cue in words, and its signs of life are a soft sound',
    (id) => {
      const quiet = plan(id, { pace: 'normal', cues: 'fewer' });
      const turns = allTurns(quiet, say);
      const full = allTurns(plan(id), say);
      const spoken = turns.flatMap(inHolds);
      expect(spoken.length).toBeGreaterThan(0);
      for (const { index, item } of spoken) {
        if (item.cue === 'sound') {
          expect(item.ssml).toBe(SOFT_SOUND_SSML);
          expect(item.ms).toBe(1000);
        } else expect([index, item.cue]).toEqual([index, 'halfway']);
      }
      // Only the holds of a minute or more have a halfway cue, as with every cue.
      for (const turn of turns)
        for (const step of turn.steps) {
          const halfway = inHolds(turn).filter((s) => s.index === step.index && s.item.cue === 'halfway');
          expect(halfway.length).toBe(step.holdMs >= 60_000 ? 1 : 0);
        }
      // Breathing cues are gone; the full plan had them.
      expect(full.flatMap(inHolds).some((s) => /breathe/.test(s.item.cue ?? ''))).toBe(true);
      expect(spoken.some((s) => /breathe/.test(s.item.cue ?? ''))).toBe(false);
      // Every hold still starts with "press now" and ends with its release, in words.
      for (const turn of turns) {
        const cues = turn.items.flatMap((i) => (i.type === 'speech' && i.cue ? [i.cue] : []));
        expect(cues.filter((c) => c === 'press' || c === 'switch-sides').length).toBeGreaterThanOrEqual(
          turn.steps.length,
        );
        expect(cues.filter((c) => c === 'release').length).toBe(turn.steps.length);
      }
    },
  );

  it('the soft sound is a sound-library chime the model times', () => {
    expect(SOFT_SOUND_SSML).toBe(`<audio src="${SOFT_SOUND_SRC}"/>`);
    expect(SOFT_SOUND_SRC).toMatch(/^soundbank:\/\/soundlibrary\//);
    expect(estimateSpeechMs(`<speak>${SOFT_SOUND_SSML}</speak>`)).toBe(1000);
    expect(estimateSpeechMs('<speak><audio src="soundbank://soundlibrary/unknown"/></speak>')).toBe(0);
  });
});

describe('a plan kept in the session', () => {
  it('keeps its voice style, and is rejected whole when the style is not one the skill makes', () => {
    const quiet = plan('quick', { pace: 'slow', cues: 'fewer' });
    expect(parsePlan(JSON.parse(JSON.stringify(quiet)))).toEqual(quiet);
    expect(parsePlan(JSON.parse(JSON.stringify(plan('quick'))))).toEqual(plan('quick'));
    for (const voice of [{ pace: 'glacial', cues: 'full' }, { pace: 'slow' }, 'slow', null]) {
      expect(parsePlan({ ...JSON.parse(JSON.stringify(quiet)), voice })).toBeUndefined();
    }
  });
});
