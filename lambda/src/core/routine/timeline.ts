/**
 * Planned holds → turns. A turn is one response: a timeline of spoken cues and silences covering
 * one or more holds, at most 240 s long (the longest audio Alexa plays in one response). Each hold
 * is laid out as:
 *
 *   announce (what to press and how) · settle silence · "press now" · HOLD · "release slowly" · rest
 *
 * where HOLD is silence with a few short cues inside it (a breathing prompt, "halfway", and a sign of
 * life: a short breath cue whenever the silence would otherwise run past MAX_CUE_SPACING_MS), and
 * the silence plus the estimated duration of those cues is exactly the planned hold. The words come
 * from a phrasebook the caller supplies, so this module stays free of i18n and Alexa.
 *
 * Cues that recur (press, breathe, keep, halfway, release, switch sides, breathe in/out) carry `nth`:
 * how many cues of that type came before it in the routine played straight through, counted from the
 * plan alone. The phrasebook picks a wording by it, so the same cue never has the same words twice
 * in a row, whichever turn or pause it falls in, with no randomness.
 *
 * The plan's voice style (./voice.ts) shapes every turn: at a slow or fast pace every speech item
 * (cues and the lead) is wrapped in its `<prosody rate>` and timed at that rate, and the settle, rest
 * and closing gaps stretch or shrink; with fewer cues a hold keeps only "press now", "halfway" and
 * the release, and its signs of life are a soft sound instead of words.
 */
import type { PlannedStep, RoutinePlan } from './plan';
import { sourceCount } from './plan';
import { estimateSpeechMs } from './speaking-rate';
import { atPace, DEFAULT_VOICE, gapAt, SOFT_SOUND_SSML, type CueDensity, type Pace } from './voice';

/** The longest timeline in one response (APL for Audio's limit on one audio response). */
export const MAX_TURN_MS = 240_000;
/** Time to get into position after the announcement, before "press now". */
export const SETTLE_MS = 3_000;
/** Rest between one hold's release and the next announcement. */
export const REST_MS = 2_000;
/** Silence before the closing cue of a turn. */
export const CLOSING_GAP_MS = 1_000;
/** A hold resumed with less than this left is counted as done. */
export const MIN_RESUME_MS = 5_000;
/**
 * Inside a hold, the most time from one cue's start (or the hold's start) to the next cue's start (or
 * the hold's end): on a speaker, a long silence sounds broken, so no silence in a hold runs longer.
 */
export const MAX_CUE_SPACING_MS = 26_000;

/** How a hold is introduced. */
export type AnnounceOrder = 'first' | 'next' | 'again' | 'only';

/** Everything the engine may say; the phrasebook turns each into SSML (without `<speak>`). */
export type Cue =
  | {
      type: 'announce';
      step: PlannedStep;
      order: AnnounceOrder;
      number: number;
      of: number;
      /** Which point, how long and which side only (a routine the user has started before). */
      brief?: true;
    }
  | { type: 'switch-sides'; step: PlannedStep; nth: number }
  | { type: 'back-to'; step: PlannedStep }
  | { type: 'press'; step: PlannedStep; nth: number }
  | { type: 'breathe'; step: PlannedStep; nth: number }
  | { type: 'breathe-in'; nth: number }
  | { type: 'breathe-out'; nth: number }
  /** A sign of life in a long hold: a short breath or steadying cue. */
  | { type: 'keep'; step: PlannedStep; nth: number }
  | { type: 'halfway'; step: PlannedStep; nth: number }
  | { type: 'release'; step: PlannedStep; nth: number }
  | { type: 'ready-for-next'; next: PlannedStep }
  | { type: 'finished'; plan: RoutinePlan };

export type Phrasebook = ((cue: Cue) => string) & {
  /** The language the cues are in: the speaking-rate model times them for it (English when absent). */
  readonly language?: string;
};

/** The cues that recur in a routine, each worded by its `nth`. */
export type RecurringCue = Extract<Cue, { nth: number }>['type'];

/**
 * Speech (with the type of cue it says, when it is one; a lead has none; `sound` for the soft sound
 * a quiet hold plays instead of words) or silence. `cue` is for tools that read a turn (the bench,
 * tests); renderers ignore it.
 */
export type TimelineItem =
  { type: 'speech'; ssml: string; ms: number; cue?: Cue['type'] | 'sound' } | { type: 'silence'; ms: number };

