/**
 * Nothing health-derived is stored without the user's "remember": a paused routine keeps only
 * which routine, where in it and the hold-length preference, never the plan the safety profile
 * adjusted. On resume the plan is made again from the profile in force then.
 */
import { launchRequest } from '../../simulator/envelope';
import { newConversation } from '../support/skill';

const PROGRESS_KEYS = ['holdScale', 'index', 'remainingMs', 'routine', 'savedAt', 'v'];

async function pausedUnder(condition: string | undefined, userId: string) {
  const { talk, store } = newConversation({ userId });
  if (condition) await talk.utter(condition);
  await talk.utter('start the evening routine');
  const started = await talk.utter('no');
  talk.wait(20);
  const paused = await talk.utter('pause');
  expect(paused.speech).toMatch(/^Paused/);
  const record = await store.getAttributes(launchRequest({ userId }));
  return { talk, store, record, started };
}

describe('saved routine progress', () => {
  it.each([
    ["I'm pregnant", /breathing|palm|pregnan|light|health/i],
    ['I take warfarin', /light|pressure|tools|warfarin|blood|health|palm/i],
  ])('after "%s", holds only the routine, the position and the preference', async (condition, derived) => {
    const { record, started } = await pausedUnder(condition, `amzn1.ask.account.CONSENT-${condition.length}`);
    // the routine that played was adjusted …
    expect(started.speech).toMatch(/light|breathing|palm/i);
    // … and none of that is in the record
    const progress = record.routineProgress as Record<string, unknown>;
    expect(Object.keys(progress).every((key) => PROGRESS_KEYS.includes(key))).toBe(true);
    expect(progress).toMatchObject({ routine: 'evening', index: expect.any(Number) });
    // routinesHeard: the full stop rules were said once; routinesStarted: the routine asked for when
    // it played (adjusted, not replaced), so its steps are announced briefly next time. No health data.
    const substituted = condition === "I'm pregnant";
    expect(Object.keys(record).sort()).toEqual(
      substituted
        ? ['routineProgress', 'routinesHeard']
        : ['routineProgress', 'routinesHeard', 'routinesStarted'],
    );
    if (!substituted) expect(record.routinesStarted).toEqual(['evening']);
    expect(JSON.stringify(record)).not.toMatch(derived);
  });

  it('resumes where it was left when nothing adjusts the routine now', async () => {
    const userId = 'amzn1.ask.account.CONSENT-PLAIN';
    const { talk, store } = newConversation({ userId });
    await talk.utter('start the evening routine');
    await talk.utter('no');
    await talk.utter('skip this point');
    await talk.utter('skip this point');
    talk.wait(5);
    await talk.utter('pause');
    const { routineProgress } = await store.getAttributes(launchRequest({ userId }));
    expect(routineProgress).toMatchObject({ routine: 'evening', index: 2 });
    await talk.end();
    expect((await talk.launch()).speech).toMatch(
      /You stopped partway through the evening routine\. Carry on from step 3 of/,
    );
    talk.newSession();
    await talk.utter('resume my routine');
    const resumed = await talk.utter('no');
    expect(resumed.speech).toMatch(/^Welcome back to the evening routine/);
  });

  it('a condition said in the new session re-adjusts the routine from the start', async () => {
    const { talk } = await pausedUnder(undefined, 'amzn1.ask.account.CONSENT-LATER');
    await talk.end();
    await talk.utter("I'm pregnant");
    await talk.utter('resume my routine');
    const resumed = await talk.utter('no');
    expect(resumed.speech).toMatch(/start this routine again from the beginning, adjusted for you/);
    expect(resumed.speech).toMatch(/breath/i);
  });

  it('a paused routine adjusted for a remembered condition is adjusted again from what is remembered', async () => {
    const userId = 'amzn1.ask.account.CONSENT-REMEMBERED';
    const { talk, store } = newConversation({ userId });
    await talk.utter("remember that I'm pregnant");
    await talk.utter('yes');
    await talk.utter('start the evening routine');
    await talk.utter('no');
    talk.wait(20);
    await talk.utter('pause');
    const record = await store.getAttributes(launchRequest({ userId }));
    // the condition is stored, because the user said so; the plan still is not
    expect(record.health).toEqual({ conditions: ['pregnancy'] });
    expect(JSON.stringify(record.routineProgress)).not.toMatch(/breathing|palm|light/i);
    await talk.end();
    // The launch offers it again, adjusted (the position belongs to a plan that was not kept).
    expect((await talk.launch()).speech).toMatch(
      /You stopped the evening routine partway\. Shall I start it again, adjusted/,
    );
    talk.newSession();
    await talk.utter('resume my routine');
    const resumed = await talk.utter('no');
    expect(resumed.speech).toMatch(/adjusted for you/);
    expect(resumed.speech).toMatch(/breath/i);
    expect(resumed.speech).not.toMatch(/press (firmly|now)/i);
  });
});
