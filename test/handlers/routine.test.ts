import type { PersistenceAdapter } from 'ask-sdk-core';
import { getRoutine } from '../../lambda/src/core/catalogue';
import { planRoutine } from '../../lambda/src/core/routine/plan';
import type { RoutineState } from '../../lambda/src/core/routine/progress';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { buildSkill } from '../../lambda/src/skill';
import { aplaSilenceMs } from '../../lambda/src/speech/apla';
import { Conversation, type Turn } from '../support/conversation';
import { model } from '../support/model';
import { routineOver, skipPainQuestion } from '../support/routine';
import { newConversation } from '../support/skill';

/** The routine state the skill keeps in the session (as the device sends it back). */
function routineState(talk: Conversation): RoutineState {
  return talk.sessionAttributes.routine as RoutineState;
}

/** Seconds from the turn's start to where the hold of its first step begins. */
function holdStartSeconds(talk: Conversation, which = 0): number {
  return routineState(talk).turn!.windows[which].holdStartMs / 1000;
}

async function startScreened(talk: Conversation, words: string): Promise<Turn> {
  // A returning user is asked about pain first (issue 14): skipped here.
  const question = await skipPainQuestion(talk, await talk.utter(words));
  expect(question.speech).toMatch(/One safety check first\. Are you pregnant|^Any new pregnancy/);
  expect(question.ended).toBe(false);
  return talk.utter('no');
}

