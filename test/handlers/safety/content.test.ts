/**
 * Content fixes from the domain reference, heard through the real skill: the stop rules in full for
 * the first routine of a session and as one line after, the sciatica routine's own leg wording,
 * tools either side of the spine, GB 30 moderate with its nerve caution, BL 40 always light and not
 * for knee pain, no frequency or efficacy claims, and each routine's closing said once.
 */
import { routines } from '../../../lambda/src/core/catalogue';
import type { RoutineState } from '../../../lambda/src/core/routine/progress';
import { newConversation } from '../../support/skill';
import type { Conversation, Turn } from '../../support/conversation';
import { PRESS_FIRM_OR_MODERATE, PRESS_LIGHT, PRESS_MODERATE } from '../../support/cues';

const FULL_STOP_RULES =
  /Stop straight away if the pain turns sharp, burning or electric, or gets worse; if (.*?); if you feel dizzy; or if bruising appears\. If a symptom stays after you stop, get medical advice\./;

/** Starts a routine (answering the safety question) and plays it to the end; every turn, in order. */
async function playRoutine(talk: Conversation, words: string, screen = true): Promise<Turn[]> {
  const turns = [await talk.utter(words)];
  // The disc routine first asks whether a clinician diagnosed the problem.
  if (/Has one diagnosed yours\?$/.test(turns[0].speech)) turns.push(await talk.utter('yes'));
  if (screen) turns.push(await talk.utter('no'));
  for (let i = 0; i < 15; i++) {
    const state = talk.sessionAttributes.routine as RoutineState | undefined;
    if (!state?.turn || /routine done/.test(turns[turns.length - 1].speech)) break;
    talk.wait(state.turn.totalMs / 1000 + 2);
    turns.push(await talk.utter('next'));
  }
  return turns;
}

