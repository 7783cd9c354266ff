/**
 * "What was last said", kept in the session as the translator calls that produced it (resource keys
 * and their values), never as SSML text. Session attributes come back from the device, so a stored
 * string could be anything; a stored call can only render one of the skill's own sentences, with
 * its values escaped (or, where a sentence takes SSML, rendered from nested calls), and the result
 * is checked as SSML before it is spoken again.
 *
 * Recording: every translator a request uses (`tr(h)`) logs its calls. After the handler, the
 * response's speech is split into those calls (the longest call that matches at each place) and the
 * punctuation or spaces between them. A response that cannot be split is not remembered.
 */
import { resources, type Translate } from '../i18n';
import { escapeSsml } from './ssml';
import { MAX_SSML_CHARACTERS, ssmlProblems } from './ssml-check';

/** One translator call: its key, and its values (a nested `Said` is SSML from other calls). */
export interface Line {
  k: string;
  v?: Record<string, string | number | boolean | Said>;
}
/** A rendering: lines and the short glue (spaces, punctuation) between them. */
export type Said = (Line | string)[];

export interface Call {
  key: string;
  values?: Record<string, unknown>;
  out: string;
}

/** Calls recorded per request (keyed by the request envelope object). */
const recorded = new WeakMap<object, Call[]>();

/** A translator that records its calls for this request. */
export function recording(request: object, t: Translate): Translate {
  let calls = recorded.get(request);
  if (!calls) {
    calls = [];
    recorded.set(request, calls);
  }
  const log = calls;
  const record = (key: string, values?: Record<string, unknown>) => {
    const out = t(key, values);
    if (log.length < MAX_RECORDED_CALLS) log.push({ key, values, out });
    return out;
  };
  return Object.assign(record, { language: t.language });
}

/** The calls recorded for a request so far. */
export function recordedCalls(request: object): Call[] {
  return recorded.get(request) ?? [];
}

const MAX_RECORDED_CALLS = 500;
const MAX_LINES = 60;
const MAX_DEPTH = 4;
const MAX_VALUE_CHARACTERS = 600;
const MAX_VALUES = 12;
const GLUE = /^[\s.,;:!?]{1,4}$/;
const KEY = /^[\w-]+(?:\.[\w-]+){0,4}$/;
const VALUE_NAME = /^\w{1,40}$/;

