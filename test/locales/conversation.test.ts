/**
 * A conversation per locale, from a user's words in that locale's language
 * (test/fixtures/locales/<locale>.json): each phrase goes through the simulator's NLU over that
 * locale's own generated model, then the real skill. Find a point by code and by name, a need, a
 * routine start and one control mid-hold, a safety question, a red flag with that market's care
 * numbers and one "want to know why?" (an emergency closes after the reason), and a condition said mid-routine. What each did is read from the session state the skill
 * keeps and from the catalogue in that language, never from English wording.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { catalogueFor, englishCatalogue } from '../../lambda/src/core/catalogue';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { buildSkill } from '../../lambda/src/skill';
import { launchRequest } from '../../simulator/envelope';
import { resolveSlotValue } from '../../simulator/envelope';
import { ModelMatcher } from '../../simulator/nlu';
import { Conversation, type Turn } from '../support/conversation';
import { LOCALES_UNDER_TEST } from '../support/locales';
import { modelFor, whyWords } from '../support/model';
import { painQuestionAsked, routineOver, routineState } from '../support/routine';
import { newConversation } from '../support/skill';
import { offersWhy, reasonOf, whyOffer } from '../support/triage';

interface Fixture {
  locale: string;
  findByCode: { say: string; point: string };
  findByName: { say: string; point: string };
  need: { say: string; need: string };
  startRoutine: { say: string; routine: string };
  controlMidHold: { say: string; action: string };
  safety: { say: string; condition: string };
  redFlag: { say: string; redFlag: string };
  conditionMidRoutine: { say: string; condition: string };
  careNumbers: { emergency: string[]; urgent: string[] };
}

const fixturePath = (locale: string) => path.join(__dirname, '../fixtures/locales', `${locale}.json`);

/** The slot value ids Alexa's entity resolution gives the words the NLU put in each slot. */
function resolvedIds(
  locale: string,
  understood: { intent: string; slots: Record<string, string> },
): string[] {
  const { intents, types = [] } = modelFor(locale).interactionModel.languageModel;
  const slots = intents.find((i) => i.name === understood.intent)?.slots ?? [];
  return Object.entries(understood.slots).flatMap(([name, words]) => {
    const type = types.find((t) => t.name === slots.find((s) => s.name === name)?.type);
    const id = type ? resolveSlotValue(type, words, locale)?.id : undefined;
    return id ? [id] : [];
  });
}

/** Starts the fixture's routine as a user would, answering the one-off questions with Alexa's built-in yes and no. */
async function startRoutine(talk: Conversation, say: string): Promise<void> {
  await talk.utter(say);
  const safety = talk.sessionAttributes.safety as { pending?: { action?: string } } | undefined;
  if (safety?.pending?.action === 'diagnosis') await talk.say('AMAZON.YesIntent');
  const offer = talk.sessionAttributes.offer as { kind?: string } | undefined;
  if (offer?.kind === 'screen') await talk.say('AMAZON.NoIntent');
}

/** Into the first hold of the running routine, ten seconds after the pressing starts. */
async function intoHold(talk: Conversation): Promise<void> {
  talk.wait(routineState(talk)!.turn!.totalMs / 1000 + 1);
  await talk.say('AMAZON.NextIntent');
  talk.wait(routineState(talk)!.turn!.windows[0].holdStartMs / 1000 + 10);
}

const conditionsOf = (talk: Conversation) =>
  (talk.sessionAttributes.safety as { conditions?: string[] } | undefined)?.conditions ?? [];

