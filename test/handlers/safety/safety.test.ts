import {
  getCondition,
  conditions,
  getRedFlag,
  healthSpokenForms,
  redFlags,
  type Tier,
} from '../../../lambda/src/core/safety';
import type { Conversation, Turn } from '../../support/conversation';
import { newConversation } from '../../support/skill';
import { expectUrgentCareFirst, WHY_OFFER } from '../../support/triage';
import { spokenWords, VOICE_TARGETS } from '../../support/voice';

/**
 * A graded answer heard whole: the one-breath first answer (at most 35 words) and, when it ends on
 * "Want more detail?", the rest after "yes", which never repeats a sentence of the first.
 */
async function inFull(talk: Conversation, first: Turn): Promise<{ first: Turn; speech: string; last: Turn }> {
  expect(spokenWords(first.speech)).toBeLessThanOrEqual(VOICE_TARGETS.firstAnswerWords);
  if (!/Want more detail\?$/.test(first.speech)) return { first, speech: first.speech, last: first };
  const more = await talk.utter('yes');
  const said = new Set(first.speech.split(/(?<=[.?!])\s+/));
  expect(more.speech.split(/(?<=[.?!])\s+/).filter((s) => said.has(s))).toEqual([]);
  return { first, speech: `${first.speech.replace(/ Want more detail\?$/, '')} ${more.speech}`, last: more };
}

const REMINDER = /not medical advice: if pain persists or worsens, see a clinician\./;
const EMERGENCY = /^Please get emergency help now: call 911\./;
const URGENT = /^Please get medical advice from urgent care or your doctor today\./;
const TIER_LEAD: Record<Tier, RegExp> = {
  stop: URGENT,
  check: /^Not without checking with your doctor first\./,
  light: /^Yes, with lighter pressure\./,
  dont: /^Yes, with care[.:]/,
};