/** One hold inside a turn, as plain data for screens and for "where are we" arithmetic. */
export interface TurnStep {
  /** Index into plan.steps. */
  index: number;
  /** 1-based routine step number and how many there are ("step 3 of 6"). */
  number: number;
  of: number;
  kind: PlannedStep['kind'];
  points: string[];
  side: PlannedStep['side'];
  /** Where this hold's announcement starts, from the start of the turn. */
  startMs: number;
  /** When the hold itself begins (after "press now"), from the start of the turn. */
  holdStartMs: number;
  /** Length of the hold in this turn (the remainder, when resumed after a pause). */
  holdMs: number;
  /** When this hold's release and rest are over. */
  endMs: number;
  /** True when this turn plays only the rest of a paused hold. */
  resumed: boolean;
}

export interface Turn {
  items: TimelineItem[];
  totalMs: number;
  steps: TurnStep[];
  /** plan.steps index of the first hold after this turn; equals steps.length when the routine ends. */
  next: number;
  finished: boolean;
}

/** Where a turn begins: a hold, optionally only its remaining part after a pause. */
export interface TurnStart {
  index: number;
  order?: AnnounceOrder;
  /** Play only this much of the hold, introduced with "back to …" instead of the announcement. */
  remainingMs?: number;
}

export interface TurnOptions {
  /** Speech (SSML fragments) before the first hold: welcome, stop rules, an answer. */
  lead?: string[];
  /**
   * Speech (SSML fragments) said as the first words of the turn's first hold, right after its press
   * cue: a returning user's one-line stop reminder. It is part of the hold (the hold keeps its
   * length; its own cues follow), so it takes no time from the talk before the first press. A hold
   * too short to carry it after its press cue gets it before its announcement instead.
   */
  inFirstHold?: string[];
  maxMs?: number;
}

class TimelineWriter {
  readonly items: TimelineItem[] = [];
  totalMs = 0;
  constructor(
    private readonly say: Phrasebook,
    readonly pace: Pace,
  ) {}

  speak(cue: Cue): void {
    this.speakSsml(this.say(cue), cue.type);
  }

  /** The language the turn is spoken in (the speaking-rate model times it for that language). */
  get language(): string | undefined {
    return this.say.language;
  }

  /** What a cue says at this turn's pace, and how long that takes. */
  voiced(cue: Cue): { ssml: string; ms: number } {
    const ssml = atPace(this.say(cue), this.pace);
    return { ssml, ms: estimateSpeechMs(ssml, this.say.language) };
  }

  /** Speech at this turn's pace. */
  speakSsml(text: string, cue?: Cue['type']): void {
    this.speakVoiced(atPace(text, this.pace), cue);
  }

  /** Speech as it is (already at its pace, or a sound). */
  speakVoiced(ssml: string, cue?: Cue['type'] | 'sound'): void {
    const ms = estimateSpeechMs(ssml, this.say.language);
    this.items.push(cue ? { type: 'speech', ssml, ms, cue } : { type: 'speech', ssml, ms });
    this.totalMs += ms;
  }

  silence(ms: number): void {
    const rounded = Math.round(ms);
    if (rounded <= 0) return;
    const last = this.items[this.items.length - 1];
    if (last && last.type === 'silence') last.ms += rounded;
    else this.items.push({ type: 'silence', ms: rounded });
    this.totalMs += rounded;
  }

  mark(): { items: number; totalMs: number } {
    return { items: this.items.length, totalMs: this.totalMs };
  }

  rollback(to: { items: number; totalMs: number }): void {
    this.items.length = to.items;
    this.totalMs = to.totalMs;
    const last = this.items[this.items.length - 1];
    // A silence merged into after the mark is split back out by recomputing the total.
    const sum = this.items.reduce((s, i) => s + i.ms, 0);
    if (last && last.type === 'silence' && sum !== to.totalMs) last.ms -= sum - to.totalMs;
  }
}

type HoldCueType = 'breathe' | 'breathe-in' | 'breathe-out' | 'keep' | 'halfway';

/**
 * The cues of a whole hold, by type, at their times from the hold's start (before any pause). With
 * fewer cues only the halfway cue stays, and the signs of life fill the rest.
 */