describe.each(LOCALES_UNDER_TEST)('a conversation in %s', (locale) => {
  it('has its fixture', () => {
    expect(existsSync(fixturePath(locale))).toBe(true);
  });
  if (!existsSync(fixturePath(locale))) return;
  const fixture = JSON.parse(readFileSync(fixturePath(locale), 'utf8')) as Fixture;
  const matcher = new ModelMatcher(modelFor(locale), locale);
  const catalogue = catalogueFor(locale);
  const talkIn = () => newConversation({ locale }).talk;

  it('the fixture is this locale’s', () => {
    expect(fixture.locale).toBe(locale);
  });

  it.each(['findByCode', 'findByName'] as const)(
    '%s: the point, with its name in this language',
    async (kind) => {
      const { say, point } = fixture[kind];
      const understood = matcher.understand(say);
      expect([say, understood.intent]).toEqual([say, 'FindPointIntent']);
      const talk = talkIn();
      const turn = await talk.utter(say);
      expect(talk.sessionAttributes.lastPoint).toBe(point);
      expect(turn.speech.toLowerCase()).toContain(catalogue.getPoint(point)!.names[0].toLowerCase());
    },
  );

  it('need: the points for it, by name', async () => {
    const { say, need } = fixture.need;
    expect(resolvedIds(locale, matcher.understand(say))).toContain(need);
    const turn = await talkIn().utter(say);
    const first = catalogue.pointsFor(need)[0];
    expect(turn.speech.toLowerCase()).toContain(first.names[0].toLowerCase());
  });

  it('startRoutine and a control mid-hold', async () => {
    const { say, routine } = fixture.startRoutine;
    const talk = talkIn();
    await startRoutine(talk, say);
    expect(routineState(talk)?.plan.source).toEqual({ type: 'routine', id: routine });
    await intoHold(talk);
    const { say: control, action } = fixture.controlMidHold;
    const intent = catalogue.controls.actions[action]?.intent;
    expect([control, matcher.understand(control).intent]).toEqual([control, intent]);
    const turn = await talk.utter(control);
    if (catalogue.controls.actions[action].reaches.playing === 'pause') {
      expect(routineState(talk)?.paused).toBeDefined();
      expect(turn.ended).toBe(false);
    }
  });

  it('safety: the condition applies from then on', async () => {
    const { say, condition } = fixture.safety;
    const talk = talkIn();
    const turn = await talk.utter(say);
    expect(conditionsOf(talk)).toContain(condition);
    expect(turn.reprompt).not.toBe('');
  });

  it('redFlag: that market’s care numbers, one "want to know why?", and an emergency ends after the reason', async () => {
    const { say, redFlag } = fixture.redFlag;
    expect(resolvedIds(locale, matcher.understand(say))).toContain(redFlag);
    const talk = talkIn();
    const turn = await talk.utter(say);
    const flag = catalogue.safety.getRedFlag(redFlag)!;
    const care = flag.care;
    const numbers = care === 'emergency' ? fixture.careNumbers.emergency : fixture.careNumbers.urgent;
    // Read as a phone number, or through an alias ("triple zero"), never as an amount.
    for (const number of numbers)
      expect(turn.ssml).toMatch(
        new RegExp(`<say-as interpret-as="telephone">${number}</say-as>|<sub alias="[^"]+">${number}</sub>`),
      );
    if (!offersWhy(flag)) return;
    // Open for one question, in this language; a silence hears the call for help again.
    expect(turn.ended).toBe(false);
    expect(turn.speech).toMatch(whyOffer(locale));
    expect(turn.speech.match(/\?/g)).toHaveLength(1);
    if (care !== 'emergency') return;
    for (const number of numbers) expect(turn.reprompt).toContain(number);
    const reason = await talk.utter(whyWords(locale));
    expect(reason.speech.startsWith(reasonOf(flag))).toBe(true);
    expect(reason.ended).toBe(true);
  });

  it('conditionMidRoutine: said during a hold, it applies to the routine', async () => {
    const talk = talkIn();
    await startRoutine(talk, fixture.startRoutine.say);
    await intoHold(talk);
    await talk.utter(fixture.conditionMidRoutine.say);
    expect(conditionsOf(talk)).toContain(fixture.conditionMidRoutine.condition);
  });
});

