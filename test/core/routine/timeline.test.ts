import { routines } from '../../../lambda/src/core/catalogue';
import { planRoutine, type RoutinePlan } from '../../../lambda/src/core/routine/plan';
import { estimateSpeechMs } from '../../../lambda/src/core/routine/speaking-rate';
import {
  allTurns,
  buildTurn,
  MAX_TURN_MS,
  timelineMs,
  type Turn,
} from '../../../lambda/src/core/routine/timeline';
import { timelineToApla } from '../../../lambda/src/speech/apla';
import { ssmlToText } from '../../../lambda/src/speech/ssml';
import { timelineToSsml } from '../../../lambda/src/speech/timeline-ssml';
import { aplaProblems, ssmlProblems } from '../../../simulator/speech-check';
import { everyPlan, say, t } from './fixtures';

/** Consecutive speech joined into one entry (one SSML text run may hold several cues). */
function joinSpeech(sequence: Array<string | number>): Array<string | number> {
  const out: Array<string | number> = [];
  for (const entry of sequence) {
    const last = out[out.length - 1];
    if (typeof entry === 'string' && typeof last === 'string') out[out.length - 1] = `${last} ${entry}`;
    else out.push(entry);
  }
  return out;
}

/** An SSML rendering read back as a sequence: spoken text, and silences (consecutive breaks summed). */
function ssmlSequence(ssml: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const part of ssml.replace(/^<speak>|<\/speak>$/g, '').split(/(<break time="\d+ms"\/>)/)) {
    const ms = /^<break time="(\d+)ms"\/>$/.exec(part);
    const last = out[out.length - 1];
    if (ms) out.push(typeof last === 'number' ? (out.pop() as number) + Number(ms[1]) : Number(ms[1]));
    else if (part.trim() !== '') out.push(ssmlToText(part));
  }
  return joinSpeech(out);
}

/** An APLA rendering as the same kind of sequence. */
function aplaSequence(turn: Turn): Array<string | number> {
  return joinSpeech(
    timelineToApla(turn.items, 'x').document.mainTemplate.item.items.map((c) =>
      c.type === 'Silence' ? c.duration : ssmlToText(c.content),
    ),
  );
}

/** Start offset of every item of a turn, from the rendered APLA document (independent of the turn's own numbers). */
function aplaOffsets(turn: Turn): Array<{ start: number; end: number; text?: string }> {
  const apla = timelineToApla(turn.items, 'test');
  let offset = 0;
  return apla.document.mainTemplate.item.items.map((c) => {
    const ms = c.type === 'Silence' ? c.duration : estimateSpeechMs(c.content);
    const entry = {
      start: offset,
      end: offset + ms,
      text: c.type === 'Speech' ? ssmlToText(c.content) : undefined,
    };
    offset += ms;
    return entry;
  });
}

