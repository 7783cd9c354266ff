/**
 * Brief by default, measured (issue 13 item 4), from a user's words through the real skill. Times
 * come from the skill's own speaking-rate model (the same measure as `npm run bench -- voice`,
 * test/support/voice.ts), so a longer question, reminder or step announcement fails here:
 * - every routine: a returning user's talk from "start the … routine" to the start of the first hold,
 *   every question (the pain check-in answered with a score) and the press cue included, at most
 *   20 s (a shorter press cue for a routine started before; the one-line stop reminder stays, as
 *   the first words of the first hold, and so does the disc routine's diagnosis question); the
 *   first time, the full red-flag screening; the disc routine
 *   asks about a clinician's diagnosis every session (section 6.4); "about N minutes" within 10 %
 *   of what the returning user's routine plays;
 * - every feature's first answer at most 35 words, "tell me more" at most 70 with no sentence
 *   said twice.
 */
import { catalogueFor, routines } from '../../lambda/src/core/catalogue';
import { conditions, type Condition, type RedFlag } from '../../lambda/src/core/safety';
import { SUPPORTED_LOCALES } from '../../lambda/src/i18n';
import { estimateSpeechMs } from '../../lambda/src/core/routine/speaking-rate';
import type { Routine } from '../../lambda/src/core/types';
import type { Conversation, Turn } from '../support/conversation';
import { model, whyWords, yesWords } from '../support/model';
import { painQuestionAsked, routineOver, routineState } from '../support/routine';
import { newConversation } from '../support/skill';
import {
  expectReason,
  expectUrgentCareFirst,
  offersWhy,
  reasonOf,
  routineOffers,
  whyOffer,
} from '../support/triage';
import { beforeFirstPress, spokenWords, VOICE_TARGETS } from '../support/voice';

const valuesOf = (type: string): string[] =>
  (model.interactionModel.languageModel.types ?? [])
    .find((t) => t.name === type)!
    .values.map((v) => v.name.value);

const sentences = (text: string): string[] => text.split(/(?<=[.?!])\s+/).filter(Boolean);

/**
 * "Start the … routine" in words, answering its questions as a user does (diagnosed: yes; the pain
 * check-in: a score, whose acknowledgement is timed with the next question; anything new: no).
 */
async function startByWords(
  talk: Conversation,
  routine: Routine,
): Promise<{ questions: Turn[]; first: Turn }> {
  const questions: Turn[] = [];
  let turn = await talk.utter(`start the ${routine.name} routine`);
  for (let asked = 0; asked < 3 && !routineState(talk)?.turn; asked++) {
    questions.push(turn);
    const safety = talk.sessionAttributes.safety as { pending?: { action?: string } } | undefined;
    const answer = safety?.pending?.action === 'diagnosis' ? 'yes' : painQuestionAsked(talk) ? 'four' : 'no';
    turn = await talk.utter(answer);
  }
  expect(routineState(talk)?.turn).toBeDefined();
  return { questions, first: turn };
}

/**
 * Seconds from the user's request to the first hold: the questions, the opening, the first
 * announcement and the press cue itself (the strict measure; the bench also prints the time to the
 * start of the press cue, after which the user is already pressing).
 */
function secondsToHold(talk: Conversation, started: { questions: Turn[]; first: Turn }): number {
  const asking = started.questions.reduce((ms, q) => ms + estimateSpeechMs(q.ssml), 0);
  const { first } = started;
  const components = first.apla?.document.mainTemplate.item.items ?? [];
  const holdStartMs = routineState(talk)!.turn!.windows[0].holdStartMs;
  return (asking + beforeFirstPress(first.ssml, components, holdStartMs).toHoldMs) / 1000;
}