describe('starting a routine', () => {
  it.each([
    ['start a routine', 'general lower back'],
    ['start a routine for sciatica', 'sciatica'],
    ['start the evening routine', 'evening'],
    ["let's do the evening routine", 'evening'],
    ['guide me through stiffness points', 'stiffness'],
    ['start a routine for sleep', 'evening'],
    ['start the quick routine', 'quick'],
  ])('"%s" → the %s routine, after one safety question, with the stop rules', async (words, name) => {
    const { talk } = newConversation();
    const turn = await startScreened(talk, words);
    expect(turn.speech).toMatch(
      new RegExp(`^Let's do the ${name} routine\\. It takes about \\d+( and a half)? minutes`),
    );
    // The first routine of a session states the full stop rules; sciatica speaks of the user's own leg symptoms.
    const leg =
      name === 'sciatica'
        ? 'your leg symptoms get worse or spread further than usual'
        : 'numbness or tingling spreads down a leg';
    expect(turn.speech).toContain(
      `Stop straight away if the pain turns sharp, burning or electric, or gets worse; if ${leg}; if you feel dizzy; or if bruising appears. If a symptom stays after you stop, get medical advice.`,
    );
    expect(turn.apla).toBeDefined();
    expect(turn.envelope.response.outputSpeech).toBeUndefined();
    expect(turn.reprompt).toBe("Say next when you're ready, or stop to finish for now.");
    expect(turn.ended).toBe(false);
  });

  it('asks the safety question only before the first routine of a session', async () => {
    const { talk } = newConversation();
    await startScreened(talk, 'start the morning routine');
    const second = await talk.utter('start the evening routine');
    // No question; the one-line stop reminder opens the first hold, after its press cue.
    expect(second.speech).toMatch(
      /^Evening routine, about 10 minutes\. First,.* Let's begin\. Stop if it's sharp/,
    );
  });

  it('"yes" to the safety question asks which, and starts nothing until the user says', async () => {
    const { talk } = newConversation();
    await talk.utter('start a routine');
    const turn = await talk.utter('yes');
    expect(turn.speech).toMatch(/^Thanks for telling me\. Which is it\?/);
    expect(turn.apla).toBeUndefined();
    expect(talk.sessionAttributes.routine).toBeUndefined();
    // Asking for the routine again without saying which asks again; nothing plays.
    const again = await talk.utter('start a routine');
    expect(again.speech).toMatch(/Which is it\?/);
    expect(again.apla).toBeUndefined();
  });

  it('"yes" to the routine offered after "which point helps sciatica" starts that routine', async () => {
    const { talk } = newConversation();
    const offer = await talk.utter('which point helps sciatica');
    expect(offer.speech).toMatch(/guide you through the sciatica routine/);
    await talk.utter('yes');
    const turn = await talk.utter('no');
    expect(turn.speech).toMatch(/^Let's do the sciatica routine/);
  });

  it('says which routines there are when asked for one it does not have, three at a time', async () => {
    const { talk } = newConversation();
    const turn = await talk.say('StartRoutineIntent', { routine: 'pilates' });
    expect(turn.speech).toBe(
      "I don't have a routine called pilates. I have the general lower back routine; the sciatica routine; and the stiffness routine, and 4 more. Want to hear them?",
    );
    expect(turn.ended).toBe(false);
    // "Yes" reads on, three at a time; the last ones end on "Which would you like?".
    const more = await talk.utter('yes');
    expect(more.speech).toBe(
      "There's also the disc pain routine; the morning routine; and the evening routine, and one more. Want to hear it?",
    );
    const last = await talk.utter('yes');
    expect(last.speech).toBe("There's also the quick routine. Which would you like?");
    expect(last.ended).toBe(false);
    const started = await talk.utter('start the quick routine');
    expect(started.speech).toMatch(/One safety check first\./);
  });

  it('keeps to lower back care for out-of-scope needs', async () => {
    const { talk } = newConversation();
    const turn = await talk.utter('start a routine for headaches');
    expect(turn.speech).toMatch(/This guide is for lower back pain, so I don't have a routine for headaches/);
  });
});

describe('a whole routine, hands-free', () => {
  it('next, pause, resume, repeat, go back, how long is left, stop, and carry on in a new session', async () => {
    const { talk, store } = newConversation();
    const first = await startScreened(talk, 'start the general routine');
    expect(first.speech).toMatch(
      /First, a warm-up, for 1 minute\..*Say next when you're ready for Sea of Vitality\.$/,
    );

    // The user lies still through the first turn, then says next.
    talk.wait(first.apla ? routineState(talk).turn!.totalMs / 1000 + 5 : 0);
    const second = await talk.utter("I'm ready");
    expect(second.speech).toMatch(/^Next, B L 23, Sea of Vitality, for 2 minutes\./);
    // The 2-minute hold plays in this turn, with breath cues inside it (never 25 s of silence).
    expect(routineState(talk).turn!.windows[0]).toMatchObject({ holdMs: 120_000 });
    expect(aplaSilenceMs(second.apla!)).toBeGreaterThan(routineState(talk).turn!.totalMs / 2);

    // 40 s into the 120 s hold: "Alexa, pause".
    talk.wait(holdStartSeconds(talk) + 40);
    const paused = await talk.utter('pause');
    expect(paused.speech).toMatch(/^Paused, with 1 minute and 20 seconds left on B L 23\./);
    expect(paused.ended).toBe(false);

    // A long break, then "resume": the remaining 80 s of that hold, then on.
    talk.wait(600);
    const resumed = await talk.utter('resume');
    expect(resumed.speech).toMatch(/^Back to B L 23\. Press again, and hold\./);
    const window = routineState(talk).turn!.windows[0];
    expect(Math.abs(window.holdMs - 80_000)).toBeLessThanOrEqual(2_000);

    // "How long is left" 30 s later: about 50 s, and the hold carries on from there.
    talk.wait(window.holdStartMs / 1000 + 30);
    const left = await talk.utter('how long is left');
    expect(left.speech).toMatch(/^About 50 seconds left on this hold\./);
    expect(left.speech).toMatch(/Back to B L 23/);

    // "Repeat" mid-hold: the instructions for this point again, from the start of its hold.
    talk.wait(5);
    const repeated = await talk.utter('repeat');
    expect(repeated.speech).toMatch(/^Once more, B L 23, Sea of Vitality, for 2 minutes\./);

    // Let that turn finish, then "next" moves on, and "go back" returns to the previous point.
    talk.wait(routineState(talk).turn!.totalMs / 1000 + 3);
    const third = await talk.utter('next');
    expect(third.speech).toMatch(/^Next, B L 52, Will's Chamber/);
    talk.wait(10);
    const back = await talk.utter('go back');
    expect(back.speech).toMatch(/^Going back\. Once more, B L 23/);

    // "Skip this point" mid-announcement skips B L 23 and goes to B L 52.
    const skipped = await talk.utter('skip this point');
    expect(skipped.speech).toMatch(/^Skipping B L 23\. Next, B L 52/);

    // Stop: the place is kept.
    talk.wait(holdStartSeconds(talk) + 30);
    const stopped = await talk.utter('stop');
    expect(stopped.speech).toMatch(
      /stopping here\. I've saved your place in the general lower back routine.*resume my routine/,
    );
    expect(stopped.ended).toBe(true);
    expect(store.size).toBe(1);

    // A new session: the launch offers to carry on, and "yes" (after the safety question) resumes
    // B L 52 with the hold time that was left.
    const launch = await talk.launch();
    expect(launch.speech).toMatch(
      /You stopped partway through the general lower back routine\. Carry on from step 3 of 7\?$/,
    );
    await talk.utter('yes');
    const carried = await talk.utter('no');
    // The full stop rules were said in this user's first routine: now a one-line reminder.
    expect(carried.speech).toMatch(
      /^Welcome back to the general lower back routine\. Stop if it's sharp or spreads, or you're dizzy\. Back to B L 52\./,
    );
    expect(Math.abs(routineState(talk).turn!.windows[0].holdMs - 60_000)).toBeLessThanOrEqual(2_000);

    // Play to the end: next, next … until the last turn; the saved place is then cleared.
    let turn = carried;
    for (let i = 0; i < 10 && !routineOver(talk); i++) {
      talk.wait(routineState(talk).turn!.totalMs / 1000 + 2);
      turn = await talk.utter('next');
    }
    // The last turn asks one question, so the open microphone is never left with nothing asked.
    expect(turn.speech).toMatch(
      /That's the general lower back routine done\. Take a moment before you get up.*Would you like another routine\?$/,
    );
    expect(turn.ended).toBe(false);
    expect(turn.reprompt).toBe('Would you like another routine? Say yes, or no to finish for today.');
    talk.wait(routineState(talk).turn!.totalMs / 1000 + 2);
    await talk.end('EXCEEDED_MAX_REPROMPTS');
    const after = await talk.launch();
    expect(after.speech).not.toMatch(/You stopped/);
  });

  it('"start over" goes back to the first hold', async () => {
    const { talk } = newConversation();
    await startScreened(talk, 'start the quick routine');
    talk.wait(routineState(talk).turn!.totalMs / 1000);
    await talk.utter('next');
    const again = await talk.utter('start over');
    expect(again.speech).toMatch(/^Starting again from the beginning\. First, a warm-up/);
  });

  it('saves the place when the session times out mid-routine, and "resume my routine" picks it up', async () => {
    const { talk } = newConversation();
    await startScreened(talk, 'start the evening routine');
    talk.wait(routineState(talk).turn!.totalMs / 1000 + 8);
    await talk.end('EXCEEDED_MAX_REPROMPTS');
    await talk.utter('resume my routine');
    const turn = await talk.utter('no');
    expect(turn.speech).toMatch(/^Welcome back to the evening routine\..*Next, B L 23 and B L 52/);
  });

  it('a question mid-hold pauses the routine there; "continue" carries on with what was left', async () => {
    const { talk } = newConversation();
    await startScreened(talk, 'start the evening routine');
    talk.wait(routineState(talk).turn!.totalMs / 1000);
    await talk.utter('next');
    talk.wait(holdStartSeconds(talk) + 20);
    const where = await talk.utter('where is c v six');
    expect(where.speech).toMatch(/C V 6/);
    talk.wait(120);
    const back = await talk.utter('continue');
    expect(back.speech).toMatch(/^Back to B L 23 and B L 52\./);
    expect(Math.abs(routineState(talk).turn!.windows[0].holdMs - 100_000)).toBeLessThanOrEqual(2_000);
  });

  it('an intent no feature handles pauses a playing hold too; "how long is left" does not', async () => {
    const { talk } = newConversation();
    await startScreened(talk, 'start the evening routine');
    talk.wait(routineState(talk).turn!.totalMs / 1000);
    await talk.utter('next');
    talk.wait(holdStartSeconds(talk) + 20);
    await talk.say('TimeLeftIntent');
    expect(routineState(talk).paused).toBeUndefined();
    talk.wait(holdStartSeconds(talk) + 10);
    // An intent added to the model before its handler: answered by the catch-all, and still paused.
    const unknown = await talk.say('SomeFutureIntent');
    expect(unknown.ended).toBe(false);
    expect(routineState(talk).paused).toMatchObject({ index: routineState(talk).turn!.windows[0].index });
    expect(routineState(talk).paused!.remainingMs).toBeGreaterThan(0);
  });

  /** What the routine answers itself: the controls, its own intents, and yes or no between turns. */
  const ROUTINE_ANSWERS = new Set([
    'AMAZON.CancelIntent',
    'AMAZON.HelpIntent',
    'AMAZON.StopIntent',
    'AMAZON.YesIntent',
    'AMAZON.NoIntent',
    'AMAZON.RepeatIntent',
    'AMAZON.PauseIntent',
    'AMAZON.ResumeIntent',
    'AMAZON.NextIntent',
    'AMAZON.PreviousIntent',
    'AMAZON.StartOverIntent',
    'StartRoutineIntent',
    'TimeHoldIntent',
    'ResumeRoutineIntent',
    'StopRulesIntent',
    'SkipPointIntent',
    'LighterPressureIntent',
    'TimeLeftIntent',
    'ShorterHoldsIntent',
    'LongerHoldsIntent',
    // Issue 13's questions and small controls: answered, then the hold carries on (controls-corpus.test.ts).
    'GoOnIntent',
    'WhereAmIIntent',
    'WhichSideIntent',
    'HowManyMoreIntent',
    'WhatsNextIntent',
    'SlowerIntent',
    'FasterIntent',
    'NormalPaceIntent',
    'FewerCuesIntent',
    'MoreCuesIntent',
    'LouderIntent',
    'CantReachIntent',
    'ThanksIntent',
    'FirmerPressureIntent',
    'DoneIntent',
  ]);
  const otherIntents = model.interactionModel.languageModel.intents
    .map((i) => i.name)
    .filter((name) => !ROUTINE_ANSWERS.has(name));

  it.each(otherIntents)('%s mid-hold pauses the routine where the user is', async (intent) => {
    const { talk } = newConversation();
    await startScreened(talk, 'start the evening routine');
    talk.wait(routineState(talk).turn!.totalMs / 1000);
    await talk.utter('next');
    const window = routineState(talk).turn!.windows[0];
    talk.wait(window.holdStartMs / 1000 + 20);
    await talk.say(intent);
    const paused = routineState(talk).paused;
    expect(paused?.index).toBe(window.index);
    expect(Math.abs(paused!.remainingMs! - (window.holdMs - 20_000))).toBeLessThanOrEqual(1_000);
  });

  it('help during a routine says it is paused, offers three things, and keeps the place', async () => {
    const { talk } = newConversation();
    await startScreened(talk, 'start the morning routine');
    const help = await talk.utter('help');
    expect(help.speech).toBe(
      'The routine is paused on a warm-up. You can say resume, how long is left, or stop.',
    );
    expect((await talk.utter('resume')).speech).toMatch(/warm-up/);
  });
});

describe('hold length', () => {
  it('"make the holds shorter" applies to the current hold and is remembered next session', async () => {
    const { talk } = newConversation();
    await startScreened(talk, 'start the general routine');
    talk.wait(routineState(talk).turn!.totalMs / 1000);
    await talk.utter('next');
    talk.wait(holdStartSeconds(talk) + 10);
    const shorter = await talk.utter('make the holds shorter');
    expect(shorter.speech).toMatch(
      /^Okay, I'll make the holds shorter from now on\. This one is now a minute and a half\. Back to B L 23/,
    );
    // 10 s were already held of the new 90 s.
    expect(Math.abs(routineState(talk).turn!.windows[0].holdMs - 80_000)).toBeLessThanOrEqual(2_000);
    await talk.utter('stop');
    await talk.launch();
    await talk.utter('no');
    const fresh = await startScreened(talk, 'start the quick routine');
    expect(fresh.speech).toMatch(/^Quick routine, about/);
    expect(routineState(talk).plan.holdScale).toBe(0.75);
  });

  it('stops at 30 s and at 3 minutes', async () => {
    const { talk } = newConversation();
    for (let i = 0; i < 2; i++) await talk.utter('make the holds longer');
    expect((await talk.utter('make the holds longer')).speech).toMatch(
      /already as long as I make them, three minutes at most/,
    );
    await startScreened(talk, 'start the general routine');
    expect(routineState(talk).plan.steps.every((s) => s.seconds <= 180 && s.seconds >= 30)).toBe(true);
    expect(routineState(talk).plan.steps[1].seconds).toBe(180);
  });
});

describe('time a hold after a point answer', () => {
  it('"time a hold" times that point with the same engine, sides and all', async () => {
    const { talk } = newConversation();
    const answer = await talk.utter('where is kunlun');
    expect(answer.speech).toMatch(/More detail, or time it\?$/);
    await talk.utter('yes, time a hold');
    const turn = await talk.utter('no');
    expect(turn.speech).toMatch(
      /^Let's time a hold on B L 60\. Stop straight away.*B L 60, Kunlun Mountains, for 1 minute, left side first\..*Switch sides/,
    );
    expect(turn.speech).toMatch(/That's the hold done\./);
  });

  it('"yes" after a point answer still gives the detail', async () => {
    const { talk } = newConversation();
    await talk.utter('where is bl 23');
    expect((await talk.utter('yes')).speech).toMatch(/^Here's more on B L 23/);
  });

  it('declines to time a point kept only for safety answers', async () => {
    const { talk } = newConversation();
    expect((await talk.utter('time a hold on l i four')).speech).toMatch(/I don't time holds on L I 4/);
  });
});

describe('controls when no routine is running are left alone', () => {
  it('pause and next outside a routine say nothing is running, and what can be done', async () => {
    const { talk } = newConversation();
    expect((await talk.utter('how long is left')).speech).toMatch(/There's no hold running right now/);
    expect((await talk.utter('next')).speech).toMatch(/There's no routine running right now/);
    expect((await talk.utter('repeat that')).speech).toMatch(/There's no routine running right now/);
    expect((await talk.utter('resume my routine')).speech).toMatch(/I don't have a routine to pick up/);
    const pause = await talk.utter('pause');
    expect(pause.speech).toMatch(/^There's nothing playing to pause\. You can say start a routine/);
    expect(pause.ended).toBe(false);
  });
});

describe('bad state and failing storage', () => {
  it.each([
    ['garbage', 'not a routine'],
    ['a tampered hold', 'tamper'],
    ['a turn from two days ago', 'stale'],
  ])('%s in the session: "let\'s start again", never a crash', async (_label, kind) => {
    const { talk } = newConversation();
    await startScreened(talk, 'start the quick routine');
    const attrs = { ...talk.sessionAttributes };
    const state = JSON.parse(JSON.stringify(attrs.routine)) as RoutineState;
    if (kind === 'tamper') state.plan.steps[1].seconds = 9999;
    if (kind === 'stale') {
      state.turn!.startedAt -= 2 * 86_400_000;
      state.updatedAt -= 2 * 86_400_000;
    }
    talk.setAttributes({ ...attrs, routine: kind === 'not a routine' ? 'garbage' : state });
    const turn = await talk.utter('next');
    expect(turn.speech).toMatch(
      /^Sorry, I lost track of where we were in the routine, so let's start again\./,
    );
    expect(turn.ended).toBe(false);
    expect(talk.sessionAttributes.routine).toBeUndefined();
    expect((await talk.utter('start a routine')).speech).toMatch(
      /^General lower back routine, about \d+ minutes/,
    );
  });

  it('corrupt saved progress is not offered, and "resume my routine" says to start again', async () => {
    const store = new MemoryPersistenceAdapter();
    const talk = new Conversation(buildSkill({ persistenceAdapter: store }));
    await talk.launch();
    const plan = planRoutine(getRoutine('evening')!);
    const env = { context: { System: { user: { userId: 'amzn1.ask.account.TESTUSER' } } } };
    await store.saveAttributes(env as never, {
      welcomed: true,
      routineProgress: { v: 1, plan, index: 77, savedAt: talk.now },
    });
    expect((await talk.launch()).speech).not.toMatch(/Last time/);
    expect((await talk.utter('resume my routine')).speech).toMatch(/lost track of where we were/);
  });

  it('when saving fails, pause and stop say so and carry on', async () => {
    let fail = false;
    const memory = new MemoryPersistenceAdapter();
    const flaky: PersistenceAdapter = {
      getAttributes: (e) => memory.getAttributes(e),
      saveAttributes: (e, a) => (fail ? Promise.reject(new Error('throttled')) : memory.saveAttributes(e, a)),
    };
    const talk = new Conversation(buildSkill({ persistenceAdapter: flaky }));
    await startScreened(talk, 'start the evening routine');
    fail = true;
    const paused = await talk.utter('pause');
    expect(paused.speech).toMatch(/^Paused.*I couldn't save your progress just now/);
    expect(paused.ended).toBe(false);
    const resumed = await talk.utter('resume');
    expect(resumed.apla).toBeDefined();
    const stopped = await talk.utter('stop');
    expect(stopped.speech).toMatch(/I couldn't save your progress just now.*Goodbye/);
  });
});

describe('SSML instead of APL for Audio (local tools)', () => {
  it('sends the same turn as one SSML document with breaks of at most 10 s', async () => {
    const talk = new Conversation(buildSkill({ routineAudio: 'ssml' }));
    await talk.utter('start the quick routine');
    const turn = await talk.utter('no');
    expect(turn.apla).toBeUndefined();
    expect(turn.ssml).toMatch(/<break time="10000ms"\/>/);
    expect(turn.speech).toMatch(/^Let's do the quick routine\./);
  });
});

describe('the stop rules on request', () => {
  it('"when should I stop" mid-hold says them and carries on with what is left', async () => {
    const { talk } = newConversation();
    // The full stop rules of the domain reference (3.3), bruising and new symptoms included.
    expect((await talk.utter('when should I stop')).speech).toMatch(
      /^Whatever the condition, stop if the pain is sharp.*bruising appears\. If stopping leaves you with new symptoms/,
    );
    await startScreened(talk, 'start the evening routine');
    talk.wait(holdStartSeconds(talk) + 20);
    const turn = await talk.utter('when should I stop');
    expect(turn.speech).toMatch(
      /^Whatever the condition, stop if the pain is sharp.*bruising appears.*Back to slow breathing\. Carry on\./,
    );
    expect(Math.abs(routineState(talk).turn!.windows[0].holdMs - 40_000)).toBeLessThanOrEqual(2_000);
  });
});
