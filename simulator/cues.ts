/**
 * What a person would hear, and when: a response's output speech and its APL for Audio document
 * turned into a timed list of cues (speech at an offset, silences with a length). The web simulator
 * shows each cue when it would be heard (with a countdown ring for long silences) and the terminal
 * chat prints "[holding 45 s]"; neither plays audio, so the timing is an estimate.
 *
 * Timing model: the skill's own speaking-rate model (`lambda/src/core/routine/speaking-rate.ts`),
 * the one the routine engine lays holds out with, so the page, the chat and the skill agree on when
 * each cue is heard:
 * - speech lasts its words (270 ms each, numbers as spoken) plus clause and sentence pauses, scaled
 *   by `<prosody rate>`; `<break time>` and APLA `Silence` last exactly what they say;
 * - a silence of at least CUE_SPLIT_MS starts a new cue; shorter pauses stay inside the speech cue;
 * - as on a device, output speech plays first, then the APLA document (Alexa never overlaps them).
 *
 * Plain data in, plain data out: no Alexa SDK types, no clock, no I/O.
 */
import { estimateTextMs, speechParts } from '../lambda/src/core/routine/speaking-rate';

/** Silences at least this long are cues of their own (a hold, a breath); shorter ones are pauses in speech. */
export const CUE_SPLIT_MS = 1000;
/** A document nests no deeper than this; deeper parts are ignored (guards against self-referencing layouts). */
const MAX_DEPTH = 40;
/** Cues beyond this are dropped (no real turn comes near it; a hostile document might). */
const MAX_CUES = 2000;

export interface SpeechCue {
  kind: 'speech';
  /** Milliseconds from the start of the turn. */
  atMs: number;
  durationMs: number;
  /** What is said, as plain text. */
  text: string;
}
export interface SilenceCue {
  kind: 'silence';
  atMs: number;
  durationMs: number;
}
export type Cue = SpeechCue | SilenceCue;

export interface CueList {
  cues: Cue[];
  /** When the last cue ends. */
  totalMs: number;
}

/** How long plain text takes to say at a rate (1 = the default voice), by the skill's model. */
export function speakingMs(text: string, rate = 1): number {
  return Math.round(estimateTextMs(text) / rate);
}

/** Builds a cue list from pieces in order: words (with a rate), pauses, and finished cues. */
class Timeline {
  readonly cues: Cue[] = [];
  private text: string[] = [];
  private textStart = 0;
  private textMs = 0;
  private silenceMs = 0;
  constructor(private cursor = 0) {}

  words(text: string, ms: number): void {
    if (!/[\p{L}\p{N}]/u.test(text)) return;
    this.flushSilence();
    if (this.text.length === 0) this.textStart = this.cursor;
    this.text.push(text);
    this.textMs += ms;
    this.cursor += ms;
  }

  pause(ms: number): void {
    if (!(ms > 0)) return;
    if (ms < CUE_SPLIT_MS && this.silenceMs === 0) {
      const previous = this.cues[this.cues.length - 1];
      if (this.text.length > 0) this.textMs += ms;
      else if (previous?.kind === 'speech' && previous.atMs + previous.durationMs === this.cursor)
        previous.durationMs += ms;
      else this.silenceMs += ms;
      this.cursor += ms;
      return;
    }
    this.flushText();
    this.silenceMs += ms;
    this.cursor += ms;
  }

  /** Ends the current speech cue: the next words (another Speech component) are a cue of their own. */
  endSpeech(): void {
    this.flushText();
  }

  /** Adds a finished speech cue (from a Mixer's part) at its own time. */
  append(cue: SpeechCue): void {
    this.flush();
    this.push(cue);
    this.cursor = Math.max(this.cursor, cue.atMs + cue.durationMs);
  }

  /** The current time, with everything before it turned into cues. */
  position(): number {
    this.flush();
    return this.cursor;
  }

  private flushText(): void {
    if (this.text.length === 0) return;
    this.push({
      kind: 'speech',
      atMs: this.textStart,
      durationMs: this.textMs,
      text: this.text
        .join(' ')
        .replace(/\s+/g, ' ')
        .replace(/ ([.,?!;:])/g, '$1')
        .trim(),
    });
    this.text = [];
    this.textMs = 0;
  }

  private flushSilence(): void {
    if (this.silenceMs === 0) return;
    this.push({ kind: 'silence', atMs: this.cursor - this.silenceMs, durationMs: this.silenceMs });
    this.silenceMs = 0;
  }

  private flush(): void {
    this.flushText();
    this.flushSilence();
  }