describe.each(everyPlan)('%s routine, holds × %s', (_id, _scale, plan, lead) => {
  const turns = allTurns(plan, say, lead);

  it('plays every hold exactly once, in order', () => {
    expect(turns.flatMap((turn) => turn.steps.map((s) => s.index))).toEqual(plan.steps.map((_, i) => i));
    expect(turns[turns.length - 1].finished).toBe(true);
    expect(turns.slice(0, -1).every((turn) => !turn.finished)).toBe(true);
  });

  it('keeps every turn within 240 s, its total equal to its items', () => {
    for (const turn of turns) {
      expect(turn.totalMs).toBeLessThanOrEqual(MAX_TURN_MS);
      expect(Math.abs(timelineMs(turn.items) - turn.totalMs)).toBeLessThanOrEqual(1);
    }
  });

  it('renders each turn as valid SSML (breaks ≤ 10 s, < 8000 characters) saying and pausing exactly as the APLA', () => {
    for (const turn of turns) {
      const ssml = timelineToSsml(turn.items);
      expect(ssmlProblems(ssml)).toEqual([]);
      expect(ssmlSequence(ssml)).toEqual(aplaSequence(turn));
    }
  });

  it('renders each turn as an APLA document of the documented shape and the same length', () => {
    for (const turn of turns) {
      const directive = timelineToApla(turn.items, 'token');
      expect(aplaProblems(JSON.parse(JSON.stringify(directive)))).toEqual([]);
      const offsets = aplaOffsets(turn);
      expect(Math.abs(offsets[offsets.length - 1].end - turn.totalMs)).toBeLessThanOrEqual(1000);
    }
  });

  it('holds each point for its planned time (±1 s): from "press now" to "release"', () => {
    for (const turn of turns) {
      const offsets = aplaOffsets(turn);
      for (const step of turn.steps) {
        const planned = plan.steps[step.index].seconds * 1000;
        expect(step.holdMs).toBe(planned);
        const pressEnds = offsets.find((o) => Math.abs(o.end - step.holdStartMs) < 1 && o.text);
        const release = offsets.find((o) => o.start >= step.holdStartMs + planned - 1 && o.text);
        expect(pressEnds).toBeDefined();
        expect(release?.text).toMatch(/^And /);
        expect(Math.abs(release!.start - pressEnds!.end - planned)).toBeLessThanOrEqual(1000);
      }
    }
  });

  it('speaks only finished sentences (no missing i18n key) and ends each turn with how to go on', () => {
    for (const turn of turns) {
      const text = ssmlToText(timelineToSsml(turn.items));
      expect(text).not.toMatch(/\b(routine|common|find)\.[a-z]|\{\{|undefined/);
      expect(text).toMatch(turn.finished ? /routine done\.|That's the/ : /Say next when you're ready for/);
    }
  });
});

describe('the cues a person hears', () => {
  const general = planRoutine(routines.find((r) => r.id === 'general')!);
  const text = (turn: Turn) => ssmlToText(timelineToSsml(turn.items));

  it('announces what to press and how, says press now, breathing, halfway and release', () => {
    const turn = buildTurn(general, { index: 1 }, say);
    expect(text(turn)).toMatch(
      /^Next, B L 23, Sea of Vitality, for 2 minutes\. Lie on your back.*Press both sides of the spine.*Now press into Sea of Vitality, building up over two breaths to a firm, dull ache\. Now breathe slowly\. In for five, out for five\..*Half the time is done\..*And ease off, gently\./,
    );
    const types = turn.items.flatMap((item) => (item.type === 'speech' && item.cue ? [item.cue] : []));
    expect(types.slice(0, types.indexOf('release') + 1)).toEqual([
      'announce',
      'press',
      'breathe',
      'keep',
      'halfway',
      'keep',
      'keep',
      'release',
    ]);
  });

  it('times left then right with "switch sides" between', () => {
    const index = general.steps.findIndex((s) => s.side === 'left');
    const turn = buildTurn(general, { index }, say);
    expect(turn.steps.slice(0, 2).map((s) => s.side)).toEqual(['left', 'right']);
    expect(text(turn)).toMatch(
      /B L 60, Kunlun Mountains, for 30 seconds, left side first\..*And slowly let go\. Switch sides: the same point on your right side\. Press Kunlun Mountains now/,
    );
  });

  it('guides the breathing: in, and out', () => {
    const evening = planRoutine(routines.find((r) => r.id === 'evening')!);
    expect(text(buildTurn(evening, { index: 0 }, say))).toMatch(
      /Let's begin\. Breathe in\. And out\. Now in\. And let it out\./,
    );
  });

  it('resumes a paused hold with only its remainder, then carries on', () => {
    const turn = buildTurn(general, { index: 1, remainingMs: 80_000 }, say);
    expect(turn.steps[0]).toMatchObject({ index: 1, holdMs: 80_000, resumed: true });
    expect(text(turn)).toMatch(/^Back to B L 23\. Press again, and hold\./);
    // The halfway mark (60 s into 120 s) was passed at 40 s held; 80 s left means it is still ahead.
    const firstHold = (x: Turn) => {
      const cues = x.items.flatMap((item) => (item.type === 'speech' && item.cue ? [item.cue] : []));
      return cues.slice(0, cues.indexOf('release'));
    };
    expect(firstHold(turn)).toContain('halfway');
    const late = buildTurn(general, { index: 1, remainingMs: 30_000 }, say);
    expect(firstHold(late)).not.toContain('halfway');
    expect(text(late)).toMatch(/And ease off, gently\. Next, B L 52/);
  });

  it('puts the opening (stop rules) in the first turn only', () => {
    const turns = allTurns(general, say, [t('routine.stopRules')]);
    expect(text(turns[0])).toMatch(
      /^Stop straight away if the pain turns sharp, burning or electric, spreads down a leg/,
    );
    expect(turns.slice(1).some((turn) => /Stop straight away/.test(text(turn)))).toBe(false);
  });

  it('never makes a turn longer than asked, and still plays a hold that alone is longer', () => {
    const turns = allTurns(general, say).length;
    let index = 0;
    let count = 0;
    while (index < general.steps.length) {
      const turn = buildTurn(general, { index }, say, { maxMs: 60_000 });
      expect(turn.steps.length).toBe(1);
      index = turn.next;
      count++;
    }
    expect(count).toBe(general.steps.length);
    expect(count).toBeGreaterThan(turns);
  });
});

/**
 * A returning user's one-line stop reminder is said as the first words of the first hold, right
 * after its press cue: part of the hold (which keeps its length), never added to the talk before it.
 */
describe('words said in the first hold', () => {
  const reminder = t('safety.routineStopRules.reminder');
  const text = (turn: Turn) => ssmlToText(timelineToSsml(turn.items));

  it.each(everyPlan)(
    '%s routine, holds × %s: first in the hold, the hold and the turn as long as without them',
    (_id, _scale, plan) => {
      const without = buildTurn(plan, { index: 0 }, say);
      const turn = buildTurn(plan, { index: 0 }, say, { inFirstHold: [reminder] });
      const [hold] = turn.steps;
      expect(turn.steps).toEqual(without.steps);
      expect(turn.totalMs).toBe(without.totalMs);
      const offsets = aplaOffsets(turn);
      const first = offsets.find((o) => o.text !== undefined && o.start >= hold.holdStartMs - 1);
      expect(Math.abs(first!.start - hold.holdStartMs)).toBeLessThanOrEqual(1);
      expect(first!.text).toBe(ssmlToText(reminder));
      expect(text(turn).split(ssmlToText(reminder))).toHaveLength(2);
      expect(ssmlProblems(timelineToSsml(turn.items))).toEqual([]);
      expect(aplaProblems(JSON.parse(JSON.stringify(timelineToApla(turn.items, 'x'))))).toEqual([]);
    },
  );

  it('a breathing hold starts its rhythm when the words end: in, then out five seconds later', () => {
    const evening = planRoutine(routines.find((r) => r.id === 'evening')!);
    const turn = buildTurn(evening, { index: 0 }, say, { inFirstHold: [reminder] });
    expect(text(turn)).toMatch(
      /Let's begin\. Stop if it's sharp or spreads, or you're dizzy\. Breathe in\. And out\./,
    );
    let at = 0;
    const starts: Partial<Record<string, number>> = {};
    for (const item of turn.items) {
      if (item.type === 'speech' && item.cue && starts[item.cue] === undefined) starts[item.cue] = at;
      at += item.ms;
    }
    const reminderMs = estimateSpeechMs(reminder);
    expect(starts['breathe-in']).toBe(turn.steps[0].holdStartMs + reminderMs);
    expect(starts['breathe-out']! - starts['breathe-in']!).toBe(5_000);
  });

  it('a hold too short to carry them gets them before its announcement', () => {
    const general = planRoutine(routines.find((r) => r.id === 'general')!);
    const short: RoutinePlan = {
      ...general,
      steps: [{ ...general.steps[0], seconds: 3 }, ...general.steps.slice(1)],
    };
    const turn = buildTurn(short, { index: 0 }, say, { inFirstHold: [reminder] });
    expect(text(turn).startsWith(ssmlToText(reminder))).toBe(true);
    expect(turn.steps[0].holdMs).toBe(3_000);
  });

  it('a turn that is its lead alone still says them', () => {
    const general = planRoutine(routines.find((r) => r.id === 'general')!);
    const alone = buildTurn(general, { index: 0 }, say, { maxMs: 1_000_000 });
    const lead = Array.from({ length: 30 }, () => t('routine.stopRules'));
    const turn = buildTurn(general, { index: 0 }, say, {
      lead,
      inFirstHold: [reminder],
      maxMs: alone.steps[0].endMs + 10_000,
    });
    expect(turn.steps).toEqual([]);
    expect(text(turn)).toContain(ssmlToText(reminder));
  });
});

describe('screen data for each turn', () => {
  it('gives step n of m, points, side, and the hold offset and length in the audio', () => {
    const plan: RoutinePlan = planRoutine(routines.find((r) => r.id === 'quick')!);
    const [first] = allTurns(plan, say);
    expect(first.steps[0]).toMatchObject({ number: 1, of: 6, kind: 'warm-up', points: [], holdMs: 30_000 });
    const point = first.steps.find((s) => s.kind === 'point')!;
    expect(point).toMatchObject({ number: 2, of: 6, points: ['BL 23'], side: 'both', holdMs: 60_000 });
    expect(point.holdStartMs).toBeGreaterThan(point.startMs);
    expect(point.endMs).toBeGreaterThan(point.holdStartMs + point.holdMs);
  });
});
