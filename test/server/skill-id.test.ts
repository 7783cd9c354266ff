/**
 * A skill built with a skill id refuses an envelope that names no skill (no
 * `context.System.application`) cleanly: 400 from the server, a logged refusal and an empty
 * response from the Lambda, and never an exception (issue 12, finding 5).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { buildSkill } from '../../lambda/src/skill';
import { createApp } from '../../server/app';
import { launchRequest } from '../../simulator/envelope';
import { captureLogs } from '../support/log-capture';

const OURS = 'amzn1.ask.skill.ours';

/** Envelopes for our skill id in the session, with the context's application taken away. */
function withoutApplication(): Record<string, RequestEnvelope> {
  const noApplication = launchRequest({ applicationId: OURS });
  delete (noApplication.context.System as { application?: unknown }).application;
  const noSystem = launchRequest({ applicationId: OURS });
  delete (noSystem.context as { System?: unknown }).System;
  const nullApplication = launchRequest({ applicationId: OURS });
  (nullApplication.context.System as { application?: unknown }).application = null;
  const numericId = launchRequest({ applicationId: OURS });
  (numericId.context.System.application as { applicationId: unknown }).applicationId = 7;
  return { noApplication, noSystem, nullApplication, numericId };
}

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

async function listen(): Promise<{ url: string; store: MemoryPersistenceAdapter }> {
  const store = new MemoryPersistenceAdapter();
  const app = createApp({
    skill: buildSkill({ persistenceAdapter: store, skillId: OURS }),
    verifyRequests: false,
    skillId: OURS,
  });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      servers.push(server);
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/alexa`, store });
    });
  });
}

describe('an envelope without context.System.application, for a skill with a skill id', () => {
  it.each(Object.entries(withoutApplication()))('%s: the server answers 400, not 500', async (_name, env) => {
    const { url, store } = await listen();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(env),
    });
    expect(res.status).toBe(400);
    expect(store.size).toBe(0);
    // Our own, complete envelope still works on the same server.
    const ours = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(launchRequest({ applicationId: OURS })),
    });
    expect(ours.status).toBe(200);
  });

  it.each(Object.entries(withoutApplication()))(
    '%s: the Lambda logs a refusal and answers nothing, without an exception',
    async (_name, env) => {
      const previous = process.env.SKILL_ID;
      process.env.SKILL_ID = OURS;
      let handler!: (event: RequestEnvelope) => Promise<ResponseEnvelope>;
      try {
        jest.isolateModules(() => {
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          handler = (require('../../lambda/src/index') as typeof import('../../lambda/src/index')).handler;
        });
      } finally {
        if (previous === undefined) delete process.env.SKILL_ID;
        else process.env.SKILL_ID = previous;
      }
      let response: ResponseEnvelope | undefined;
      const { records } = await captureLogs(async () => {
        response = await handler(env);
      });
      expect(response?.response).toEqual({});
      expect(records).toContainEqual(
        expect.objectContaining({ event: 'request.refused', level: 'warn', reason: 'skill-id-missing' }),
      );
    },
  );

  it('the skill itself refuses another skill id the same way, and serves its own', async () => {
    const skill = buildSkill({ skillId: OURS });
    let refused: ResponseEnvelope | undefined;
    const { records } = await captureLogs(async () => {
      refused = await skill.invoke(launchRequest({ applicationId: 'amzn1.ask.skill.theirs' }));
    });
    expect(refused?.response).toEqual({});
    expect(records).toContainEqual(expect.objectContaining({ reason: 'skill-id-mismatch' }));
    const served = await skill.invoke(launchRequest({ applicationId: OURS }));
    expect(served.response.outputSpeech).toBeDefined();
  });
});