function plannedHoldCues(step: PlannedStep, density: CueDensity): Array<{ atMs: number; type: HoldCueType }> {
  const fullMs = step.seconds * 1000;
  const cues: Array<{ atMs: number; type: HoldCueType }> = [];
  if (density === 'fewer') {
    // Start, halfway and release only.
  } else if (step.kind === 'breathing') {
    for (const at of [0, 10_000]) {
      cues.push({ atMs: at, type: 'breathe-in' }, { atMs: at + 5_000, type: 'breathe-out' });
    }
  } else if (step.kind === 'point' || step.kind === 'palms') {
    cues.push({ atMs: 8_000, type: 'breathe' });
  }
  if (fullMs >= 60_000) cues.push({ atMs: fullMs / 2, type: 'halfway' });
  const anchors = cues.filter((c) => c.atMs < fullMs).sort((a, b) => a.atMs - b.atMs);
  // A sign of life wherever cues would be further apart than MAX_CUE_SPACING_MS, evenly spaced.
  const marks = [0, ...anchors.map((c) => c.atMs), fullMs];
  const keeps: Array<{ atMs: number; type: HoldCueType }> = [];
  for (let i = 1; i < marks.length; i++) {
    const gap = marks[i] - marks[i - 1];
    const fills = Math.ceil(gap / MAX_CUE_SPACING_MS) - 1;
    for (let k = 1; k <= fills; k++) {
      keeps.push({ atMs: Math.round(marks[i - 1] + (gap * k) / (fills + 1)), type: 'keep' });
    }
  }
  return [...anchors, ...keeps].sort((a, b) => a.atMs - b.atMs);
}

/** Every recurring cue of one hold played whole, in order (what `nth` counts). */
function recurringCuesOf(plan: RoutinePlan, index: number): RecurringCue[] {
  const step = plan.steps[index];
  const previous = plan.steps[index - 1];
  const types: RecurringCue[] = [];
  if (previous && previous.source === step.source) types.push('switch-sides');
  types.push('press', ...plannedHoldCues(step, densityOf(plan)).map((c) => c.type), 'release');
  return types;
}

function densityOf(plan: RoutinePlan): CueDensity {
  return (plan.voice ?? DEFAULT_VOICE).cues;
}

