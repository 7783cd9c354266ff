/**
 * Property test: whatever arrives, the real skill (`buildSkill()`) answers without an exception,
 * with valid SSML of at most 8,000 characters, and a response of at most 24 KB.
 *
 * - Fuzzed envelopes: random request types, intents from the committed interaction model, hostile
 *   slot values (huge, `&<>`, control characters, lone surrogates, unicode), missing and odd
 *   fields, random session attributes, stores that fail or hold junk.
 * - Tampered sessions: real 20-turn conversations (what people say to the skill, understood
 *   against the model) where the session attributes are mutated between turns: fields deleted,
 *   types swapped, huge strings, unknown keys.
 *
 * Fixed seed, so a failure is reproducible. Larger runs: FUZZ_ENVELOPES=100000 FUZZ_SESSIONS=10000
 * (and FUZZ_SEED to explore other sequences).
 */
import type { PersistenceAdapter, Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { log } from '../../lambda/src/log';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { buildSkill } from '../../lambda/src/skill';
import { APLA_DIRECTIVE } from '../../lambda/src/speech/apla';
import { aplaProblems, MAX_SSML_CHARACTERS, ssmlProblems } from '../../simulator/speech-check';
import { envelope, intentRequest, type EnvelopeOptions } from '../../simulator/envelope';
import { ModelMatcher } from '../../simulator/nlu';
import { model } from '../support/model';

const ENVELOPES = Number(process.env.FUZZ_ENVELOPES ?? 10_000);
const SESSIONS = Number(process.env.FUZZ_SESSIONS ?? 1_000);
const TURNS = 20;
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const MAX_RESPONSE_BYTES = 24 * 1024;

/** mulberry32: a small, fast, seeded PRNG (32-bit state). */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const chance = (p: number): boolean => next() < p;
  return { next, int, pick, chance };
}
type Random = ReturnType<typeof prng>;

const { intents, types = [] } = model.interactionModel.languageModel;
const slotWords = types.flatMap((t) => t.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])]));

/** A hostile or ordinary string. */
function text(r: Random): string {
  switch (r.int(14)) {
    case 0:
      return 'x'.repeat(r.int(20_000));
    case 1:
      return '&'.repeat(r.int(3_000));
    case 2:
      return '<speak><audio src="https://evil.example/a.mp3"/></speak>&amp;&#x41;]]><!--'.repeat(
        1 + r.int(50),
      );
    case 3:
      return Array.from({ length: 1 + r.int(40) }, () => String.fromCharCode(r.int(32))).join('');
    case 4:
      return `a\uD800b\uDC00c${'\uDBFF'.repeat(r.int(10))}\uFFFE\uFFFF`;
    case 5:
      return '😀👍🏽 ümlaut 漢字 עברית مرحبا \u202Eevil\u200B'.repeat(1 + r.int(30));
    case 6:
      return '';
    case 7:
      return ' \t\n '.repeat(r.int(100));
    case 8:
      return Array.from({ length: 1 + r.int(3000) }, () => r.pick(slotWords)).join(' ');
    default:
      return r.pick(slotWords);
  }
}

/** Any JSON-ish value, hostile strings included. */
function junk(r: Random, depth = 0): unknown {
  switch (r.int(depth > 2 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, -1, 1e308, NaN, 3.5, 2 ** 53, -0]);
    case 3:
    case 4:
    case 5:
      return text(r);
    case 6:
      return Array.from({ length: r.int(5) }, () => junk(r, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = r.int(5); i > 0; i--) out[r.pick(KEYS)] = junk(r, depth + 1);
      return out;
    }
  }
}

/** Keys the skill uses in session attributes and their values, and some it does not. */
const KEYS = [
  'lastPoint',
  'offer',
  'routine',
  'routineScreened',
  'safety',
  'said',
  'lastSpeech',
  'lastReprompt',
  'kind',
  'code',
  'routineId',
  'then',
  'type',
  'conditions',
  'redFlags',
  'pending',
  'action',
  'asked',
  'adjusted',
  'changes',
  'speech',
  'reprompt',
  'k',
  'v',
  'plan',
  'turn',
  'paused',
  'steps',
  'index',
  'junk',
  '__proto__',
  'constructor',
  'toString',
];