const sentences = (text: string) =>
  text
    .split(/(?<=[.?!])\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

describe('every routine, played to the end', () => {
  it.each(routines.map((r) => [r.id, r] as const))(
    '%s: stop rules in full once, one closing',
    async (_id, routine) => {
      const { talk } = newConversation();
      await talk.launch();
      const turns = await playRoutine(talk, `start the ${routine.name} routine`);
      const all = turns.map((t) => t.speech).join(' ');
      const last = turns[turns.length - 1].speech;
      expect(last).toMatch(new RegExp(`That's the ${routine.name} routine done\\.`));
      // The closing is said once, and no sentence of the closing turn's ending is said twice.
      expect(last.split(routine.closing).length - 1).toBe(1);
      const ending = sentences(last.slice(last.indexOf("That's the")));
      expect(new Set(ending).size).toBe(ending.length);
      // Full stop rules at the start of the session's first routine, and only there.
      expect(all.match(new RegExp(FULL_STOP_RULES.source, 'g'))).toHaveLength(1);
      const leg = FULL_STOP_RULES.exec(all)?.[1];
      expect(leg).toBe(
        routine.needs.includes('sciatica')
          ? 'your leg symptoms get worse or spread further than usual'
          : 'numbness or tingling spreads down a leg',
      );
      // B L 40 is pressed lightly wherever it comes.
      for (const match of all.matchAll(/B L 40, Commanding Middle(.*?)(?=Next,|$)/g)) {
        expect(match[1]).toMatch(PRESS_LIGHT);
        expect(match[1]).not.toMatch(PRESS_FIRM_OR_MODERATE);
      }
      // Balls and rolls go either side of the spine, never across it.
      expect(all).not.toMatch(/across your (waist|lower back)/);
      expect(all).not.toMatch(/most often used|points that help/);
    },
  );

  it('a second routine in the session gets a one-line reminder, not the full stop rules', async () => {
    const { talk } = newConversation();
    await talk.launch();
    await playRoutine(talk, 'start the quick routine');
    const second = await talk.utter('start the morning routine');
    expect(second.speech).toMatch(/^Morning routine, about 6 and a half minutes\./);
    expect(second.speech).not.toMatch(/Say Alexa, pause/);
    expect(second.speech).not.toMatch(FULL_STOP_RULES);
    expect(second.speech).toContain("Stop if it's sharp or spreads, or you're dizzy.");
  });

  it('sciatica: G B 30 builds to a comfortable, moderate pressure, with the leg-symptom wording', async () => {
    const { talk } = newConversation();
    await talk.launch();
    const turns = await playRoutine(talk, 'start a routine for sciatica');
    const all = turns.map((t) => t.speech).join(' ');
    expect(all).toMatch(
      new RegExp(`G B 30, Jumping Circle.*comfortable, moderate pressure.*${PRESS_MODERATE.source}`),
    );
    expect(all).not.toMatch(/spreads down a leg|firm, dull ache.*B L 53/);
  });

  it('stiffness: two tennis balls or rolled towels either side of the spine', async () => {
    const { talk } = newConversation();
    await talk.launch();
    const turns = await playRoutine(talk, 'start the stiffness routine');
    const all = turns.map((t) => t.speech).join(' ');
    expect(all).toMatch(/one either side of your spine and never across it/);
  });

  it('pregnancy: the breathing-only substitute ends with its own closing', async () => {
    const { talk } = newConversation();
    await talk.launch();
    await talk.utter("I'm pregnant");
    const turns = await playRoutine(talk, 'start the evening routine');
    const last = turns[turns.length - 1].speech;
    expect(last).toMatch(/That's the breathing only routine done\. Rest for as long as you like/);
    expect(last).not.toMatch(/evening routine done|relaxing wind-down/);
  });
});

describe('point and need answers', () => {
  it('"where is g b thirty": no pressing words in the one-breath answer; the nerve caution comes with how to press it', async () => {
    const { talk } = newConversation();
    const turn = await talk.utter('where is g b thirty');
    expect(turn.speech).not.toMatch(/press/i);
    const more = await talk.utter('tell me more');
    expect(more.speech).toMatch(
      /The sciatic nerve runs deep here: ease off if tingling or pain shoots down the leg\./,
    );
    const press = await talk.utter('yes');
    expect(press.speech).toMatch(/moderate/);
    await talk.utter('yes'); // time a hold: the safety question first
    const held = await talk.utter('no');
    expect(held.speech).toMatch(/ease off if/i);
  });

  it('"tell me more" about B L 23, then how to press it: tennis balls go either side of the spine, and never says cun', async () => {
    const { talk } = newConversation();
    await talk.utter('where is b l twenty three');
    const more = await talk.utter('tell me more');
    expect(more.speech).toMatch(/Two finger-widths out from the centre of the back/);
    expect(more.speech).toMatch(/Take care\. No firm pressure here with osteoporosis/);
    expect(more.speech).toMatch(/Want to hear how to press it\?$/);
    // Tennis balls are only ever spoken of with "never across it", in the same sentence.
    expect(more.speech).not.toMatch(/tennis ball/);
    const press = await talk.utter('yes');
    expect(press.speech).toMatch(/one either side of the spine and never across it/);
    expect(`${more.speech} ${press.speech}`).not.toMatch(/\bcun\b/);
  });

  it('B L 40 is not offered for knee pain', async () => {
    const { talk } = newConversation();
    const turn = await talk.utter('which point helps knee pain');
    expect(turn.speech).not.toMatch(/B L 40/);
    expect(turn.speech).toMatch(/lower back pain/);
  });

  it.each(['which point helps sleep', 'which point helps sciatica', 'which point helps a tired back'])(
    '"%s": no frequency or efficacy claim',
    async (words) => {
      const { talk } = newConversation();
      const turn = await talk.utter(words);
      expect(turn.speech).toMatch(/this guide's points? (are|is)/);
    },
  );

  it('"low energy" is not a back need', async () => {
    const { talk } = newConversation();
    const turn = await talk.utter('which point helps low energy');
    expect(turn.speech).not.toMatch(/B L 23|C V 6/);
  });

  it('"is it safe if I have insomnia": never "may ease pain for some people with sleep"', async () => {
    const { talk } = newConversation();
    const turn = await talk.utter('is it safe if I have insomnia');
    expect(turn.speech).not.toMatch(/some people with/);
  });
});

describe('the disc routine (section 6.4)', () => {
  it('asks first whether a clinician diagnosed it, then about numbness or weakness in either leg', async () => {
    const { talk } = newConversation();
    await talk.launch();
    const first = await talk.utter('start the disc pain routine');
    expect(first.speech).toMatch(/doctor or physiotherapist has diagnosed\. Has one diagnosed yours\?$/);
    const screen = await talk.utter('yes');
    expect(screen.speech).toMatch(/numbness or weakness in either leg/);
    expect((await talk.utter('no')).speech).toMatch(/^Let's do the disc pain routine/);
  });

  it('not diagnosed: a check first, and only the breathing routine on offer', async () => {
    const { talk } = newConversation();
    await talk.launch();
    await talk.utter('start a routine for disc pain');
    const no = await talk.utter('no');
    expect(no.speech).toMatch(
      /have it checked by your doctor or a physiotherapist first.*breathing-only routine instead\?$/,
    );
    await talk.utter('yes');
    const started = await talk.utter('no');
    expect(started.speech).toMatch(/^Let's do the breathing only routine/);
    expect(started.speech).not.toMatch(/B L 40/);
  });

  it('after an earlier routine was screened, the nerve question is still asked before the disc routine', async () => {
    const { talk } = newConversation();
    await talk.launch();
    await playRoutine(talk, 'start the quick routine');
    await talk.utter('start the disc pain routine');
    // One line about what is new: numbness or weakness anywhere, so in either leg too.
    expect((await talk.utter('yes')).speech).toMatch(/numbness or weakness, bladder or bowel change/);
  });
});

describe('what a finger-width is, said once a session', () => {
  const EXPLAINED = 'Two finger-widths: your own index and middle fingers side by side.';

  it('with the first point answer that uses finger-widths and has room for it, and not again', async () => {
    const { talk } = newConversation();
    await talk.launch();
    const kunlun = await talk.utter('where is kunlun');
    expect(kunlun.speech).not.toContain(EXPLAINED);
    const cv6 = await talk.utter('where is c v six');
    expect(cv6.speech).toMatch(/two finger-widths straight below your navel/);
    expect(cv6.speech).toContain(EXPLAINED);
    expect(cv6.speech).toMatch(/\?$/);
    expect((await talk.utter('tell me more')).speech).not.toContain(EXPLAINED);
    expect((await talk.utter('where is b l fifty two')).speech).not.toContain(EXPLAINED);
    const turns = await playRoutine(talk, 'start the quick routine');
    expect(turns.some((t) => t.speech.includes(EXPLAINED))).toBe(false);
  });

  it('at the start of a routine that uses them, when no point answer said it first', async () => {
    const { talk } = newConversation();
    await talk.launch();
    const turns = await playRoutine(talk, 'start the quick routine');
    const all = turns.map((t) => t.speech).join(' ');
    expect(all.split(EXPLAINED).length - 1).toBe(1);
    expect(all.indexOf(EXPLAINED)).toBeLessThan(all.indexOf('two finger-widths out'));
  });

  it('after "tell me more" when the first answer had no room for it (one breath first)', async () => {
    const { talk } = newConversation();
    await talk.launch();
    const bl23 = await talk.utter('where is b l twenty three');
    expect(bl23.speech).toMatch(/two finger-widths out from the spine/);
    expect(bl23.speech).not.toContain(EXPLAINED);
    expect((await talk.utter('tell me more')).speech).toContain(EXPLAINED);
    expect((await talk.utter('where is b l fifty two')).speech).not.toContain(EXPLAINED);
  });
});