/** A resource key's placeholders over its plural forms: all of them, and those filled in without escaping (`{{- name}}`). */
interface Placeholders {
  all: Set<string>;
  unescaped: Set<string>;
}
const placeholderCache = new Map<string, Placeholders | null>();
function placeholders(key: string): Placeholders | null {
  const cached = placeholderCache.get(key);
  if (cached !== undefined) return cached;
  let node: unknown = resources.en.translation;
  const parts = key.split('.');
  for (const part of parts.slice(0, -1)) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  const last = parts[parts.length - 1];
  let templates: string[] = [];
  if (typeof node === 'object' && node !== null) {
    const parent = node as Record<string, unknown>;
    templates = Object.keys(parent)
      .filter((name) => name === last || name.startsWith(`${last}_`))
      .map((name) => parent[name])
      .filter((value): value is string => typeof value === 'string');
  }
  const found =
    templates.length === 0
      ? null
      : {
          all: new Set(templates.flatMap((tpl) => [...tpl.matchAll(/\{\{-?\s*(\w+)/g)].map((m) => m[1]))),
          unescaped: new Set(
            templates.flatMap((tpl) => [...tpl.matchAll(/\{\{-\s*(\w+)/g)].map((m) => m[1])),
          ),
        };
  placeholderCache.set(key, found);
  return found;
}

/** Splits `text` into the recorded calls that produced it; undefined when it cannot be split. */
export function decompose(text: string, calls: Call[], depth = 0): Said | undefined {
  if (depth > MAX_DEPTH) return undefined;
  // Only calls whose text occurs in `text` can be part of it. A call's text may also appear trimmed
  // (speech is trimmed when it is sent); re-rendered, the spaces are trimmed again.
  const candidates: { call: Call; out: string }[] = [];
  for (const call of calls) {
    if (call.out.length > 0 && text.includes(call.out)) candidates.push({ call, out: call.out });
    const trimmed = call.out.trim();
    if (trimmed !== call.out && trimmed !== '' && text.includes(trimmed))
      candidates.push({ call, out: trimmed });
  }
  const said: Said = [];
  let glue = '';
  let i = 0;
  while (i < text.length) {
    let best: { call: Call; out: string } | undefined;
    for (const candidate of candidates) {
      if ((!best || candidate.out.length > best.out.length) && text.startsWith(candidate.out, i))
        best = candidate;
    }
    if (!best) {
      glue += text[i];
      if (glue.length > 4) return undefined;
      i++;
      continue;
    }
    if (glue !== '') {
      if (!GLUE.test(glue)) return undefined;
      said.push(glue);
      glue = '';
    }
    const line = encode(best.call, calls.slice(0, calls.indexOf(best.call)), depth);
    if (!line) return undefined;
    said.push(line);
    i += best.out.length;
  }
  if (glue !== '') {
    if (!GLUE.test(glue)) return undefined;
    said.push(glue);
  }
  return said.length > 0 && said.length <= MAX_LINES ? said : undefined;
}

/** A call as a line: values kept as given, SSML values (unescaped placeholders) as nested calls. */
function encode(call: Call, earlier: Call[], depth: number): Line | undefined {
  if (!KEY.test(call.key)) return undefined;
  const unescaped = placeholders(call.key)?.unescaped;
  if (!unescaped) return undefined;
  const entries = Object.entries(call.values ?? {}).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return { k: call.key };
  if (entries.length > MAX_VALUES) return undefined;
  const v: Line['v'] = {};
  for (const [name, value] of entries) {
    if (!VALUE_NAME.test(name)) return undefined;
    if (typeof value === 'number' || typeof value === 'boolean') {
      v[name] = value;
    } else if (typeof value === 'string') {
      if (unescaped.has(name) && value !== '' && escapeSsml(value) !== value) {
        // SSML made by other calls, or plain text escaped by the caller (kept as the plain text).
        const nested = decompose(value, earlier, depth + 1);
        const plain = value.includes('<') ? undefined : decodeEntities(value);
        if (nested) v[name] = nested;
        else if (plain !== undefined && escapeSsml(plain) === value) v[name] = plain;
        else return undefined;
      } else {
        v[name] = value;
      }
    } else {
      return undefined;
    }
  }
  return { k: call.key, v };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** What this process made in this request's interceptor: already checked, no need to re-render it. */
const made = new WeakSet<object>();

/** Marks a "what was said" record as made here from recorded calls (not read from a request). */
export function markMade(record: object): object {
  made.add(record);
  return record;
}

/** True for a record made by `markMade` in this process, never for one that came in a request. */
export function isMade(record: unknown): boolean {
  return typeof record === 'object' && record !== null && made.has(record);
}

/** Renders a stored `Said` with the skill's own resources; undefined when anything does not check out. */
export function renderSaid(raw: unknown, t: Translate): string | undefined {
  const budget = { lines: 0 };
  const out = render(raw, t, 0, budget);
  if (out === undefined || out === '') return undefined;
  if (out.length > MAX_SSML_CHARACTERS - 20) return undefined;
  return ssmlProblems(`<speak>${out}</speak>`).length === 0 ? out : undefined;
}

function render(raw: unknown, t: Translate, depth: number, budget: { lines: number }): string | undefined {
  if (!Array.isArray(raw) || depth > MAX_DEPTH || raw.length === 0 || raw.length > MAX_LINES)
    return undefined;
  let out = '';
  for (const part of raw as unknown[]) {
    if (typeof part === 'string') {
      if (!GLUE.test(part)) return undefined;
      out += part;
      continue;
    }
    if (++budget.lines > MAX_LINES) return undefined;
    const line = renderLine(part, t, depth, budget);
    if (line === undefined) return undefined;
    out += line;
  }
  return out;
}

function renderLine(
  raw: unknown,
  t: Translate,
  depth: number,
  budget: { lines: number },
): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const { k, v } = raw as { k?: unknown; v?: unknown };
  if (typeof k !== 'string' || !KEY.test(k)) return undefined;
  const names = placeholders(k);
  if (!names) return undefined;
  const { unescaped } = names;
  if (v === undefined) return names.all.size === 0 ? t(k) : undefined;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length > MAX_VALUES) return undefined;
  // Every placeholder of the sentence must be given: a sentence is never said with a part missing.
  for (const name of names.all) if (!Object.prototype.hasOwnProperty.call(v, name)) return undefined;
  const values: Record<string, string | number | boolean> = {};
  for (const [name, value] of entries) {
    if (!VALUE_NAME.test(name)) return undefined;
    if (typeof value === 'number') {
      if (!Number.isFinite(value) || Math.abs(value) > 100000) return undefined;
      values[name] = value;
    } else if (typeof value === 'boolean') {
      values[name] = value;
    } else if (typeof value === 'string') {
      if (value.length > MAX_VALUE_CHARACTERS) return undefined;
      // The translator escapes its own placeholders; a plain value in an SSML placeholder is escaped here.
      values[name] = unescaped.has(name) ? escapeSsml(value) : value;
    } else if (unescaped.has(name)) {
      const nested = render(value, t, depth + 1, budget);
      if (nested === undefined) return undefined;
      values[name] = nested;
    } else {
      return undefined;
    }
  }
  return t(k, values);
}
