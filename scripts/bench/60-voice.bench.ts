/**
 * Voice figures (issue 13): what a person hears, measured through the real skill (and, for cue
 * repeats, the routine engine with the skill's own phrasebook), next to the targets of
 * ../shared/voice guidance:
 * - per routine: words and seconds from "start the … routine" to the first press (a first-time user,
 *   and a returning one: the same user in a new session after playing a routine), announced vs
 *   played minutes (talk included; the user's "next" between turns is not counted), the longest
 *   silence, and cue repeats (a recurring cue said in the same words as the last time it came up,
 *   and the most times one cue sentence is said in the routine);
 * - the same announced vs played minutes and longest silence at a slow pace, a fast pace and with
 *   fewer cues (the user's preferences, set by voice first);
 * - per feature (find, need, safety, routine start, launch): the longest first answer in words.
 * Times use the skill's speaking-rate model (lambda/src/core/routine/speaking-rate.ts).
 */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { routines } from '../../lambda/src/core/catalogue';
import { conditions } from '../../lambda/src/core/safety';
import { planRoutine } from '../../lambda/src/core/routine/plan';
import { estimateSpeechMs } from '../../lambda/src/core/routine/speaking-rate';
import { allTurns, type Phrasebook } from '../../lambda/src/core/routine/timeline';
import { SUPPORTED_LOCALES, translatorFor } from '../../lambda/src/i18n';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { buildSkill } from '../../lambda/src/skill';
import { routineOpening, routinePhrasebook } from '../../lambda/src/speech/routine-cues';
import { ssmlToText } from '../../lambda/src/speech/ssml';
import { intentRequest, launchRequest, sessionEndedRequest } from '../../simulator/envelope';
import { readModel } from '../generate-model';
import type { BenchSection, Figure } from './index';
import { RECURRING_CUES } from '../../test/support/cues';
import { beforeFirstPress, spokenWords, VOICE_TARGETS, type AplaComponent } from '../../test/support/voice';

const TARGETS = VOICE_TARGETS;

type Component = AplaComponent;
interface Heard {
  ssml: string;
  components: Component[];
  attributes: Record<string, unknown>;
}
interface RoutineTurnState {
  turn?: { totalMs: number; next: number; windows: Array<{ holdStartMs: number }> };
  plan: { steps: unknown[] };
}

const words = spokenWords;

function heardOf(response: ResponseEnvelope): Heard {
  const output = response.response?.outputSpeech;
  const ssml = output && output.type === 'SSML' ? output.ssml : '';
  const apla = (response.response?.directives ?? []).find(
    (d) => d.type === 'Alexa.Presentation.APLA.RenderDocument',
  ) as { document?: { mainTemplate?: { item?: { items?: Component[] } } } } | undefined;
  return {
    ssml,
    components: apla?.document?.mainTemplate?.item?.items ?? [],
    attributes: (response.sessionAttributes ?? {}) as Record<string, unknown>,
  };
}

/** One user talking to the skill across sessions (the store is shared). */
class User {
  attributes: Record<string, unknown> = {};
  /** The request locale: it picks the market's care words. */
  locale = 'en-US';
  private clock = Date.parse('2026-11-25T08:00:00Z');
  private newSession = true;
  private session = 0;
  constructor(
    private readonly skill: ReturnType<typeof buildSkill>,
    private readonly model: ReturnType<typeof readModel>,
    private readonly userId: string,
  ) {}

  private options() {
    const options = {
      userId: this.userId,
      locale: this.locale,
      sessionId: `s-${this.userId}-${this.session}`,
      newSession: this.newSession,
      attributes: this.attributes,
      timestamp: new Date(this.clock).toISOString(),
    };
    this.newSession = false;
    return options;
  }

  private async send(envelope: RequestEnvelope): Promise<Heard> {
    const heard = heardOf(await this.skill.invoke(envelope));
    this.attributes = heard.attributes;
    const state = this.routine();
    this.clock += (state?.turn?.totalMs ?? 0) + estimateSpeechMs(heard.ssml) + 3000;
    return heard;
  }