/** A user who has done a routine before (pain check-ins start then), with `record` stored first. */
async function returningUser(locale: string, record: Record<string, unknown> = {}): Promise<Conversation> {
  const store = new MemoryPersistenceAdapter();
  const userId = `amzn1.ask.account.LOCALE-${locale}-${Math.random().toString(36).slice(2)}`;
  await store.saveAttributes(launchRequest({ userId }), { welcomed: true, routinesHeard: true, ...record });
  return new Conversation(buildSkill({ persistenceAdapter: store }), { userId, locale });
}

/** "Next" through the routine under way until its last hold has played. */
async function playToEnd(talk: Conversation): Promise<Turn> {
  let last: Turn | undefined;
  for (let i = 0; i < 40 && !routineOver(talk); i++) {
    talk.wait(600);
    last = await talk.say('AMAZON.NextIntent');
  }
  talk.wait(300);
  if (!last) throw new Error('no routine was playing');
  return last;
}

/** The English words of a routine that a sentence in another language must not carry. */
function englishWordsOf(routineId: string): RegExp[] {
  const routine = englishCatalogue.getRoutine(routineId)!;
  return [routine.name, routine.closing].map(
    (text) => new RegExp(`(?<![\\p{L}])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu'),
  );
}

const scoreOf = (talk: Conversation) =>
  talk.sessionAttributes.progress as { before?: number; after?: number } | undefined;

// Issue 13/14's check-ins, endings and trend, in a language other than English: what they say of
// the catalogue comes from that language's catalogue, and a score said in its number words counts.
describe.each(LOCALES_UNDER_TEST.filter((locale) => !locale.startsWith('en')))(
  'check-ins, the routine ending and the trend in %s',
  (locale) => {
    if (!existsSync(fixturePath(locale))) return;
    const fixture = JSON.parse(readFileSync(fixturePath(locale), 'utf8')) as Fixture;
    const catalogue = catalogueFor(locale);
    const { routine: routineId } = fixture.startRoutine;

    it('a score said as a number word, and "And now?" with the routine named in this language', async () => {
      const talk = await returningUser(locale);
      await talk.utter(fixture.startRoutine.say);
      const safety = talk.sessionAttributes.safety as { pending?: { action?: string } } | undefined;
      if (safety?.pending?.action === 'diagnosis') await talk.say('AMAZON.YesIntent');
      expect(painQuestionAsked(talk)).toBe(true);
      // "sechs", "seis", "six": the language's own word for 6, as a slot carries the words.
      await talk.say('PainScoreIntent', { score: catalogue.spoken.numbers.toWords(6) });
      expect(scoreOf(talk)?.before).toBe(6);
      const offer = talk.sessionAttributes.offer as { kind?: string } | undefined;
      if (offer?.kind === 'screen') await talk.say('AMAZON.NoIntent');
      expect(routineState(talk)?.plan.source).toEqual({ type: 'routine', id: routineId });

      const end = await playToEnd(talk);
      const routine = catalogue.getRoutine(routineId)!;
      expect(end.speech.toLowerCase()).toContain(routine.name.toLowerCase());
      for (const english of englishWordsOf(routineId)) expect(end.speech).not.toMatch(english);

      const result = await talk.say('PainScoreIntent', { score: catalogue.spoken.numbers.toWords(4) });
      expect(result.speech).toMatch(/6\D+4/);
      for (const english of englishWordsOf(routineId)) expect(result.speech).not.toMatch(english);
    });

    it('the trend names the routines in this language', async () => {
      const day = (n: number) =>
        new Date(Date.parse('2026-11-25T12:00:00Z') - n * 86_400_000).toISOString().slice(0, 10);
      const scores = Array.from({ length: 10 }, (_, i) => [day(i), 'evening', 6, 3]);
      const talk = await returningUser(locale, { progress: { v: 1, consent: 'yes', scores } });
      const answers = [await talk.say('ProgressIntent'), await talk.say('ProgressBestIntent')];
      const evening = catalogue.getRoutine('evening')!;
      for (const answer of answers) {
        expect(answer.speech.toLowerCase()).toContain(evening.name.toLowerCase());
        for (const english of englishWordsOf('evening')) expect(answer.speech).not.toMatch(english);
      }
    });
  },
);