/** How many cues of each recurring type come before hold `index` in the routine played through. */
function countsBefore(plan: RoutinePlan, index: number): Map<RecurringCue, number> {
  const counts = new Map<RecurringCue, number>();
  for (let i = 0; i < index && i < plan.steps.length; i++) {
    for (const type of recurringCuesOf(plan, i)) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return counts;
}

/** Cues spoken inside a hold, with the time (from the hold's start) each should begin. */
function holdCues(
  step: PlannedStep,
  density: CueDensity,
  holdMs: number,
  elapsedInHoldMs: number,
  counts: Map<RecurringCue, number>,
): Array<{ atMs: number; cue: Cue }> {
  const cues: Array<{ atMs: number; cue: Cue }> = [];
  for (const planned of plannedHoldCues(step, density)) {
    const nth = counts.get(planned.type) ?? 0;
    counts.set(planned.type, nth + 1);
    const at = planned.atMs - elapsedInHoldMs;
    if (at < 0 || at >= holdMs) continue;
    const cue: Cue =
      planned.type === 'breathe-in' || planned.type === 'breathe-out'
        ? { type: planned.type, nth }
        : { type: planned.type, step, nth };
    cues.push({ atMs: at, cue });
  }
  return cues;
}

/**
 * Lays out one hold of `holdMs` (in estimated ms, exactly): cues at their times when they fit,
 * silence in between, and silence to the end. A cue that would run past the hold is left out.
 */
function writeHold(
  w: TimelineWriter,
  step: PlannedStep,
  density: CueDensity,
  holdMs: number,
  elapsedInHoldMs: number,
  counts: Map<RecurringCue, number>,
  opening: string[] = [],
): void {
  const start = w.totalMs;
  // The hold's first words (said once, at its start); its own cues come at their times after them,
  // and the breathing rhythm (in for five, out for five) starts when they end.
  for (const ssml of opening) w.speakSsml(ssml);
  const rhythmMs = w.totalMs - start;
  for (const planned of holdCues(step, density, holdMs, elapsedInHoldMs, counts)) {
    const { cue } = planned;
    const atMs =
      cue.type === 'breathe-in' || cue.type === 'breathe-out' ? planned.atMs + rhythmMs : planned.atMs;
    // With fewer cues a sign of life is a soft sound, not words.
    const sound = density === 'fewer' && cue.type === 'keep';
    const { ssml, ms } = sound
      ? { ssml: SOFT_SOUND_SSML, ms: estimateSpeechMs(SOFT_SOUND_SSML, w.language) }
      : w.voiced(cue);
    const at = Math.max(atMs, w.totalMs - start);
    if (at + ms > holdMs - 1_000) continue;
    w.silence(start + at - w.totalMs);
    w.speakVoiced(ssml, sound ? 'sound' : cue.type);
  }
  w.silence(start + holdMs - w.totalMs);
}

/** Writes one hold (announce … rest) and returns its window in the turn. */
function writeStep(
  w: TimelineWriter,
  plan: RoutinePlan,
  index: number,
  intro:
    | { kind: 'announce'; order: AnnounceOrder }
    | { kind: 'switch-sides' }
    | { kind: 'back-to'; remainingMs: number },
  inHold: string[] = [],
): TurnStep {
  const step = plan.steps[index];
  const of = sourceCount(plan);
  const number = new Set(plan.steps.slice(0, index + 1).map((s) => s.source)).size;
  const startMs = w.totalMs;
  const fullMs = step.seconds * 1000;
  const counts = countsBefore(plan, index);
  const nth = (type: RecurringCue) => counts.get(type) ?? 0;
  let holdMs = fullMs;
  if (intro.kind === 'announce') {
    // "Repeat" and "go back" ("once more") always give the full words.
    const brief = plan.brief === true && intro.order !== 'again' ? { brief: true as const } : {};
    w.speak({ type: 'announce', step, order: intro.order, number, of, ...brief });
    w.silence(gapAt(SETTLE_MS, w.pace));
    w.speak({ type: 'press', step, nth: nth('press') });
  } else if (intro.kind === 'switch-sides') {
    w.speak({ type: 'switch-sides', step, nth: nth('switch-sides') });
    w.silence(gapAt(SETTLE_MS, w.pace));
    w.speak({ type: 'press', step, nth: nth('press') });
  } else {
    holdMs = Math.min(fullMs, Math.max(0, Math.round(intro.remainingMs)));
    w.speak({ type: 'back-to', step });
  }
  const holdStartMs = w.totalMs;
  const release = nth('release');
  writeHold(w, step, densityOf(plan), holdMs, fullMs - holdMs, counts, inHold);
  w.speak({ type: 'release', step, nth: release });
  return {
    index,
    number,
    of,
    kind: step.kind,
    points: [...step.points],
    side: step.side,
    startMs,
    holdStartMs,
    holdMs,
    endMs: w.totalMs,
    resumed: intro.kind === 'back-to',
  };
}

/**
 * One turn from `start`: the lead, then as many holds as fit in `maxMs` together with the closing
 * cue ("say next when you're ready for …", or the routine's end). The first hold is always included,
 * but for one case: when the lead and the first hold together run past `maxMs` and the hold alone
 * would fit (a long first hold after a first-time opening, said slowly), the turn is the lead alone,
 * asking for "next", so no response is ever longer than Alexa plays.
 */
export function buildTurn(
  plan: RoutinePlan,
  start: TurnStart,
  say: Phrasebook,
  options: TurnOptions = {},
): Turn {
  const maxMs = options.maxMs ?? MAX_TURN_MS;
  const w = new TimelineWriter(say, (plan.voice ?? DEFAULT_VOICE).pace);
  let index = Math.max(0, Math.min(start.index, plan.steps.length));
  const inHold = (options.inFirstHold ?? []).filter((ssml) => ssml.trim() !== '');
  const firstHoldMs = firstHoldLength(plan, start, index);
  const inHoldMs = inHold.reduce((ms, ssml) => ms + estimateSpeechMs(atPace(ssml, w.pace)), 0);
  // Words that would not leave a second of the hold after them are said before it.
  const carried = inHold.length > 0 && inHoldMs <= firstHoldMs - 1_000 ? inHold : [];
  const lead = [...(options.lead ?? []), ...(carried.length > 0 ? [] : inHold)];
  for (const ssml of lead) if (ssml.trim() !== '') w.speakSsml(ssml);
  const leadMs = w.totalMs;
  const steps: TurnStep[] = [];
  while (index < plan.steps.length) {
    const before = w.mark();
    const previous = plan.steps[index - 1];
    const isFirstInTurn = steps.length === 0;
    const firstWords = isFirstInTurn ? carried : [];
    if (isFirstInTurn && start.remainingMs !== undefined) {
      steps.push(writeStep(w, plan, index, { kind: 'back-to', remainingMs: start.remainingMs }, firstWords));
    } else if (!isFirstInTurn && previous && previous.source === plan.steps[index].source) {
      w.silence(gapAt(REST_MS, w.pace));
      steps.push(writeStep(w, plan, index, { kind: 'switch-sides' }));
    } else {
      if (!isFirstInTurn) w.silence(gapAt(REST_MS, w.pace));
      const order: AnnounceOrder = isFirstInTurn
        ? (start.order ?? (plan.steps.length === 1 ? 'only' : index === 0 ? 'first' : 'next'))
        : 'next';
      steps.push(writeStep(w, plan, index, { kind: 'announce', order }, firstWords));
    }
    const closing = closingCue(plan, index + 1);
    const closingMs = w.voiced(closing).ms;
    const endMs = w.totalMs + gapAt(CLOSING_GAP_MS, w.pace) + closingMs;
    const fitsWithoutLead = leadMs > 0 && endMs - leadMs <= maxMs;
    if (endMs > maxMs && (!isFirstInTurn || fitsWithoutLead)) {
      w.rollback(before);
      steps.pop();
      break;
    }
    index++;
  }
  // A turn that is its lead alone still says the words meant for its first hold.
  if (steps.length === 0) for (const ssml of carried) w.speakSsml(ssml);
  w.silence(gapAt(CLOSING_GAP_MS, w.pace));
  w.speak(closingCue(plan, index));
  return { items: w.items, totalMs: w.totalMs, steps, next: index, finished: index >= plan.steps.length };
}

/** How long the first hold of a turn from `start` lasts (0 when there is none). */
function firstHoldLength(plan: RoutinePlan, start: TurnStart, index: number): number {
  const step = plan.steps[index];
  if (!step) return 0;
  const fullMs = step.seconds * 1000;
  return start.remainingMs === undefined
    ? fullMs
    : Math.min(fullMs, Math.max(0, Math.round(start.remainingMs)));
}

function closingCue(plan: RoutinePlan, nextIndex: number): Cue {
  const next = plan.steps[nextIndex];
  return next ? { type: 'ready-for-next', next } : { type: 'finished', plan };
}

/**
 * Every turn of a plan played straight through from the start (the first one with `lead`, and
 * `inFirstHold` in its first hold).
 */
export function allTurns(
  plan: RoutinePlan,
  say: Phrasebook,
  lead: string[] = [],
  inFirstHold: string[] = [],
): Turn[] {
  const turns: Turn[] = [];
  let index = 0;
  while (index < plan.steps.length) {
    const first = turns.length === 0;
    const turn = buildTurn(plan, { index }, say, {
      lead: first ? lead : [],
      inFirstHold: first ? inFirstHold : [],
    });
    turns.push(turn);
    index = turn.next;
  }
  return turns;
}

/** The total of a turn's timeline (speech estimates plus silences). */
export function timelineMs(items: TimelineItem[]): number {
  return items.reduce((sum, item) => sum + item.ms, 0);
}

/**
 * How long a plan plays straight through, talk included: every turn from the first hold to the
 * closing words, with `lead` (the opening) in the first turn. The user's "next" between turns is
 * theirs, not counted.
 */
export function playedMs(
  plan: RoutinePlan,
  say: Phrasebook,
  lead: string[] = [],
  inFirstHold: string[] = [],
): number {
  return allTurns(plan, say, lead, inFirstHold).reduce((sum, turn) => sum + turn.totalMs, 0);
}

/**
 * The minutes to say for a length ("about 4 and a half minutes"): to the half minute under 10 minutes
 * and to the minute from there, at least 1. From 2½ minutes up this is always within 10 % of the
 * length.
 */
export function roundMinutes(ms: number): number {
  const minutes = ms / 60_000;
  const rounded = minutes < 10 ? Math.round(minutes * 2) / 2 : Math.round(minutes);
  return Math.max(1, rounded);
}

/**
 * The length to announce before a routine, from its plan: the opening that says it is part of what
 * plays, so its length is counted with the figure it will say (`leadFor(minutes)`), and worked out
 * again until the figure says itself (a word more or less in the opening; at most a few rounds).
 */
export function announcedMinutes(
  plan: RoutinePlan,
  say: Phrasebook,
  leadFor: (minutes: number) => string[],
  inFirstHold: string[] = [],
): number {
  let minutes = roundMinutes(playedMs(plan, say, leadFor(roundMinutes(0)), inFirstHold));
  for (let round = 0; round < 3; round++) {
    const next = roundMinutes(playedMs(plan, say, leadFor(minutes), inFirstHold));
    if (next === minutes) break;
    minutes = next;
  }
  return minutes;
}