function sessionAttributes(r: Random): unknown {
  if (r.chance(0.1)) return junk(r);
  const out: Record<string, unknown> = {};
  for (let i = r.int(6); i > 0; i--) out[r.pick(KEYS)] = junk(r);
  if (r.chance(0.2))
    out.offer = {
      kind: r.pick(['point', 'need-point', 'routine', 'screen', 'resume', 'hold-again', 'x']),
      code: r.pick(['BL23', 'BL 23', 'GB30', text(r)]),
      routineId: r.pick(['general', 'evening', text(r)]),
      then: junk(r),
    };
  if (r.chance(0.2))
    out.said = {
      speech: [
        {
          k: r.pick(['find.unknownPoint', 'common.goodbye', 'common.list.two', 'x']),
          v: { spoken: text(r), first: junk(r), second: junk(r) },
        },
        text(r),
      ],
      reprompt: junk(r),
    };
  if (r.chance(0.1)) out.junk = 'j'.repeat(r.int(200_000));
  return out;
}

function slotValue(r: Random): unknown {
  if (r.chance(0.05)) return junk(r);
  return text(r);
}

function slots(r: Random, names: string[]): unknown {
  if (r.chance(0.05)) return junk(r);
  const out: Record<string, unknown> = {};
  for (const name of names) {
    if (r.chance(0.1)) continue;
    const slot: Record<string, unknown> = { name, confirmationStatus: 'NONE' };
    if (r.chance(0.9)) slot.value = slotValue(r);
    if (r.chance(0.4)) {
      slot.resolutions = r.chance(0.2)
        ? junk(r)
        : {
            resolutionsPerAuthority: [
              {
                authority: 'amzn1.er-authority.echo-sdk.x',
                status: {
                  code: r.pick(['ER_SUCCESS_MATCH', 'ER_SUCCESS_NO_MATCH', 'ER_ERROR_TIMEOUT', text(r)]),
                },
                values: r.chance(0.8)
                  ? [{ value: { id: r.chance(0.5) ? r.pick(slotWords) : text(r), name: text(r) } }]
                  : junk(r),
              },
            ],
          };
    }
    out[name] = r.chance(0.05) ? junk(r) : slot;
  }
  return out;
}

/** What people say to the skill, understood against the committed model once. */
const WORDS = [
  'open pressure point guide',
  'where is bl 23',
  'where is kunlun',
  'how do I find the sea of vitality',
  'tell me more',
  'how long do I hold it',
  'where exactly',
  'repeat that',
  'which point helps sciatica',
  'start a routine',
  'start the evening routine',
  'start the quick routine',
  'yes',
  'no',
  'next',
  'pause',
  'resume',
  'go back',
  'start over',
  'skip this point',
  'how long is left',
  'make the holds shorter',
  'make the holds longer',
  'when should I stop',
  'time a hold',
  "is it safe if I'm pregnant",
  'I take blood thinners',
  'what did you change',
  'remember that I take warfarin',
  'forget my information',
  'resume my routine',
  'help',
  'stop',
  'I have numbness between my legs',
  'blah blah',
  'cancel',
];

const understood = (() => {
  const matcher = new ModelMatcher(model);
  return WORDS.map((w) => matcher.understand(w));
})();

const REQUEST_TYPES = [
  'LaunchRequest',
  'IntentRequest',
  'IntentRequest',
  'IntentRequest',
  'IntentRequest',
  'SessionEndedRequest',
  'Alexa.Presentation.APL.UserEvent',
  'System.ExceptionEncountered',
  'CanFulfillIntentRequest',
  'AudioPlayer.PlaybackStarted',
  'Messaging.MessageReceived',
  'Unknown.Type',
];