describe.each(routines.map((r) => [r.id, r] as const))(
  'the %s routine, for a returning user',
  (_id, routine) => {
    it('reaches the first hold within 20 s (the press cue included), and is announced within 10 % of what it plays', async () => {
      const { talk } = newConversation({ userId: `amzn1.ask.account.VOICE-${routine.id}` });
      const firstTime = await startByWords(talk, routine);
      // The first time: the full red-flag screening, and (disc) the diagnosis question with its reason.
      expect(firstTime.questions.at(-1)!.speech).toMatch(/^One safety check first\. Are you pregnant/);
      if (routine.needsDiagnosis)
        expect(firstTime.questions[0].speech).toMatch(
          /is for a problem a doctor or physiotherapist has diagnosed/,
        );
      const firstSeconds = secondsToHold(talk, firstTime);
      await talk.utter('stop');

      talk.wait(3600).newSession();
      const again = await startByWords(talk, routine);
      // Every session: what may be new (every group, in one line) and, for the disc routine, the diagnosis.
      expect(again.questions.at(-1)!.speech).toMatch(
        /pregnan.*cancer.*fever.*fall.*numbness.*weakness.*bladder or bowel/,
      );
      if (routine.needsDiagnosis)
        expect(again.questions[0].speech).toMatch(/diagnosed by a doctor or physiotherapist/);
      const seconds = secondsToHold(talk, again);
      expect({ seconds, ok: seconds <= VOICE_TARGETS.returningBeforePressS }).toEqual({ seconds, ok: true });
      expect(seconds).toBeLessThan(firstSeconds);

      const said = /about (\d+)( and a half)? minutes/.exec(again.first.speech);
      const minutes = Number(said![1]) + (said![2] ? 0.5 : 0);
      let playedMs = routineState(talk)!.turn!.totalMs;
      for (let n = 0; !routineOver(talk) && n < 20; n++) {
        talk.wait(routineState(talk)!.turn!.totalMs / 1000 + 3);
        await talk.utter('next');
        playedMs += routineState(talk)!.turn!.totalMs;
      }
      expect(routineOver(talk)).toBe(true);
      const error = Math.abs(minutes * 60_000 - playedMs) / playedMs;
      expect({ minutes, ok: error <= VOICE_TARGETS.announcedError }).toEqual({ minutes, ok: true });
    });
  },
);

describe('a routine started before is announced briefly; "repeat" gives the full words', () => {
  it('the sciatica routine: G B 30 by name, length and side, a short press cue, then its position on "repeat"', async () => {
    const routine = routines.find((r) => r.id === 'sciatica')!;
    const { talk } = newConversation({ userId: 'amzn1.ask.account.VOICE-REPEAT' });
    const firstTime = await startByWords(talk, routine);
    const position = routine.steps[0].position;
    expect(firstTime.first.speech).toContain(position);
    await talk.utter('stop');
    talk.wait(3600).newSession();
    const again = await startByWords(talk, routine);
    expect(firstTime.first.speech).toMatch(
      /Press Jumping Circle now, building up slowly over two breaths to a comfortable ache\./,
    );
    // Brief: the step by name, length and side, and a short press cue.
    expect(again.first.speech).toMatch(/Jumping Circle, 2 minutes, on the painful side\. Press slowly now\./);
    expect(again.first.speech).not.toContain(position);
    talk.wait(20);
    expect((await talk.utter('repeat')).speech).toContain(position);
  });
});

