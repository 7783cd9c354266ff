/**
 * Stand-in for the routine feature's "start a routine" until it is merged: a handler that calls the
 * safety gate exactly as the routine engine will, and "renders" the routine it would run (each
 * step's spoken point codes and cue) so tests can check what the user would hear.
 */
import { SkillBuilders, type PersistenceAdapter, type RequestHandler, type Skill } from 'ask-sdk-core';
import { getRoutine } from '../../../lambda/src/core/catalogue';
import type { Routine } from '../../../lambda/src/core/types';
import { isIntent, readSlot } from '../../../lambda/src/handlers/input';
import { recordAdjustment, routineGate, routinesBlocked } from '../../../lambda/src/handlers/safety';
import { RememberLastOutputInterceptor } from '../../../lambda/src/interceptors';
import { MemoryPersistenceAdapter } from '../../../lambda/src/persistence/memory';
import { requestHandlers } from '../../../lambda/src/skill';
import { escapeSsml } from '../../../lambda/src/i18n/escape';
import { speakableCode } from '../../../lambda/src/speech/ssml';
import { Conversation } from '../../support/conversation';

export const START = 'ProbeStartRoutineIntent';
export const NEXT = 'ProbeNextStepIntent';

/** A routine as the user would hear it: every step's point codes and cue. */
export function rendered(routine: Routine): string {
  return routine.steps
    .map((s) => `${(s.points ?? []).map((p) => speakableCode(p)).join(' and ')} ${s.position} ${s.cue}`)
    .join(' ');
}

const StartRoutineProbe: RequestHandler = {
  canHandle: (h) => isIntent(h, START),
  async handle(h) {
    const gate = await routineGate(h);
    if (gate.kind === 'blocked')
      return h.responseBuilder.speak(gate.speech).reprompt(gate.reprompt).getResponse();
    const requested = getRoutine(readSlot(h, 'routine').spoken ?? 'general') ?? getRoutine('general')!;
    const safe = gate.plan(requested);
    recordAdjustment(h, safe);
    const speech = [
      safe.speech,
      `[${gate.kind}] Starting ${escapeSsml(safe.routine.name)}.`,
      escapeSsml(rendered(safe.routine)),
    ]
      .filter(Boolean)
      .join(' ');
    return h.responseBuilder.speak(speech).reprompt('Say next.').getResponse();
  },
};

const NextStepProbe: RequestHandler = {
  canHandle: (h) => isIntent(h, NEXT),
  handle: (h) =>
    h.responseBuilder
      .speak(routinesBlocked(h) ? 'blocked' : 'next step')
      .reprompt('Say next.')
      .getResponse(),
};

/** The real skill's handlers behind the two probes, with an in-memory (or given) store. */
export function probedConversation(options: { store?: PersistenceAdapter; userId?: string } = {}): {
  skill: Skill;
  store: PersistenceAdapter;
  talk: Conversation;
} {
  const store = options.store ?? new MemoryPersistenceAdapter();
  const skill = SkillBuilders.custom()
    .addRequestHandlers(StartRoutineProbe, NextStepProbe, ...requestHandlers)
    .addResponseInterceptors(RememberLastOutputInterceptor)
    .withPersistenceAdapter(store)
    .create();
  return { skill, store, talk: new Conversation(skill, { userId: options.userId }) };
}
