/** user-store: how a turn reads and saves the user's record, and what it says when it cannot. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { translatorFor } from '../../lambda/src/i18n';
import { FilePersistenceAdapter } from '../../lambda/src/persistence/file';
import { buildSkill } from '../../lambda/src/skill';
import { Conversation } from '../support/conversation';
import { newConversation } from '../support/skill';

const t = translatorFor('en-US');
const UNSAVED = t('common.storage.unavailable');
const NOTE = t('common.launch.firstUseNote');

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'ppg-user-store-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('saving at launch (the first-use note)', () => {
  it('says the note once, and nothing about saving, when the store works', async () => {
    const { talk, store } = newConversation();
    const first = await talk.launch();
    expect(first.speech).toContain(NOTE);
    expect(first.speech).not.toContain(UNSAVED);
    expect(store.size).toBe(1);
    expect((await talk.launch()).speech).not.toContain(NOTE);
  });

  it('says nothing about saving when the skill runs without a store by choice', async () => {
    const talk = new Conversation(buildSkill());
    const turn = await talk.launch();
    expect(turn.speech).toContain(NOTE);
    expect(turn.speech).not.toContain(UNSAVED);
  });

  it('tells the user progress could not be saved when the store fails, and keeps the session open', async () => {
    const blocker = path.join(folder, 'not-a-folder');
    writeFileSync(blocker, '');
    const talk = new Conversation(buildSkill({ persistenceAdapter: new FilePersistenceAdapter(blocker) }));
    const turn = await talk.launch();
    expect(turn.speech).toMatch(/^Welcome to Pressure Point Guide/);
    expect(turn.speech).toContain(NOTE);
    expect(turn.speech).toContain(UNSAVED);
    expect(turn.ended).toBe(false);
    // and the next question is answered as usual
    expect((await talk.utter('where is b l twenty three')).speech).toMatch(/^Sea of Vitality, B L 23/);
  });
});