  private push(cue: Cue): void {
    const previous = this.cues[this.cues.length - 1];
    // Back-to-back silences (output speech ending in a break, then an APLA Silence) are one hold.
    if (
      cue.kind === 'silence' &&
      previous?.kind === 'silence' &&
      previous.atMs + previous.durationMs === cue.atMs
    ) {
      previous.durationMs += cue.durationMs;
      return;
    }
    if (this.cues.length < MAX_CUES) this.cues.push(cue);
  }
}

/** Adds an SSML document (or fragment) to a timeline, timed by the skill's speaking-rate model. */
function addSsml(timeline: Timeline, ssml: string): void {
  for (const part of speechParts(ssml)) {
    if (part.kind === 'words') timeline.words(part.text, part.ms);
    else timeline.pause(part.ms);
  }
}

/** The cues of an SSML document, e.g. a routine turn as speech with `<break>`s. */
export function cuesFromSsml(ssml: string): CueList {
  const timeline = new Timeline();
  addSsml(timeline, ssml);
  return finish(timeline);
}

function finish(timeline: Timeline): CueList {
  const end = timeline.position();
  const cues = [...timeline.cues].sort((a, b) => a.atMs - b.atMs);
  const totalMs = cues.reduce((last, cue) => Math.max(last, cue.atMs + cue.durationMs), end);
  return { cues, totalMs };
}

// ---------------------------------------------------------------------------------------------
// APL for Audio. Shapes per the APLA reference: a document {type: "APLA", mainTemplate: {parameters,
// item | items}, compositions?}; components Sequencer (children in turn), Mixer (children together),
// Selector (the first child whose `when` holds), Speech {content, contentType PlainText | SSML},
// Silence {duration ms}, Audio (no known length: ignored). Data binding: `${name.path}` lookups
// against the datasources (and a component's `data` array) are resolved; other expressions in `when`
// count as true, other expressions in text are left as written.
// ---------------------------------------------------------------------------------------------

type Bindings = Record<string, unknown>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value at a dotted path. A path under a known name that leads nowhere is `undefined` (as in APL,
 * where a missing property is null); a path under an unknown name is not ours to resolve.
 */
function lookup(path: string, bindings: Bindings): { found: boolean; value?: unknown } {
  const parts = path.split('.');
  if (!parts.every((p) => /^[A-Za-z_]\w*$/.test(p)) || !(parts[0] in bindings)) return { found: false };
  let value: unknown = bindings[parts[0]];
  for (const part of parts.slice(1)) value = isObject(value) ? value[part] : undefined;
  return { found: true, value };
}

/** Resolves `${path}` bindings in a property: a whole-string binding keeps the value's type. */
function bind(value: unknown, bindings: Bindings): unknown {
  if (typeof value !== 'string' || !value.includes('${')) return value;
  const whole = /^\$\{\s*([\w.]+)\s*\}$/.exec(value);
  if (whole) {
    const found = lookup(whole[1], bindings);
    return found.found ? found.value : value;
  }
  return value.replace(/\$\{\s*([\w.]+)\s*\}/g, (text, path: string) => {
    const found = lookup(path, bindings);
    if (!found.found) return text;
    return typeof found.value === 'string' || typeof found.value === 'number' ? String(found.value) : '';
  });
}

function holds(when: unknown, bindings: Bindings): boolean {
  if (when === undefined) return true;
  const value = bind(when, bindings);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return !/^\s*(false|\$\{\s*false\s*\})\s*$/.test(value);
  return Boolean(value);
}

function children(component: Record<string, unknown>): unknown[] {
  if (Array.isArray(component.items)) return component.items;
  if (component.item !== undefined) return Array.isArray(component.item) ? component.item : [component.item];
  return [];
}

interface AplaContext {
  compositions: Record<string, unknown>;
  timeline: Timeline;
}

/** The children a multi-child component inflates: one per `data` element when it has data. */
function inflate(component: Record<string, unknown>, bindings: Bindings): Array<[unknown, Bindings]> {
  const items = children(component);
  const data = bind(component.data, bindings);
  if (!Array.isArray(data)) return items.map((item) => [item, bindings]);
  // With data, each element inflates the first child whose `when` holds.
  return data.flatMap((element, index): Array<[unknown, Bindings]> => {
    const scope = { ...bindings, data: element, index, length: data.length };
    const item = items.find((i) => isObject(i) && holds(i.when, scope));
    return item === undefined ? [] : [[item, scope]];
  });
}

