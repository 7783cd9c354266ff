/**
 * Every phrase of the phrasing corpus (data/phrasings/en-US/safety.json), said to the skill: through
 * the committed interaction model (the simulator's matcher) and the real handler, with real request
 * envelopes. Each must reach the entry it names and get that entry's care: a red flag its level of
 * care and no routine afterwards, a condition noted for the session, a stop-rule symptom what to do.
 */
import {
  conditions,
  corpus,
  getCondition,
  getRedFlag,
  getStopSymptom,
  redFlags,
  stopSymptoms,
} from '../../../lambda/src/core/safety';
import { translatorFor } from '../../../lambda/src/i18n';
import { ssmlToText } from '../../../lambda/src/speech/ssml';
import { ModelMatcher } from '../../../simulator/nlu';
import { model } from '../../support/model';
import { newConversation } from '../../support/skill';
import type { Turn } from '../../support/conversation';
import { expectUrgentCareFirst, offersWhy, WHY_OFFER } from '../../support/triage';

const t = translatorFor('en-US');
const matcher = new ModelMatcher(model);

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
function expectCare(id: string, turn: Turn): boolean {
  const flag = getRedFlag(id);
  const condition = getCondition(id);
  const symptom = getStopSymptom(id);
  const got = reached(turn);
  if (flag) {
    expect(got.redFlags).toContain(id);
    // Urgent care and emergencies: the care line first, no routine, and "Want to know why?".
    if (offersWhy(flag)) expectUrgentCareFirst(turn, flag);
    else if (WHY_OFFER.test(turn.speech))
      expect(turn.speech.startsWith(ssmlToText(t('safety.care.clinician')))).toBe(true);
    else expect(turn.speech).toContain(plain(flag.why));
    expect(turn.speech).not.toMatch(/Shall I start|guide you through/);
    return flag.care !== 'clinician';
  }
  if (condition) {
    expect(got.conditions).toContain(id);
    if (condition.tier === 'stop') {
      expectUrgentCareFirst(turn, condition);
      return true;
    }
    expect(turn.speech).toContain(`I'll keep in mind that ${condition.you}`);
    return false;
  }
  if (symptom) {
    expect(got.symptoms).toContain(id);
    expect(turn.speech.startsWith(plain(symptom.advice))).toBe(true);
    return false;
  }
  throw new Error(`unknown entry ${id}`);
}

const cases = Object.entries(corpus.phrasings).flatMap(([id, phrases]) =>
  phrases.map((phrase) => [phrase, id] as [string, string]),
);

describe('the phrasing corpus, through the interaction model and the real handler', () => {
  afterAll(() => {
    const count = (ids: readonly { id: string }[]) =>
      ids.map((e) => `${e.id} ${corpus.phrasings[e.id]?.length ?? 0}`).join(', ');
    console.log(
      [
        `phrasings: ${cases.length} in all, ${corpus.compound.length} compound, ${corpus.notHealth.length} not health, ${corpus.unclear.length} unclear`,
        `red flags (${redFlags.length}): ${count(redFlags)}`,
        `conditions (${conditions.length}): ${count(conditions)}`,
        `stop-rule symptom groups (${stopSymptoms.length}): ${count(stopSymptoms)}`,
      ].join('\n'),
    );
  });

  it.each(cases)('"%s" reaches %s', async (phrase, id) => {
    expect(matcher.understand(phrase).intent).toBe('HealthStatementIntent');
    const { talk } = newConversation();
    await talk.launch();
    const turn = await talk.utter(phrase);
    const blocks = expectCare(id, turn);
    // A turn that keeps the microphone open asks something.
    if (!turn.ended) expect(turn.speech).toMatch(/\?$/);
    if (blocks && !turn.ended) {
      const start = await talk.utter('start a routine');
      expect(start.speech).not.toMatch(/Let's do the|One safety check first/);
    }
  });

  it.each(corpus.compound.map((c) => [c.text, c.reaches]))(
    'the compound "%s" reaches the most urgent entry it names, %s',
    async (phrase, id) => {
      const { talk } = newConversation();
      await talk.launch();
      const turn = await talk.utter(phrase);
      expectCare(id, turn);
    },
  );

  it.each(corpus.notHealth)('"%s" is not a health statement', async (phrase) => {
    const { talk } = newConversation();
    await talk.launch();
    const turn = await talk.utter(phrase);
    expect(turn.speech).not.toMatch(/health condition|safety information/i);
    expect(reached(turn)).toEqual({ redFlags: [], conditions: [], symptoms: [] });
    // "I'm done" and "I'm finished" are the control corpus's DoneIntent: goodbye, never a health question.
    if (matcher.understand(phrase).intent === 'DoneIntent') expect(turn.speech).toMatch(/Goodbye\.$/);
    else expect(turn.ended).toBe(false);
  });

  it.each(corpus.notHealth)('"%s" during a routine is not a health statement either', async (phrase) => {
    const { talk } = newConversation();
    await talk.launch();
    await talk.utter('start the quick routine');
    await talk.utter('no');
    const turn = await talk.utter(phrase);
    expect(turn.speech).not.toMatch(/health condition|safety information/i);
    expect(reached(turn)).toEqual({ redFlags: [], conditions: [], symptoms: [] });
  });

  it.each(corpus.unclear)('"%s" gets one short clarifying question, never the menu', async (phrase) => {
    const { talk } = newConversation();
    await talk.launch();
    const turn = await talk.utter(phrase);
    expect(turn.speech).toBe(t('safety.statement.unclear'));
    expect(turn.speech.split(/[.?!]/).filter((s) => s.trim() !== '').length).toBeLessThanOrEqual(2);
    expect(turn.speech).toMatch(/\?$/);
    const again = await talk.utter(phrase);
    expect(again.speech).not.toBe(turn.speech);
    expect(again.speech).toMatch(/numbness, tingling or weakness in your legs/);
  });
});