describe('first answers in one breath, "tell me more" in at most 70 words', () => {
  it.each(valuesOf('PointName'))('"where is %s", then "tell me more"', async (name) => {
    const { talk } = newConversation();
    const first = await talk.utter(`where is ${name}`);
    expect(spokenWords(first.speech)).toBeLessThanOrEqual(VOICE_TARGETS.firstAnswerWords);
    const more = await talk.utter('tell me more');
    expect(spokenWords(more.speech)).toBeLessThanOrEqual(VOICE_TARGETS.tellMeMoreWords);
    const heard = [...sentences(first.speech), ...sentences(more.speech)];
    expect(heard.filter((s, i) => heard.indexOf(s) !== i)).toEqual([]);
  });

  it.each(valuesOf('NeedName'))('"which point helps %s"', async (need) => {
    const { talk } = newConversation();
    const first = await talk.utter(`which point helps ${need}`);
    expect(spokenWords(first.speech)).toBeLessThanOrEqual(VOICE_TARGETS.firstAnswerWords);
  });

  // Graded answers here; red flags and stop-tier conditions in every market below.
  it.each(conditions.filter((c) => c.tier !== 'stop').map((c) => c.name))(
    '"is it safe if I have %s"',
    async (condition) => {
      const { talk } = newConversation();
      const first = await talk.utter(`is it safe if I have ${condition}`);
      expect(spokenWords(first.speech)).toBeLessThanOrEqual(VOICE_TARGETS.firstAnswerWords);
      if (!/Want more detail\?$/.test(first.speech)) return;
      const more = await talk.utter('tell me more');
      expect(spokenWords(more.speech)).toBeLessThanOrEqual(VOICE_TARGETS.tellMeMoreWords);
      const heard = [...sentences(first.speech), ...sentences(more.speech)];
      expect(heard.filter((s, i) => heard.indexOf(s) !== i)).toEqual([]);
    },
  );

  it.each(routines.map((r) => r.name))('"start the %s routine": the first question', async (name) => {
    const { talk } = newConversation();
    const first = await talk.utter(`start the ${name} routine`);
    expect(spokenWords(first.speech)).toBeLessThanOrEqual(VOICE_TARGETS.firstAnswerWords);
  });
});

/**
 * Red flags and stop-tier conditions, in every market (the request locale picks the language and the
 * care words, whose length differs): the first answer fits one breath and ends with its one
 * question; urgent care and emergencies say the care line first, that no routine will start, and
 * "Want to know why?", whose answer ("why" or "yes", in the market's language) is the catalogue's
 * reason. English markets ask "is it safe if I have <name>"; another language says the entry as its
 * phrasing corpus does.
 */
describe.each(SUPPORTED_LOCALES)('urgent-care answers in one breath, in %s', (locale) => {
  const { safety: rules, phrasings } = catalogueFor(locale);
  const triggers: Array<RedFlag | Condition> = [
    ...rules.redFlags,
    ...rules.conditions.filter((c) => c.tier === 'stop'),
  ];
  const english = locale.startsWith('en-');
  const saying = (trigger: RedFlag | Condition): string =>
    english
      ? `is it safe if I have ${trigger.name}`
      : (phrasings.corpus.phrasings[trigger.id]?.[0] ?? trigger.name);
  const ask = async (trigger: RedFlag | Condition) => {
    const { talk } = newConversation({ locale });
    const first = await talk.utter(saying(trigger));
    const safety = talk.sessionAttributes.safety as { redFlags: string[]; conditions: string[] };
    expect([...safety.redFlags, ...safety.conditions]).toContain(trigger.id);
    return { talk, first };
  };

  it.each(triggers.map((trigger) => [trigger.id, trigger] as const))(
    '%s: at most 35 words, one question, and the reason on "why" and on "yes"',
    async (_id, trigger) => {
      const { talk, first } = await ask(trigger);
      const words = spokenWords(first.speech);
      expect({ words, ok: words <= VOICE_TARGETS.firstAnswerWords }).toEqual({ words, ok: true });
      expect(first.speech).toMatch(/\?$/);
      expect(first.speech.match(/\?/g)).toHaveLength(1);
      if (english) expect(first.speech).not.toMatch(/Shall I start|guide you through/);
      for (const offer of routineOffers(locale)) expect(first.speech).not.toContain(offer);
      if (offersWhy(trigger)) expectUrgentCareFirst(first, trigger, locale);
      if (!whyOffer(locale).test(first.speech)) {
        expect(first.speech).toContain(reasonOf(trigger));
        return;
      }
      expectReason(await talk.utter(whyWords(locale)), trigger);
      const again = (await ask(trigger)).talk;
      expectReason(await again.utter(yesWords(locale)), trigger);
    },
  );
});

describe('a bare need at the main menu', () => {
  it('"morning stiffness" is heard as "which point helps morning stiffness", night-pain question included', async () => {
    const bare = newConversation().talk;
    await bare.launch();
    const said = await bare.utter('morning stiffness');
    const asked = newConversation().talk;
    await asked.launch();
    const expected = await asked.utter('which point helps morning stiffness');
    expect(said.speech).toBe(expected.speech);
    expect(said.speech).toMatch(/night/);
  });
});
