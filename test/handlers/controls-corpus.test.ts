/**
 * Every phrase of every language's control corpus (data/phrasings/<lang>/controls.json, English's
 * in en-US/), said in every routine
 * state (a hold playing, paused, between holds, the routine finished, no routine): through the
 * committed interaction model (the simulator's matcher) and the real skill, with real request
 * envelopes. Each must reach its action's intent and do what the corpus says for that state, read
 * from the routine state the skill keeps and the session it leaves open or closes.
 */
import { catalogueFor } from '../../lambda/src/core/catalogue';
import { positionAt, type RoutineState } from '../../lambda/src/core/routine/progress';
import { ModelMatcher } from '../../simulator/nlu';
import { Conversation, type Turn } from '../support/conversation';
import { LANGUAGES_UNDER_TEST, LOCALES_UNDER_TEST } from '../support/locales';
import { modelFor } from '../support/model';
import { askForRoutine, routineOver, routineState } from '../support/routine';
import { newConversation } from '../support/skill';

/** One locale per language: its corpus goes through that locale's model (the first market listed). */
const CORPUS_LOCALES = LANGUAGES_UNDER_TEST.map((language) =>
  LOCALES_UNDER_TEST.find((l) => l.startsWith(`${language}-`))!,
);

type State = 'playing' | 'paused' | 'between' | 'finished' | 'none';
type Outcome =
  | 'pause'
  | 'keep-hold'
  | 'resume'
  | 'next'
  | 'back'
  | 'again'
  | 'plays'
  | 'answer-play'
  | 'answer-paused'
  | 'answer'
  | 'nothing-running'
  | 'ends';
interface Action {
  intent: string;
  reaches: Record<State, Outcome>;
  phrasings: string[];
}

/** A conversation in the given state: its session attributes and clock, to start each phrase from. */
interface Snapshot {
  attributes: Record<string, unknown>;
  now: number;
}

const turnSeconds = (talk: Conversation) => routineState(talk)!.turn!.totalMs / 1000;

async function reach(state: State, locale: string): Promise<Snapshot> {
  const { talk } = newConversation({ locale });
  await talk.launch();
  if (state !== 'none') {
    await askForRoutine(talk, 'general');
    if (state === 'finished') {
      while (!routineOver(talk)) {
        talk.wait(turnSeconds(talk) + 1);
        await talk.say('AMAZON.NextIntent');
      }
      talk.wait(turnSeconds(talk) + 1);
    } else if (state === 'between') {
      talk.wait(turnSeconds(talk) + 1);
    } else {
      talk.wait(turnSeconds(talk) + 1);
      await talk.say('AMAZON.NextIntent');
      talk.wait(routineState(talk)!.turn!.windows[0].holdStartMs / 1000 + 10);
      if (state === 'paused') await talk.say('AMAZON.PauseIntent');
    }
  }
  return { attributes: talk.sessionAttributes, now: talk.now };
}

/** Where the user is before speaking: the index "next", "back" and "again" are measured from. */
function currentIndex(before: RoutineState | undefined, now: number): number {
  if (!before) return -1;
  const position = positionAt(before, now);
  if (position.at === 'finished') return before.plan.steps.length;
  if (position.at === 'between') return position.index - 1;
  return position.index;
}

function expectOutcome(
  english: boolean,
  outcome: Outcome,
  turn: Turn,
  talk: Conversation,
  before: RoutineState | undefined,
  at: number,
) {
  const after = routineState(talk);
  const playing = !turn.ended && after?.turn?.startedAt === at && after.paused === undefined;
  const first = after?.turn?.windows[0]?.index;
  const current = currentIndex(before, at);
  switch (outcome) {
    case 'pause':
    case 'answer-paused':
      expect(turn.ended).toBe(false);
      expect(after?.paused).toBeDefined();
      expect(after?.turn?.startedAt).not.toBe(at);
      expect(turn.reprompt).not.toBe('');
      break;
    case 'keep-hold':
    case 'answer-play':
    case 'resume':
      expect(playing).toBe(true);
      expect(first).toBe(current);
      // The hold carries on with what was left; it does not start again.
      expect(after!.turn!.windows[0].holdMs).toBeLessThan(after!.plan.steps[current].seconds * 1000);
      break;
    case 'next':
      expect(playing).toBe(true);
      expect(first).toBeGreaterThan(current);
      break;
    case 'back':
      expect(playing).toBe(true);
      expect(first).toBeLessThan(Math.max(1, current));
      break;
    case 'again':
      expect(playing).toBe(true);
      expect(first).toBe(Math.min(current, after!.plan.steps.length - 1));
      break;
    case 'plays':
      expect(playing).toBe(true);
      break;
    case 'answer':
      expect(turn.ended).toBe(false);
      expect(after?.turn?.startedAt === at && !after.paused).toBe(false);
      expect(turn.reprompt).not.toBe('');
      if (english) expect(turn.speech).toMatch(/\?$|Say |say /);
      break;
    case 'nothing-running':
      expect(turn.ended).toBe(false);
      if (english) expect(turn.speech).toMatch(/start a routine/i);
      break;
    case 'ends':
      expect(turn.ended).toBe(true);
      break;
  }
}

describe.each(CORPUS_LOCALES)('the %s control corpus', (locale) => {
  const { controls } = catalogueFor(locale);
  const english = locale.startsWith('en-');
  const matcher = new ModelMatcher(modelFor(locale), locale);
  const actions = controls.actions as Record<string, Action>;
  const STATES = controls.states as State[];
  const counts = new Map<string, number>();
  const snapshots = new Map<State, Snapshot>();

  beforeAll(async () => {
    for (const state of STATES) snapshots.set(state, await reach(state, locale));
  });

  afterAll(() => {
    const rows = Object.entries(actions).map(
      ([id]) => `${id.padEnd(18)} ${STATES.map((s) => `${s} ${counts.get(`${id}|${s}`) ?? 0}`).join(', ')}`,
    );
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    console.log(
      [`${locale}: control phrasings understood, per action and state (${total} in all):`, ...rows].join(
        '\n',
      ),
    );
  });

  const cases = Object.entries(actions).flatMap(([id, action]) =>
    action.phrasings.map((phrase) => [phrase, id, action] as [string, string, Action]),
  );

  it.each(cases)(
    '"%s" reaches %s, through the interaction model and the real handler, in every routine state',
    async (phrase, id, action) => {
      expect(matcher.understand(phrase)).toEqual({ intent: action.intent, slots: {} });
      for (const state of STATES) {
        const snapshot = snapshots.get(state)!;
        const { talk } = newConversation({ startTime: snapshot.now, locale });
        if (state !== 'none') talk.setAttributes(structuredClone(snapshot.attributes));
        else await talk.launch();
        const before = state === 'none' ? undefined : routineState(talk);
        const at = talk.now;
        const turn = await talk.utter(phrase);
        if (english)
          expect(turn.speech).not.toMatch(
            /a point called|health condition|safety information about|didn't catch/i,
          );
        try {
          expectOutcome(english, action.reaches[state], turn, talk, before, at);
        } catch (error) {
          throw new Error(
            `"${phrase}" in state ${state} (${action.reaches[state]}): ${turn.speech}\n${String(error)}`,
            { cause: error },
          );
        }
        counts.set(`${id}|${state}`, (counts.get(`${id}|${state}`) ?? 0) + 1);
      }
    },
  );
});