function fuzzedEnvelope(r: Random): unknown {
  const options: EnvelopeOptions = {
    userId: r.chance(0.9) ? `amzn1.ask.account.FUZZ${r.int(50)}` : text(r),
    sessionId: `amzn1.echo-api.session.fuzz${r.int(1000)}`,
    newSession: r.chance(0.3),
    attributes: r.chance(0.1) ? null : (sessionAttributes(r) as Record<string, unknown>),
    locale: r.pick(['en-US', 'en-GB', 'en-IN', 'de-DE', 'xx', '', text(r)]),
    timestamp: r.pick([
      '2026-11-25T08:00:00Z',
      new Date(Date.parse('2026-11-25T08:00:00Z') + r.int(86_400_000 * 3)).toISOString(),
      'not a time',
      text(r),
    ]),
    device: { screen: r.chance(0.4) },
  };
  if (r.chance(0.25)) {
    // What people really say, with everything around it fuzzed.
    const said = r.pick(understood);
    return intentRequest(model, said.intent, said.slots, options);
  }
  const type = r.chance(0.03) ? text(r) : r.pick(REQUEST_TYPES);
  const request: Record<string, unknown> = { type, requestId: `r${r.int(1e9)}`, locale: options.locale };
  if (type === 'IntentRequest') {
    const intent = r.chance(0.95)
      ? r.pick(intents)
      : { name: text(r), slots: [{ name: 'point', type: 'x' }] };
    request.intent = r.chance(0.03)
      ? junk(r)
      : {
          name: intent.name,
          confirmationStatus: 'NONE',
          slots: slots(
            r,
            (intent.slots ?? []).map((s) => s.name),
          ),
        };
    request.dialogState = r.pick(['COMPLETED', 'STARTED', undefined]);
  }
  if (type === 'SessionEndedRequest') {
    request.reason = r.pick(['USER_INITIATED', 'EXCEEDED_MAX_REPROMPTS', 'ERROR', text(r)]);
    if (r.chance(0.3)) request.error = junk(r);
  }
  if (type === 'Alexa.Presentation.APL.UserEvent') {
    request.arguments = r.chance(0.5)
      ? ['intent', r.pick(intents).name, { point: r.pick(slotWords), routine: text(r) }]
      : junk(r);
    request.source = junk(r);
  }
  const env = envelope(request, options) as unknown as Record<string, unknown>;
  // Missing and odd fields anywhere in the envelope.
  const mangle = r.int(20);
  if (mangle === 0) delete env.session;
  else if (mangle === 1) delete env.context;
  else if (mangle === 2) (env.context as Record<string, unknown>).System = junk(r);
  else if (mangle === 3 && env.session) (env.session as Record<string, unknown>).user = junk(r);
  else if (mangle === 4) env.request = junk(r);
  else if (mangle === 5 && env.session) (env.session as Record<string, unknown>).attributes = junk(r);
  else if (mangle === 6) delete (request as Record<string, unknown>).timestamp;
  else if (mangle === 7) env.version = junk(r);
  return env;
}

/** A store that works, one that fails every call, and one that returns junk records. */
function stores(r: Random): PersistenceAdapter[] {
  const failing: PersistenceAdapter = {
    getAttributes: () => Promise.reject(new Error('store down')),
    saveAttributes: () => Promise.reject(new Error('store down')),
    deleteAttributes: () => Promise.reject(new Error('store down')),
  };
  const memory = new MemoryPersistenceAdapter();
  const junkRecords: PersistenceAdapter = {
    getAttributes: () => Promise.resolve(junk(r) as Record<string, unknown>),
    saveAttributes: () => Promise.resolve(),
    deleteAttributes: () => Promise.resolve(),
  };
  return [memory, failing, junkRecords];
}

/**
 * Handler exceptions are answered by the error handler, which logs `handler.error`: counted as
 * failures. So is an answer that "repeat" could not say again (`said.unrecorded`).
 */
const handlerErrors: string[] = [];
beforeAll(() => {
  jest.spyOn(log, 'error').mockImplementation((event, fields) => {
    if (handlerErrors.length < 10) handlerErrors.push(`${event}: ${JSON.stringify(fields)}`);
  });
  jest.spyOn(log, 'warn').mockImplementation((event) => {
    if (event === 'said.unrecorded' && handlerErrors.length < 10) handlerErrors.push(event);
  });
});
afterAll(() => jest.restoreAllMocks());

interface Figures {
  responses: number;
  maxSsml: number;
  maxBytes: number;
  failures: string[];
}

function newFigures(): Figures {
  return { responses: 0, maxSsml: 0, maxBytes: 0, failures: [] };
}

