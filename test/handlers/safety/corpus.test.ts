/**
 * Every phrase of every language's phrasing corpus (data/phrasings/<lang>/safety.json, English's in
 * en-US/), said to the skill in a market of that language: through
 * the committed interaction model (the simulator's matcher) and the real handler, with real request
 * envelopes. Each must reach the entry it names and get that entry's care: a red flag its level of
 * care and no routine afterwards, a condition noted for the session, a stop-rule symptom what to do.
 */
import { catalogueFor } from '../../../lambda/src/core/catalogue';
import { translatorFor, type Translate } from '../../../lambda/src/i18n';
import type { HealthRules } from '../../../lambda/src/core/safety';
import { ssmlToText } from '../../../lambda/src/speech/ssml';
import { ModelMatcher } from '../../../simulator/nlu';
import { LANGUAGES_UNDER_TEST, LOCALES_UNDER_TEST } from '../../support/locales';
import { modelFor } from '../../support/model';
import { newConversation } from '../../support/skill';
import type { Turn } from '../../support/conversation';
import { expectUrgentCareFirst, offersWhy, whyOffer } from '../../support/triage';

/** One locale per language: its corpus goes through that locale's model (the first market listed). */
const CORPUS_LOCALES = LANGUAGES_UNDER_TEST.map((language) =>
  LOCALES_UNDER_TEST.find((l) => l.startsWith(`${language}-`))!,
);

interface Reached {
  redFlags: string[];
  conditions: string[];
  symptoms: string[];
}

function reached(turn: Turn): Reached {
  const safety = (turn.attributes.safety ?? {}) as Partial<Reached>;
  return {
    redFlags: safety.redFlags ?? [],
    conditions: safety.conditions ?? [],
    symptoms: safety.symptoms ?? [],
  };
}

const plain = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Asserts the turn gave the care the entry needs, and returns whether routines must now be refused. */
function expectCare(locale: string, t: Translate, rules: HealthRules, id: string, turn: Turn): boolean {
  const flag = rules.getRedFlag(id);
  const condition = rules.getCondition(id);
  const symptom = rules.getStopSymptom(id);
  const got = reached(turn);
  if (flag) {
    expect(got.redFlags).toContain(id);
    // Urgent care and emergencies: the care line first, no routine, and "Want to know why?".
    if (offersWhy(flag)) expectUrgentCareFirst(turn, flag, locale);
    else if (whyOffer(locale).test(turn.speech))
      expect(turn.speech.startsWith(ssmlToText(t('safety.care.clinician')))).toBe(true);
    else expect(turn.speech).toContain(plain(flag.why));
    // No routine offered: neither sentence that offers one, in any language ("Shall I start…").
    expect(turn.speech).not.toContain(ssmlToText(t('safety.statement.offerBreathing')));
    expect(turn.speech).not.toContain(
      ssmlToText(t('safety.statement.offerRoutine', { routine: 'ROUTINENAME' })).split('ROUTINENAME')[0],
    );
    if (t.language === 'en') expect(turn.speech).not.toMatch(/Shall I start|guide you through/);
    return flag.care !== 'clinician';
  }
  if (condition) {
    expect(got.conditions).toContain(id);
    if (condition.tier === 'stop') {
      expectUrgentCareFirst(turn, condition, locale);
      return true;
    }
    expect(turn.speech).toContain(ssmlToText(t('safety.statement.noted', { you: condition.you })));
    return false;
  }
  if (symptom) {
    expect(got.symptoms).toContain(id);
    expect(turn.speech.startsWith(ssmlToText(symptom.advice))).toBe(true);
    return false;
  }
  throw new Error(`unknown entry ${id}`);
}