  routine(): RoutineTurnState | undefined {
    return this.attributes.routine as RoutineTurnState | undefined;
  }

  say(intent: string, slots: Record<string, string> = {}): Promise<Heard> {
    return this.send(intentRequest(this.model, intent, slots, this.options()));
  }

  launch(): Promise<Heard> {
    return this.send(launchRequest(this.options()));
  }

  async endSession(): Promise<void> {
    await this.skill.invoke(sessionEndedRequest('USER_INITIATED', this.options()));
    this.attributes = {};
    this.newSession = true;
    this.session++;
    this.clock += 3_600_000;
  }
}

/**
 * From "start the … routine" to the first press: the questions asked first (the disc routine's "did
 * a clinician diagnose it?", answered yes; the safety question, answered no) and the opening.
 */
async function startToPress(user: User, routineId: string) {
  const total = { words: 0, ms: 0, toHoldMs: 0 };
  let heard = await user.say('StartRoutineIntent', { routine: routineId });
  for (let asked = 0; asked < 3 && !user.routine()?.turn; asked++) {
    total.words += words(ssmlToText(heard.ssml));
    total.ms += estimateSpeechMs(heard.ssml);
    total.toHoldMs += estimateSpeechMs(heard.ssml);
    const safety = user.attributes.safety as { pending?: { action?: string } } | undefined;
    heard = await user.say(safety?.pending?.action === 'diagnosis' ? 'AMAZON.YesIntent' : 'AMAZON.NoIntent');
  }
  const state = user.routine();
  if (!state?.turn) return { ...total, first: heard, ok: false };
  const before = beforeFirstPress(heard.ssml, heard.components, state.turn.windows[0].holdStartMs);
  return {
    words: total.words + before.words,
    ms: total.ms + before.ms,
    toHoldMs: total.toHoldMs + before.toHoldMs,
    first: heard,
    ok: true,
  };
}

/** Plays the running routine to its end with "next"; every turn's components and the total ms. */
async function playOn(user: User, first: Heard): Promise<{ turns: Heard[]; ms: number }> {
  const turns = [first];
  let ms = user.routine()?.turn?.totalMs ?? 0;
  for (let n = 0; n < 30; n++) {
    const state = user.routine();
    if (!state?.turn || state.turn.next >= state.plan.steps.length) break;
    const heard = await user.say('AMAZON.NextIntent');
    turns.push(heard);
    ms += user.routine()?.turn?.totalMs ?? 0;
  }
  return { turns, ms };
}

function longestSilenceMs(turns: Heard[]): number {
  let longest = 0;
  for (const turn of turns) {
    let run = 0;
    for (const c of turn.components) {
      run = c.type === 'Silence' ? run + c.duration : 0;
      longest = Math.max(longest, run);
    }
  }
  return longest;
}

function announcedMinutesIn(heard: Heard): number {
  const text = [heard.ssml, ...heard.components.map((c) => (c.type === 'Speech' ? c.content : ''))]
    .map(ssmlToText)
    .join(' ');
  const said = /about (\d+)( and a half)? minutes/i.exec(text);
  return said ? Number(said[1]) + (said[2] ? 0.5 : 0) : NaN;
}

/**
 * Cue repeats over a routine played straight through, from the engine with the skill's phrasebook:
 * how often a recurring cue has the same words as the last time that cue came up, and the most
 * times one recurring cue's words are said.
 */
function cueRepeats(routineId: string): { again: number; most: number; mostText: string } {
  const t = translatorFor('en-US');
  const say = routinePhrasebook(t);
  const typeOf = new Map<string, string>();
  const tagged: Phrasebook = (cue) => {
    const ssml = say(cue);
    typeOf.set(ssml, cue.type);
    return ssml;
  };
  const routine = routines.find((r) => r.id === routineId)!;
  const turns = allTurns(planRoutine(routine), tagged, routineOpening(t, routine));
  const last = new Map<string, string>();
  const counts = new Map<string, number>();
  let again = 0;
  for (const item of turns.flatMap((turn) => turn.items)) {
    if (item.type !== 'speech') continue;
    const type = typeOf.get(item.ssml);
    if (!type || !RECURRING_CUES.has(type)) continue;
    if (last.get(type) === item.ssml) again++;
    last.set(type, item.ssml);
    counts.set(item.ssml, (counts.get(item.ssml) ?? 0) + 1);
  }
  const [mostSsml, most] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return { again, most, mostText: ssmlToText(mostSsml) };
}