/** Where a response's size is, for the failure message. */
function largestPart(response: ResponseEnvelope): string {
  const parts: [string, unknown][] = [
    ...Object.entries(response.sessionAttributes ?? {}).map(([k, v]): [string, unknown] => [
      `sessionAttributes.${k}`,
      v,
    ]),
    ...(response.response?.directives ?? []).map((d, i): [string, unknown] => [
      `directive ${i} ${d.type}`,
      d,
    ]),
    ['outputSpeech', response.response?.outputSpeech],
  ];
  const sized = parts
    .map(([name, v]) => [name, JSON.stringify(v ?? '').length] as const)
    .sort((a, b) => b[1] - a[1]);
  return sized
    .slice(0, 2)
    .map(([name, n]) => `${name}: ${n}`)
    .join(', ');
}

/** Checks one response against the limits; records the largest SSML and response seen. */
function check(figures: Figures, label: string, response: ResponseEnvelope): void {
  figures.responses++;
  const problems: string[] = [];
  const serialized = JSON.stringify(response);
  const bytes = Buffer.byteLength(serialized, 'utf8');
  figures.maxBytes = Math.max(figures.maxBytes, bytes);
  if (bytes > MAX_RESPONSE_BYTES) problems.push(`response is ${bytes} bytes (${largestPart(response)})`);
  const out = response.response ?? {};
  const ssmls: string[] = [];
  for (const speech of [out.outputSpeech, out.reprompt?.outputSpeech]) {
    if (!speech) continue;
    if (speech.type === 'SSML') ssmls.push(speech.ssml);
    else if (speech.type === 'PlainText' && speech.text.length > MAX_SSML_CHARACTERS)
      problems.push('long text');
  }
  for (const directive of out.directives ?? []) {
    if (directive.type !== APLA_DIRECTIVE) continue;
    problems.push(...aplaProblems(directive));
    const items = (directive as { document?: { mainTemplate?: { item?: { items?: unknown[] } } } }).document
      ?.mainTemplate?.item?.items;
    for (const item of items ?? []) {
      const content = (item as { type?: string; content?: string }).content;
      if ((item as { type?: string }).type === 'Speech' && typeof content === 'string') ssmls.push(content);
    }
  }
  for (const ssml of ssmls) {
    figures.maxSsml = Math.max(figures.maxSsml, ssml.length);
    problems.push(...ssmlProblems(ssml));
  }
  if (problems.length > 0 && figures.failures.length < 10)
    figures.failures.push(`${label}: ${problems.slice(0, 3).join('; ')}`);
}