describe('"is it safe if…", from what the user says', () => {
  it.each([
    [
      "is it safe if I'm pregnant",
      /^In pregnancy, or if you might be pregnant, I don't guide any point pressure.*traditionally avoided in pregnancy.*midwife.*breathing-only routine/,
    ],
    [
      'is it safe if I have osteoporosis',
      /^Yes, with lighter pressure\..*no firm pressure on the spine.*Instead of pressing B L 23; B L 52; and B L 53, use a light palm hold\./,
    ],
    [
      'is it safe if I take warfarin',
      /^Yes, with lighter pressure\. With blood thinners, use light pressure only and no tennis balls/,
    ],
    [
      "is it safe to press kunlun if I'm pregnant",
      /^No, please skip B L 60, Kunlun Mountains, because you're pregnant\./,
    ],
    [
      'is b l sixty safe during pregnancy',
      /^No, please skip B L 60, Kunlun Mountains, because you're pregnant\./,
    ],
    [
      'is l i four safe during pregnancy',
      /^No, please skip L I 4, Joining the Valley, because you're pregnant\./,
    ],
    ['can I do this if I have varicose veins', /^Yes, with care: skip B L 40\. With varicose veins/],
    ['what if I have a hip replacement', /^Yes, with care: skip G B 30\./],
    [
      'is it safe if I have a heart condition',
      /^With a heart condition, please ask your doctor before using acupressure\..*breathing-only/,
    ],
    ['is it safe if I have a rash', /^Yes, with care\. Don't press on or near broken, bruised/],
    [
      'is it safe to press b l forty',
      /^B L 40, Commanding Middle: yes, with care\. Light pressure only.*varicose veins/,
    ],
    [
      'is g b twenty one safe',
      /^G B 21, Shoulder Well, isn't part of these lower back routines\. Traditionally avoided in pregnancy\./,
    ],
  ])('"%s"', async (words, expected) => {
    const { talk } = newConversation();
    const { speech, last } = await inFull(talk, await talk.utter(words));
    expect(speech).toMatch(expected);
    expect(speech).toMatch(REMINDER);
    expect(last.speech).toMatch(/Anything else you'd like to know\?$/);
    expect(last.ended).toBe(false);
  });

  it('an unknown condition: check with a clinician first, plus the stop rules', async () => {
    const { talk } = newConversation();
    const turn = await talk.utter('is it safe if I have lupus');
    expect(turn.speech).toMatch(
      /^I don't have safety information about lupus, so to be safe, check with your doctor/,
    );
    expect(turn.speech).toMatch(
      /stop if the pain is sharp, burning or electric.*numbness or tingling spreads down a leg.*dizzy.*bruising/,
    );
    expect(turn.speech).toMatch(REMINDER);
  });

  it('pregnancy never suggests abdominal or hand points instead (E-12), nor claims they cause contractions (E-13)', async () => {
    const { talk } = newConversation();
    const speech = [
      (await talk.utter("is it safe if I'm pregnant")).speech,
      (await talk.utter('is c v six safe during pregnancy')).speech,
      (await talk.utter('what if I take warfarin')).speech,
      (await talk.utter('is it safe to press g b thirty')).speech,
    ].join(' ');
    expect(speech).not.toMatch(/abdominal or hand points instead|try the hand|miscarriage|contractions/i);
    expect(speech).toMatch(/No, please skip C V 6/);
  });

  it('a point asked about later is answered for the conditions said earlier', async () => {
    const { talk } = newConversation();
    await talk.utter('I have varicose veins');
    expect((await talk.utter('is it safe to press b l forty')).speech).toMatch(
      /^No, please skip B L 40, Commanding Middle, because you have varicose veins\./,
    );
    expect((await talk.utter('is it safe to press b l twenty three')).speech).toMatch(
      /^B L 23, Sea of Vitality: yes, with care\./,
    );
  });

  it('"is it safe" alone: yes with care, the stop rules, and an invitation to say a condition', async () => {
    const { talk } = newConversation();
    const turn = await inFull(talk, await talk.utter('is it safe'));
    expect(turn.speech).toMatch(
      /^Yes, with care, for most adults: build the pressure up slowly.*Whatever the condition, stop if.*is it safe if I'm pregnant\./,
    );
  });

  it('an unknown point is said so, with the stop rules', async () => {
    const { talk } = newConversation();
    expect((await talk.say('SafetyCheckIntent', { point: 'the moon' })).speech).toMatch(
      /^I don't know a point called the moon/,
    );
  });
});

describe('every condition, every synonym, through the handler', () => {
  const cases = conditions.flatMap((c) => healthSpokenForms(c).map((form) => [c.id, form, c.tier] as const));
  it.each(cases)('%s: "is it safe if I have %s" → its tier\'s answer', async (id, form, tier) => {
    const { talk } = newConversation();
    const heard = await talk.say('SafetyCheckIntent', { condition: form });
    // A stop-tier condition gets the urgent-care answer (its length: see the red flags below).
    const turn = tier === 'stop' ? { speech: heard.speech } : await inFull(talk, heard);
    const condition = getCondition(id);
    // Breathing-only conditions (pregnancy, rule 3.2 and E-11) open with their own advice, not "unless checked".
    if (condition?.breathingOnly) {
      expect(turn.speech.startsWith(condition.advice)).toBe(true);
      expect(turn.speech).not.toMatch(/points to skip are|[A-Z] [A-Z] \d+/);
    } else expect(turn.speech).toMatch(TIER_LEAD[tier]);
    if (tier !== 'stop') expect(turn.speech).toMatch(REMINDER);
  });
});

describe('red flags: the urgent-care answer first', () => {
  const cases = redFlags.flatMap((r) => healthSpokenForms(r).map((form) => [r.id, form, r.care] as const));
  it.each(cases)('%s: "I have %s"', async (id, form, care) => {
    const { talk } = newConversation();
    const turn = await talk.say('HealthStatementIntent', { statement: form });
    const flag = getRedFlag(id)!;
    // Urgent care and emergencies: the care line first, no routine, then "Want to know why?"; the
    // session stays open for that one question (an emergency closes once it is answered).
    if (care === 'emergency' || care === 'urgent') {
      expect(turn.speech).toMatch(care === 'emergency' ? EMERGENCY : URGENT);
      expectUrgentCareFirst(turn, flag);
    } else if (!WHY_OFFER.test(turn.speech)) expect(turn.speech).toContain(flag.why);
    expect(turn.speech).not.toMatch(/not medical advice/);
  });

  it.each([
    ['I have numbness between my legs', EMERGENCY, /cauda equina/],
    ["I've had a car crash", EMERGENCY, /serious accident/],
    ['is it safe if I have chest pain', EMERGENCY, /Chest pain/],
    ['I have weakness in both legs', EMERGENCY, /both legs/],
    ['weakness in my legs', EMERGENCY, /Leg weakness/],
    ["I'm losing weight", URGENT, /weight loss/],
    ['I have a fever', URGENT, /fever/],
    ['what if I have pain at night', URGENT, /worse at night/],
    ['I had a fall', URGENT, /fracture/],
    ['is it safe if I have a blood clot', URGENT, /clot could be dislodged/],
  ])('"%s", then "why"', async (words, lead, why) => {
    const { talk } = newConversation();
    const turn = await talk.utter(words);
    expect(turn.speech).toMatch(lead);
    expect(turn.speech).toMatch(WHY_OFFER);
    const reason = await talk.utter('why');
    expect(reason.speech).toMatch(why);
    expect(reason.ended).toBe(lead === EMERGENCY);
  });

  it('"no" to why goes on; a later bare "why" says why routines are refused; "why" with nothing to explain is a miss', async () => {
    const { talk } = newConversation();
    await talk.launch();
    expect((await talk.utter('why')).speech).toMatch(/^Sorry, I didn't catch that/);
    expect((await talk.utter('I have a fever')).speech).toMatch(WHY_OFFER);
    const no = await talk.utter('no');
    expect(no.speech).toBe('What would you like to do next?');
    expect(no.ended).toBe(false);
    expect((await talk.utter('why')).speech).toMatch(
      /^I won't start a routine in this session, because you have a fever\. Please get medical advice/,
    );
  });

  it('answers the routines\' screening question ("which?") the same way', async () => {
    const { talk } = newConversation();
    await talk.utter('which point helps sciatica');
    const turn = await talk.utter('yes I have a bladder problem');
    expect(turn.speech).toMatch(EMERGENCY);
    // The routine on offer is dropped: the only thing offered is the reason.
    expect(turn.attributes.offer).toEqual({ kind: 'safety-why', trigger: 'bladder-change' });
  });

  it('after an urgent red flag, any later safety question repeats the care and offers why again', async () => {
    const { talk } = newConversation();
    await talk.utter('I have a high temperature');
    const again = await talk.utter('is it safe to press b l twenty three');
    expect(again.speech).toMatch(URGENT);
    expect(again.speech).toMatch(WHY_OFFER);
    expect((await talk.utter('what did you change')).speech).toMatch(
      /^I won't start a routine in this session, because you mentioned a high temperature\. Please get medical advice from urgent care or your doctor today/,
    );
  });
});

describe('health statements', () => {
  it('"I\'m pregnant" is noted for the session, with the pregnancy answer', async () => {
    const { talk } = newConversation();
    const turn = await talk.utter("I'm pregnant");
    expect(turn.speech).toMatch(
      /^Thanks for telling me\. I'll keep in mind that you're pregnant for this session\. In pregnancy, or if you might be pregnant, I don't guide any point pressure/,
    );
    expect(turn.speech).toMatch(/What would you like to do next\?$/);
  });

  it('with a routine on offer, offers it adjusted, or the breathing-only routine in pregnancy', async () => {
    const { talk } = newConversation();
    await talk.utter('which point helps sciatica');
    expect((await talk.utter('I have a hip replacement')).speech).toMatch(
      /Shall I start the sciatica routine, adjusted for that\?$/,
    );
    expect((await talk.utter("I'm expecting")).speech).toMatch(
      /Shall I start a breathing-only routine instead\?$/,
    );
    expect((await talk.utter('no')).ended).toBe(false);
  });

  it('an unrecognised statement is checked first: yes gives the conservative answer', async () => {
    const { talk } = newConversation();
    const ask = await talk.say('HealthStatementIntent', { condition: 'kidney stones' });
    expect(ask.speech).toBe(
      "I don't have safety information about kidney stones. Is that a health condition you have? Yes or no?",
    );
    const yes = await talk.utter('yes');
    expect(yes.speech).toMatch(
      /^Then, to be safe, check with your doctor or a physiotherapist before using acupressure\. Meanwhile, I can guide a breathing-only routine.*stop if the pain is sharp/,
    );
    expect(yes.speech).toMatch(REMINDER);
  });

  it('back pain and sciatica are what the guide is for: approved wording and the routine on offer', async () => {
    const { talk } = newConversation();
    const turn = await talk.utter('I have sciatica');
    expect(turn.speech).toMatch(
      /^Thanks\. That's what this guide is for: acupressure may ease pain or tension for some people, as part of self-care.*stop if the pain is sharp.*Would you like me to guide you through the sciatica routine\?$/,
    );
    expect(turn.attributes.offer).toEqual({ kind: 'routine', routineId: 'sciatica' });
    expect((await talk.utter('is it safe if I have back pain')).speech).toMatch(
      /^Yes, with care: acupressure may ease pain/,
    );
  });

  it('no words at all: asks for the condition', async () => {
    const { talk } = newConversation();
    const turn = await talk.say('HealthStatementIntent');
    expect(turn.speech).toMatch(/What's the condition\?/);
    expect(turn.ended).toBe(false);
  });

  it('"when should I stop" gives the stop rules', async () => {
    const { talk } = newConversation();
    expect((await talk.utter('when should I stop')).speech).toMatch(
      /stop if the pain is sharp, burning or electric.*bladder or bowel change, get medical help\./,
    );
  });

  it('"what did you change" before any condition', async () => {
    const { talk } = newConversation();
    expect((await talk.utter('what did you change')).speech).toMatch(/^I haven't changed anything\./);
    await talk.utter('I take blood thinners');
    expect((await talk.utter('what did you change')).speech).toMatch(
      /^I haven't started a routine yet\. When you start one, I'll adjust it because you take blood thinners\./,
    );
  });
});

describe('session state is untrusted', () => {
  it('junk in the safety attributes is ignored, never a crash, and never a false "yes"', async () => {
    const { talk } = newConversation();
    await talk.launch();
    talk.setAttributes({
      safety: {
        conditions: 'pregnancy',
        redFlags: [7, 'made-up'],
        unknown: 'yes',
        pending: { action: 'forget', asked: 12 },
        adjusted: { routineName: 3 },
      },
      lastSpeech: 'whatever',
    });
    expect((await talk.utter('what did you change')).speech).toMatch(/^I haven't changed anything\./);
    talk.setAttributes({
      safety: { pending: { action: 'forget', asked: 'forged' } },
      lastSpeech: 'anything',
    });
    const yes = await talk.utter('yes');
    expect(yes.speech).not.toMatch(/deleted/);
  });

  it('adjusted changes with unknown points or reasons are dropped', async () => {
    const { talk } = newConversation();
    await talk.launch();
    talk.setAttributes({
      safety: {
        adjusted: {
          routineName: 'general',
          changes: [
            { kind: 'skipped', points: ['XX 1'], because: ['pregnancy'] },
            { kind: 'lighter', because: ['<script>'] },
            { kind: 'nuke', because: ['pregnancy'] },
          ],
        },
      },
    });
    expect((await talk.utter('what did you change')).speech).toMatch(/^I haven't changed anything\./);
  });
});