function playComponent(node: unknown, bindings: Bindings, context: AplaContext, depth: number): void {
  if (!isObject(node) || depth > MAX_DEPTH || !holds(node.when, bindings)) return;
  const { timeline } = context;
  const type = bind(node.type, bindings);
  switch (type) {
    case 'Speech': {
      const content = bind(node.content, bindings);
      if (typeof content !== 'string') return;
      if (node.contentType === 'SSML') addSsml(timeline, content);
      else timeline.words(content, speakingMs(content));
      timeline.endSpeech();
      return;
    }
    case 'Silence': {
      const duration = Number(bind(node.duration, bindings));
      timeline.pause(Number.isFinite(duration) ? Math.max(0, duration) : 0);
      return;
    }
    case 'Sequencer':
      for (const [child, scope] of inflate(node, bindings)) playComponent(child, scope, context, depth + 1);
      return;
    case 'Selector': {
      const chosen = inflate(node, bindings).find(
        ([child, scope]) => isObject(child) && holds(child.when, scope),
      );
      if (chosen) playComponent(chosen[0], chosen[1], context, depth + 1);
      return;
    }
    case 'Mixer': {
      // Children play together, starting at the same time; the Mixer lasts as long as the longest.
      // What is heard is the speech of every child; the time between is silence.
      const start = timeline.position();
      const speech: SpeechCue[] = [];
      let end = start;
      for (const [child, scope] of inflate(node, bindings)) {
        const part = new Timeline(start);
        playComponent(child, scope, { ...context, timeline: part }, depth + 1);
        const list = finish(part);
        for (const cue of list.cues) if (cue.kind === 'speech') speech.push(cue);
        end = Math.max(end, list.totalMs);
      }
      let cursor = start;
      for (const cue of speech.sort((a, b) => a.atMs - b.atMs)) {
        if (cue.atMs > cursor) timeline.pause(cue.atMs - cursor);
        timeline.append(cue);
        cursor = Math.max(cursor, cue.atMs + cue.durationMs);
      }
      if (end > cursor) timeline.pause(end - cursor);
      return;
    }
    default: {
      // A custom composition: its parameters come from the component's properties.
      const composition = typeof type === 'string' ? context.compositions[type] : undefined;
      if (!isObject(composition)) return;
      const scope: Bindings = { ...bindings };
      for (const parameter of parameterNames(composition.parameters)) {
        if (parameter in node) scope[parameter] = bind(node[parameter], bindings);
      }
      const item = children(composition).find((c) => isObject(c) && holds(c.when, scope));
      playComponent(item, scope, context, depth + 1);
    }
  }
}

function parameterNames(parameters: unknown): string[] {
  if (!Array.isArray(parameters)) return [];
  return parameters
    .map((p) => (typeof p === 'string' ? p : isObject(p) && typeof p.name === 'string' ? p.name : ''))
    .filter(Boolean);
}

function addApla(timeline: Timeline, document: unknown, datasources: unknown): void {
  if (!isObject(document) || document.type !== 'APLA' || !isObject(document.mainTemplate)) return;
  const template = document.mainTemplate;
  const names = parameterNames(template.parameters);
  const bindings: Bindings = {};
  // Each parameter names the whole datasources object ("payload" by default).
  for (const name of names.length > 0 ? names : ['payload'])
    bindings[name] = isObject(datasources) ? datasources : {};
  const context: AplaContext = {
    compositions: isObject(document.compositions) ? document.compositions : {},
    timeline,
  };
  // mainTemplate.items: the first item whose `when` holds is rendered.
  const first = children(template).find((item) => isObject(item) && holds(item.when, bindings));
  playComponent(first, bindings, context, 0);
}

/**
 * The cues of an APL for Audio document with its datasources, as Alexa would play it. Anything that
 * is not a document of the documented shape gives an empty list (never an exception).
 */
export function cuesFromApla(document: unknown, datasources: unknown = {}): CueList {
  const timeline = new Timeline();
  addApla(timeline, document, datasources);
  return finish(timeline);
}

/** The parts of a skill response that make sound. */
export interface SpokenResponse {
  outputSpeech?: { type?: string; ssml?: string; text?: string } | null;
  directives?: unknown[] | null;
}

/**
 * Everything a response makes the user hear, in order: the output speech, then each APL for Audio
 * RenderDocument directive's document (Alexa plays output speech first and never overlaps the two).
 */
export function cuesForResponse(response: SpokenResponse | undefined): CueList {
  const timeline = new Timeline();
  const speech = response?.outputSpeech;
  if (speech?.type === 'SSML' && typeof speech.ssml === 'string') addSsml(timeline, speech.ssml);
  else if (speech?.type === 'PlainText' && typeof speech.text === 'string')
    timeline.words(speech.text, speakingMs(speech.text));
  timeline.endSpeech();
  for (const directive of response?.directives ?? []) {
    if (isObject(directive) && directive.type === 'Alexa.Presentation.APLA.RenderDocument')
      addApla(timeline, directive.document, directive.datasources);
  }
  return finish(timeline);
}