async function invoke(
  figures: Figures,
  skill: Skill,
  label: string,
  env: unknown,
): Promise<ResponseEnvelope | undefined> {
  try {
    const response = await skill.invoke(env as RequestEnvelope);
    check(figures, label, response);
    return response;
  } catch (error) {
    if (figures.failures.length < 10)
      figures.failures.push(`${label}: threw ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

describe('fuzzed envelopes through the real skill', () => {
  it(`${ENVELOPES} envelopes: no exception, valid SSML ≤ ${MAX_SSML_CHARACTERS} characters, responses ≤ 24 KB`, async () => {
    const r = prng(SEED);
    const skills = stores(r).flatMap((store) => [
      buildSkill({ persistenceAdapter: store }),
      buildSkill({ persistenceAdapter: store, routineAudio: 'ssml' }),
    ]);
    skills.push(buildSkill());
    const figures = newFigures();
    for (let i = 0; i < ENVELOPES; i++)
      await invoke(figures, r.pick(skills), `envelope ${i} (seed ${SEED})`, fuzzedEnvelope(r));
    console.log(
      `fuzz: ${figures.responses} envelopes, largest SSML ${figures.maxSsml} characters, largest response ${figures.maxBytes} bytes`,
    );
    expect(figures.failures).toEqual([]);
    expect(handlerErrors).toEqual([]);
    expect(figures.responses).toBe(ENVELOPES);
  }, 120_000);
});

type Mutation = (r: Random, attrs: Record<string, unknown>) => void;

/** Every object in the attributes, with its path (for picking a place to mutate). */
function containers(
  value: unknown,
  out: Array<Record<string, unknown> | unknown[]> = [],
  depth = 0,
): typeof out {
  if (depth > 8 || typeof value !== 'object' || value === null) return out;
  out.push(value as Record<string, unknown>);
  for (const child of Object.values(value)) containers(child, out, depth + 1);
  return out;
}

const MUTATIONS: Mutation[] = [
  // Delete a field.
  (r, attrs) => {
    const target = r.pick(containers(attrs));
    const keys = Object.keys(target);
    if (keys.length === 0) return;
    const key = r.pick(keys);
    // Not splice: an earlier mutation may have set the array's own `constructor`, which splice calls.
    if (Array.isArray(target) && /^\d+$/.test(key)) {
      for (let i = Number(key); i < target.length - 1; i++) target[i] = target[i + 1];
      target.length -= 1;
    } else delete (target as Record<string, unknown>)[key];
  },
  // Swap a field's type.
  (r, attrs) => {
    const target = r.pick(containers(attrs)) as Record<string, unknown>;
    const keys = Object.keys(target);
    if (keys.length > 0) target[r.pick(keys)] = junk(r, 2);
  },
  // A huge string.
  (r, attrs) => {
    const target = r.pick(containers(attrs)) as Record<string, unknown>;
    const keys = Object.keys(target);
    target[keys.length > 0 && r.chance(0.7) ? r.pick(keys) : r.pick(KEYS)] = r
      .pick(['x', '&', '<', '\u0000'])
      .repeat(r.int(60_000));
  },
  // An unknown key.
  (r, attrs) => {
    const target = r.pick(containers(attrs)) as Record<string, unknown>;
    target[`unknown${r.int(100)}`] = junk(r);
  },
  // A number nudged (times, indexes, hold lengths).
  (r, attrs) => {
    const target = r.pick(containers(attrs)) as Record<string, unknown>;
    const numeric = Object.keys(target).filter((k) => typeof target[k] === 'number');
    if (numeric.length > 0) {
      const key = r.pick(numeric);
      target[key] = (target[key] as number) * r.pick([-1, 0, 2, 1000, 1e9]) + r.pick([0, 1, -1, 0.5]);
    }
  },
];

describe('tampered sessions through the real skill', () => {
  it(`${SESSIONS} real ${TURNS}-turn conversations with session attributes mutated between turns`, async () => {
    const r = prng(SEED + 1);
    const memory = new MemoryPersistenceAdapter();
    const skills = [
      buildSkill({ persistenceAdapter: memory }),
      buildSkill({ persistenceAdapter: memory, routineAudio: 'ssml' }),
    ];
    const figures = newFigures();
    let mutated = 0;
    for (let s = 0; s < SESSIONS; s++) {
      const skill = r.pick(skills);
      const device = { screen: r.chance(0.4) };
      const userId = `amzn1.ask.account.TAMPER${r.int(200)}`;
      let now = Date.parse('2026-11-25T08:00:00Z') + r.int(86_400_000);
      let attributes: Record<string, unknown> = {};
      let newSession = true;
      let sessionId = `amzn1.echo-api.session.t${s}`;
      for (let turn = 0; turn < TURNS; turn++) {
        if (!newSession && r.chance(0.5)) {
          const copy = structuredClone(attributes);
          for (let m = 1 + r.int(3); m > 0; m--) r.pick(MUTATIONS)(r, copy);
          attributes = copy;
          mutated++;
        }
        const options: EnvelopeOptions = {
          userId,
          device,
          sessionId,
          newSession,
          attributes,
          timestamp: new Date(now).toISOString(),
        };
        const said = r.pick(understood);
        const env =
          turn === 0 && r.chance(0.5)
            ? envelope({ type: 'LaunchRequest' }, options)
            : intentRequest(model, said.intent, said.slots, options);
        const response = await invoke(figures, skill, `session ${s} turn ${turn} (seed ${SEED + 1})`, env);
        newSession = false;
        attributes = (response?.sessionAttributes ?? {}) as Record<string, unknown>;
        if (!response || response.response?.shouldEndSession) {
          newSession = true;
          attributes = {};
          sessionId = `amzn1.echo-api.session.t${s}.${turn}`;
        }
        now += r.int(200_000);
      }
    }
    console.log(
      `fuzz: ${SESSIONS} tampered sessions, ${figures.responses} turns (${mutated} mutated), largest SSML ${figures.maxSsml} characters, largest response ${figures.maxBytes} bytes`,
    );
    expect(figures.failures).toEqual([]);
    expect(handlerErrors).toEqual([]);
    expect(figures.responses).toBe(SESSIONS * TURNS);
  }, 120_000);
});