export async function run(): Promise<BenchSection> {
  process.env.LOG_LEVEL ??= 'silent';
  const model = readModel();
  const skill = buildSkill({ persistenceAdapter: new MemoryPersistenceAdapter() });
  const figures: Figure[] = [];
  let id = 0;
  const newUser = () => new User(skill, model, `bench-voice-${id++}`);

  let worstReturning = 0;
  let worstToHold = 0;
  let worstError = 0;
  let worstSilence = 0;
  let totalAgain = 0;
  for (const routine of routines) {
    const user = newUser();
    const first = await startToPress(user, routine.id);
    const played = await playOn(user, first.first);
    await user.endSession();
    const returning = await startToPress(user, routine.id);
    const playedAgain = await playOn(user, returning.first);
    const announcedAgain = announcedMinutesIn(returning.first);
    const errorAgain = Math.abs(announcedAgain - playedAgain.ms / 60_000) / (playedAgain.ms / 60_000);
    const announced = announcedMinutesIn(first.first);
    const playedMin = played.ms / 60_000;
    const error = Math.abs(announced - playedMin) / playedMin;
    const silence = longestSilenceMs(played.turns);
    const repeats = cueRepeats(routine.id);
    worstReturning = Math.max(worstReturning, returning.ms);
    worstToHold = Math.max(worstToHold, returning.toHoldMs);
    worstError = Math.max(worstError, error, errorAgain);
    worstSilence = Math.max(worstSilence, silence);
    totalAgain += repeats.again;
    const name = (what: string) => `${routine.id}: ${what}`;
    figures.push(
      { name: name('words before the first press, first use'), value: first.words, unit: 'words' },
      { name: name('seconds before the first press, first use'), value: first.ms / 1000, unit: 's' },
      { name: name('words before the first press, returning'), value: returning.words, unit: 'words' },
      {
        name: name('seconds before the first press, returning'),
        value: returning.ms / 1000,
        unit: 's',
        target: `≤ ${TARGETS.returningBeforePressS} s`,
        ok: returning.ms / 1000 <= TARGETS.returningBeforePressS,
      },
      {
        name: name('seconds to the first hold, returning (the press cue included)'),
        value: returning.toHoldMs / 1000,
        unit: 's',
        target: `≤ ${TARGETS.returningBeforePressS} s`,
        ok: returning.toHoldMs / 1000 <= TARGETS.returningBeforePressS,
      },
      {
        name: name(`announced ${announced} min, played`),
        value: Math.round(playedMin * 100) / 100,
        unit: `min (${(error * 100).toFixed(0)} % off)`,
        target: 'within 10 %',
        ok: error <= TARGETS.announcedError,
      },
      {
        name: name(`returning: announced ${announcedAgain} min, played`),
        value: Math.round((playedAgain.ms / 60_000) * 100) / 100,
        unit: `min (${(errorAgain * 100).toFixed(0)} % off)`,
        target: 'within 10 %',
        ok: errorAgain <= TARGETS.announcedError,
      },
      {
        name: name('longest silence'),
        value: silence / 1000,
        unit: 's',
        target: `≤ ${TARGETS.silenceS} s`,
        ok: silence / 1000 <= TARGETS.silenceS,
      },
      {
        name: name('cue said in the same words as last time'),
        value: repeats.again,
        unit: 'times',
        target: '0',
        ok: repeats.again === 0,
      },
      {
        name: name(`most-repeated cue ("${repeats.mostText}")`),
        value: repeats.most,
        unit: 'times',
      },
    );
  }

  // The same routines at the user's preferences (issue 13, item 6): said slower, faster, or with fewer
  // cues, set by voice before the routine starts, as a user would.
  const styles: Array<[string, string]> = [
    ['slow pace', 'SlowerIntent'],
    ['fast pace', 'FasterIntent'],
    ['fewer cues', 'FewerCuesIntent'],
  ];
  const worstByStyle: Figure[] = [];
  for (const [style, intent] of styles) {
    let styleError = 0;
    let styleSilence = 0;
    for (const routine of routines) {
      const user = newUser();
      await user.launch();
      await user.say(intent);
      const first = await startToPress(user, routine.id);
      const played = await playOn(user, first.first);
      const announced = announcedMinutesIn(first.first);
      const playedMin = played.ms / 60_000;
      const error = Math.abs(announced - playedMin) / playedMin;
      const silence = longestSilenceMs(played.turns);
      styleError = Math.max(styleError, error);
      styleSilence = Math.max(styleSilence, silence);
      const name = (what: string) => `${routine.id}, ${style}: ${what}`;
      figures.push(
        {
          name: name(`announced ${announced} min, played`),
          value: Math.round(playedMin * 100) / 100,
          unit: `min (${(error * 100).toFixed(0)} % off)`,
          target: 'within 10 %',
          ok: error <= TARGETS.announcedError,
        },
        {
          name: name('longest silence'),
          value: silence / 1000,
          unit: 's',
          target: `≤ ${TARGETS.silenceS} s`,
          ok: silence / 1000 <= TARGETS.silenceS,
        },
      );
    }
    worstByStyle.push(
      {
        name: `worst announced vs played, ${style}`,
        value: Math.round(styleError * 1000) / 10,
        unit: '% off',
        target: '≤ 10 %',
        ok: styleError <= TARGETS.announcedError,
      },
      {
        name: `worst longest silence, ${style}`,
        value: styleSilence / 1000,
        unit: 's',
        target: `≤ ${TARGETS.silenceS} s`,
        ok: styleSilence / 1000 <= TARGETS.silenceS,
      },
    );
  }

  // The longest first answer of each feature, each asked by a new user in a new session, and the
  // longest "tell me more" after it (`more`: what the user says next, when the answer offers more).
  const longest = async (
    asks: Array<(user: User) => Promise<Heard>>,
    more?: (user: User, first: Heard) => Promise<Heard> | undefined,
  ) => {
    let most = 0;
    let what = '';
    let mostMore = 0;
    let repeated = 0;
    for (const ask of asks) {
      const user = newUser();
      const heard = await ask(user);
      const text = ssmlToText(heard.ssml);
      if (words(text) > most) [most, what] = [words(text), text];
      const next = more?.(user, heard);
      if (!next) continue;
      const moreText = ssmlToText((await next).ssml);
      mostMore = Math.max(mostMore, words(moreText));
      const heardSentences = [text, moreText].flatMap((t) => t.split(/(?<=[.?!])\s+/));
      repeated += heardSentences.filter((x, i) => heardSentences.indexOf(x) !== i).length;
    }
    return { most, what, mostMore, repeated };
  };
  const types = model.interactionModel.languageModel.types ?? [];
  const valuesOf = (type: string) =>
    (types.find((t) => t.name === type)?.values ?? []).map((v) => v.name.value);
  const stopTier = new Set(conditions.filter((c) => c.tier === 'stop').map((c) => c.name));
  const conditionNames = valuesOf('ConditionName');
  const moreDetail = (u: User, first: Heard) =>
    /Want more detail\?$/.test(ssmlToText(first.ssml)) ? u.say('AMAZON.YesIntent') : undefined;
  const features: Array<
    [
      string,
      Array<(user: User) => Promise<Heard>>,
      ((user: User, first: Heard) => Promise<Heard> | undefined)?,
    ]
  > = [
    [
      'find a point',
      valuesOf('PointName').map((p) => (u: User) => u.say('FindPointIntent', { point: p })),
      (u: User) => u.say('PointDetailIntent'),
    ],
    [
      'points for a need',
      valuesOf('NeedName').map((n) => (u: User) => u.say('PointsForNeedIntent', { need: n })),
    ],
    [
      'is it safe if… (graded answers)',
      conditionNames
        .filter((c) => !stopTier.has(c))
        .map((c) => (u: User) => u.say('SafetyCheckIntent', { condition: c })),
      moreDetail,
    ],
    [
      'is it safe if… (urgent care: red flags, stop-tier conditions; every English market)',
      SUPPORTED_LOCALES.flatMap((market) => {
        const inMarket = (u: User) => Object.assign(u, { locale: market });
        return [
          ...conditionNames
            .filter((c) => stopTier.has(c))
            .map((c) => (u: User) => inMarket(u).say('SafetyCheckIntent', { condition: c })),
          ...valuesOf('RedFlagName').map(
            (s) => (u: User) => inMarket(u).say('SafetyCheckIntent', { symptom: s }),
          ),
        ];
      }),
    ],
    ['start a routine', routines.map((r) => (u: User) => u.say('StartRoutineIntent', { routine: r.id }))],
    ['launch, first use', [(u: User) => u.launch()]],
  ];
  for (const [feature, asks, more] of features) {
    const { most, what, mostMore, repeated } = await longest(asks, more);
    figures.push({
      name: `first answer, ${feature} (longest: "${what.slice(0, 50)}…")`,
      value: most,
      unit: 'words',
      target: `≤ ${TARGETS.firstAnswerWords} words`,
      ok: most <= TARGETS.firstAnswerWords,
    });
    if (!more) continue;
    figures.push(
      {
        name: `tell me more, ${feature}`,
        value: mostMore,
        unit: 'words',
        target: `≤ ${TARGETS.tellMeMoreWords} words`,
        ok: mostMore <= TARGETS.tellMeMoreWords,
      },
      {
        name: `tell me more, ${feature}: sentences said twice (first answer and more)`,
        value: repeated,
        unit: 'times',
        target: '0',
        ok: repeated === 0,
      },
    );
  }
  // A returning user: played a routine in an earlier session (and one who stopped partway).
  let launchReturning = 0;
  for (const stopEarly of [false, true]) {
    const user = newUser();
    const started = await startToPress(user, 'quick');
    if (stopEarly) await user.say('AMAZON.StopIntent');
    else await playOn(user, started.first);
    await user.endSession();
    const heard = await user.launch();
    launchReturning = Math.max(launchReturning, words(ssmlToText(heard.ssml)));
  }
  figures.push({
    name: 'first answer, launch, returning user (after a routine, finished or stopped)',
    value: launchReturning,
    unit: 'words',
    target: `≤ ${TARGETS.launchReturningWords} words`,
    ok: launchReturning <= TARGETS.launchReturningWords,
  });

  figures.unshift(
    {
      name: 'worst seconds before the first press, returning',
      value: worstReturning / 1000,
      unit: 's',
      target: `≤ ${TARGETS.returningBeforePressS} s`,
      ok: worstReturning / 1000 <= TARGETS.returningBeforePressS,
    },
    {
      name: 'worst seconds to the first hold, returning (the strict measure: the press cue included)',
      value: worstToHold / 1000,
      unit: 's',
      target: `≤ ${TARGETS.returningBeforePressS} s`,
      ok: worstToHold / 1000 <= TARGETS.returningBeforePressS,
    },
    {
      name: 'worst announced vs played',
      value: Math.round(worstError * 1000) / 10,
      unit: '% off',
      target: '≤ 10 %',
      ok: worstError <= TARGETS.announcedError,
    },
    {
      name: 'worst longest silence',
      value: worstSilence / 1000,
      unit: 's',
      target: `≤ ${TARGETS.silenceS} s`,
      ok: worstSilence / 1000 <= TARGETS.silenceS,
    },
    ...worstByStyle,
    {
      name: 'cues said in the same words as last time, all routines',
      value: totalAgain,
      unit: 'times',
      target: '0',
      ok: totalAgain === 0,
    },
  );
  return { title: 'Voice: what a person hears (issue 13)', figures };
}
