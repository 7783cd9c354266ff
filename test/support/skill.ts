import type { Skill } from 'ask-sdk-core';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { buildSkill } from '../../lambda/src/skill';
import { Conversation } from './conversation';
import type { DeviceProfile } from '../../simulator/envelope';

/** A fresh skill with its own in-memory store, and a conversation with it. */
export function newConversation(
  options: { userId?: string; device?: DeviceProfile; startTime?: number; locale?: string } = {},
): {
  skill: Skill;
  store: MemoryPersistenceAdapter;
  talk: Conversation;
} {
  const store = new MemoryPersistenceAdapter();
  const skill = buildSkill({ persistenceAdapter: store });
  return { skill, store, talk: new Conversation(skill, options) };
}
