/**
 * A pain score is health data: it is never logged, on any path a check-in takes (asked, answered,
 * confirmed, stored, read back for the trend, and with the store failing).
 */
import { launchRequest } from '../../../simulator/envelope';
import { captureLogs } from '../../support/log-capture';
import { routineOver } from '../../support/routine';
import { conversationWith, newConversation } from '../../support/skill';
import type { Conversation } from '../../support/conversation';
import type { PersistenceAdapter } from 'ask-sdk-core';

const USER = 'amzn1.ask.account.PROGRESS-LOGS';

async function checkIn(talk: Conversation): Promise<void> {
  await talk.utter('start the quick routine');
  await talk.utter('eleven');
  await talk.utter('no');
  await talk.utter('seven');
  await talk.utter('no');
  for (let i = 0; i < 40 && !routineOver(talk); i++) {
    talk.wait(600);
    await talk.utter('next');
  }
  talk.wait(300);
  await talk.utter('three');
  await talk.utter('yes');
  await talk.utter('how am I doing');
  await talk.utter('five');
  // Logged at info (so the capture is known to work): the session's end.
  await talk.end();
}

function expectNoScores(records: Record<string, unknown>[], text: string): void {
  expect(records.length).toBeGreaterThan(0);
  for (const record of records)
    for (const key of Object.keys(record)) expect(key).not.toMatch(/score|before|after|pain|progress/i);
  expect(text).not.toMatch(/From 7 to 3|"2026-11-25","quick"|\b(seven|eleven|three)\b/i);
  expect(text).not.toMatch(/"(7|3|11)"/);
}

describe('pain scores are never logged', () => {
  it('through a whole check-in, stored and read back', async () => {
    const { talk, store } = newConversation({ userId: USER });
    await store.saveAttributes(launchRequest({ userId: USER }), { welcomed: true, routinesHeard: true });
    const { records, text } = await captureLogs(() => checkIn(talk));
    expectNoScores(records, text);
    // It was stored, so the path that logs nothing was the real one.
    expect(await store.getAttributes(launchRequest({ userId: USER }))).toMatchObject({
      progress: { scores: [['2026-11-25', 'quick', 7, 3]] },
    });
  });

  it('with the store failing on every write', async () => {
    const record: Record<string, unknown> = { welcomed: true, routinesHeard: true };
    const failing: PersistenceAdapter = {
      getAttributes: () => Promise.resolve({ ...record }),
      saveAttributes: () => Promise.reject(new Error('ProvisionedThroughputExceededException')),
    };
    const { talk } = conversationWith(failing, { userId: USER });
    const { records, text } = await captureLogs(() => checkIn(talk));
    expect(records.some((r) => r.event === 'storage.save_failed')).toBe(true);
    expectNoScores(records, text);
  });
});