describe.each(CORPUS_LOCALES)(
  'the %s phrasing corpus, through the interaction model and the real handler',
  (locale) => {
    const t = translatorFor(locale);
    const { safety: rules, phrasings, routines } = catalogueFor(locale);
    /** The quick routine as this language names it (slot words are the locale's, as a user says them). */
    const quick = routines.find((r) => r.id === 'quick')!.name;
    const { corpus } = phrasings;
    const { redFlags, conditions, stopSymptoms } = rules;
    const english = locale.startsWith('en-');
    const matcher = new ModelMatcher(modelFor(locale), locale);
    const cases = Object.entries(corpus.phrasings).flatMap(([id, phrases]) =>
      phrases.map((phrase) => [phrase, id] as [string, string]),
    );

    afterAll(() => {
      const count = (ids: readonly { id: string }[]) =>
        ids.map((e) => `${e.id} ${corpus.phrasings[e.id]?.length ?? 0}`).join(', ');
      console.log(
        [
          `${locale} phrasings: ${cases.length} in all, ${corpus.compound.length} compound, ${corpus.notHealth.length} not health, ${corpus.unclear.length} unclear`,
          `red flags (${redFlags.length}): ${count(redFlags)}`,
          `conditions (${conditions.length}): ${count(conditions)}`,
          `stop-rule symptom groups (${stopSymptoms.length}): ${count(stopSymptoms)}`,
        ].join('\n'),
      );
    });

    it.each(cases)('"%s" reaches %s', async (phrase, id) => {
      expect(matcher.understand(phrase).intent).toBe('HealthStatementIntent');
      const { talk } = newConversation({ locale });
      await talk.launch();
      const turn = await talk.utter(phrase);
      const blocks = expectCare(locale, t, rules, id, turn);
      // A turn that keeps the microphone open asks something.
      if (!turn.ended) expect(turn.speech).toMatch(/\?$/);
      if (blocks && !turn.ended) {
        const start = await talk.say('StartRoutineIntent');
        expect(start.attributes.routine).toBeUndefined();
        if (english) expect(start.speech).not.toMatch(/Let's do the|One safety check first/);
      }
    });

    it.each(corpus.compound.map((c) => [c.text, c.reaches]))(
      'the compound "%s" reaches the most urgent entry it names, %s',
      async (phrase, id) => {
        const { talk } = newConversation({ locale });
        await talk.launch();
        const turn = await talk.utter(phrase);
        expectCare(locale, t, rules, id, turn);
      },
    );

    it.each(corpus.notHealth)('"%s" is not a health statement', async (phrase) => {
      const { talk } = newConversation({ locale });
      await talk.launch();
      const turn = await talk.utter(phrase);
      if (english) expect(turn.speech).not.toMatch(/health condition|safety information/i);
      expect(reached(turn)).toEqual({ redFlags: [], conditions: [], symptoms: [] });
      // "I'm done" and "I'm finished" are the control corpus's DoneIntent: goodbye, never a health question.
      if (matcher.understand(phrase).intent === 'DoneIntent')
        expect(turn.speech.endsWith(ssmlToText(t('common.goodbye')))).toBe(true);
      else expect(turn.ended).toBe(false);
    });

    it.each(corpus.notHealth)('"%s" during a routine is not a health statement either', async (phrase) => {
      const { talk } = newConversation({ locale });
      await talk.launch();
      await talk.say('StartRoutineIntent', { routine: quick });
      await talk.say('AMAZON.NoIntent');
      const turn = await talk.utter(phrase);
      if (english) expect(turn.speech).not.toMatch(/health condition|safety information/i);
      expect(reached(turn)).toEqual({ redFlags: [], conditions: [], symptoms: [] });
    });

    it.each(corpus.unclear)('"%s" gets one short clarifying question, never the menu', async (phrase) => {
      const { talk } = newConversation({ locale });
      await talk.launch();
      const turn = await talk.utter(phrase);
      expect(turn.speech).toBe(ssmlToText(t('safety.statement.unclear')));
      expect(turn.speech.split(/[.?!]/).filter((s) => s.trim() !== '').length).toBeLessThanOrEqual(2);
      expect(turn.speech).toMatch(/\?$/);
      const again = await talk.utter(phrase);
      expect(again.speech).not.toBe(turn.speech);
      expect(again.speech.startsWith(ssmlToText(t('safety.statement.unclearAgain')).slice(0, 40))).toBe(true);
    });
  },
);
