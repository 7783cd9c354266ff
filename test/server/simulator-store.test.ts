/**
 * The web simulator's users live in their own space of the store, capped and expiring (issue 12,
 * finding 12): through the simulator as `npm start` wires it (server/simulator.ts localSimulator),
 * and the store space itself (simulator/store.ts) with its cap of 1,000 and its 7-day expiry.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { RequestEnvelope } from 'ask-sdk-model';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { createApp } from '../../server/app';
import { localSimulator } from '../../server/simulator';
import { launchRequest } from '../../simulator/envelope';
import type { SimulatorReply, SimulatorSessionInfo } from '../../simulator/simulator';
import {
  SIMULATOR_KEY_PREFIX,
  SIMULATOR_MAX_RECORDS,
  SIMULATOR_RECORD_MAX_AGE_MS,
  SimulatorStore,
} from '../../simulator/store';
import { buildSkill } from '../../lambda/src/skill';

const DAY = 24 * 3600_000;

function as(userId: string): RequestEnvelope {
  return launchRequest({ userId });
}

/** What the underlying store holds for a user id, read directly. */
function raw(store: MemoryPersistenceAdapter, userId: string): Promise<Record<string, unknown>> {
  return store.getAttributes(as(userId));
}

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

describe('the simulator as npm start serves it', () => {
  it('keeps its users apart from Alexa’s users, and "forget" deletes only the simulator record', async () => {
    const store = new MemoryPersistenceAdapter();
    const { router } = localSimulator({
      persistenceAdapter: store,
      assetsDir: path.join(__dirname, '../../dist/public'),
    });
    const app = createApp({
      skill: buildSkill({ persistenceAdapter: store }),
      verifyRequests: true,
      simulator: router,
    });
    const url = await new Promise<string>((resolve) => {
      const server = app.listen(0, '127.0.0.1', () => {
        servers.push(server);
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/simulator/api`);
      });
    });
    const post = async <T>(route: string, body: unknown): Promise<T> => {
      const res = await fetch(`${url}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBeLessThan(300);
      return (await res.json()) as T;
    };
    const { id, user } = await post<SimulatorSessionInfo>('/sessions', {});
    const first = await post<SimulatorReply>(`/sessions/${id}/say`, { text: 'open pressure point guide' });
    expect(first.speech).toMatch(/not medical advice/);

    const simulatorUser = `amzn1.ask.account.SIMULATOR-${user}`;
    // Nothing under the user id as it would be for an Alexa user; the record is in the simulator's space.
    expect(await raw(store, simulatorUser)).toEqual({});
    expect(await raw(store, `${SIMULATOR_KEY_PREFIX}${simulatorUser}`)).toMatchObject({ welcomed: true });

    await post(`/sessions/${id}/forget`, {});
    expect(await raw(store, `${SIMULATOR_KEY_PREFIX}${simulatorUser}`)).toEqual({});
    const again = await post<SimulatorReply>(`/sessions/${id}/say`, { text: 'open pressure point guide' });
    expect(again.speech).toMatch(/not medical advice/);
  });
});

describe('the simulator store space', () => {
  it(`keeps at most ${SIMULATOR_MAX_RECORDS} users: the least recently used go first`, async () => {
    const inner = new MemoryPersistenceAdapter();
    const store = new SimulatorStore(inner);
    for (let i = 0; i < SIMULATOR_MAX_RECORDS; i++) await store.saveAttributes(as(`user-${i}`), { n: i });
    // user-0 is used again, so user-1 is now the least recently used.
    expect(await store.getAttributes(as('user-0'))).toEqual({ n: 0 });
    await store.saveAttributes(as('one-too-many'), { n: -1 });

    expect(await store.size()).toBe(SIMULATOR_MAX_RECORDS);
    expect(inner.size).toBe(SIMULATOR_MAX_RECORDS + 1); // the users and the index record
    expect(await store.getAttributes(as('user-1'))).toEqual({});
    expect(await raw(inner, `${SIMULATOR_KEY_PREFIX}user-1`)).toEqual({});
    expect(await store.getAttributes(as('user-0'))).toEqual({ n: 0 });
    expect(await store.getAttributes(as('user-2'))).toEqual({ n: 2 });
    expect(await store.getAttributes(as('one-too-many'))).toEqual({ n: -1 });

    // The same holds after a restart: the index is in the store.
    const restarted = new SimulatorStore(inner);
    await restarted.saveAttributes(as('after-restart'), { n: -2 });
    expect(await restarted.size()).toBe(SIMULATOR_MAX_RECORDS);
    expect(await restarted.getAttributes(as('after-restart'))).toEqual({ n: -2 });
    expect(inner.size).toBe(SIMULATOR_MAX_RECORDS + 1);
  });

  it('deletes a user not seen for 7 days, at the next call, by sweep, and after a restart', async () => {
    let now = Date.parse('2026-11-01T00:00:00Z');
    const clock = (): number => now;
    const inner = new MemoryPersistenceAdapter();
    const store = new SimulatorStore(inner, { now: clock });
    await store.saveAttributes(as('old'), { n: 1 });
    now += 6 * DAY;
    await store.saveAttributes(as('recent'), { n: 2 });
    now += 1 * DAY + 1000; // "old" is now 7 days and a second old
    expect(SIMULATOR_RECORD_MAX_AGE_MS).toBe(7 * DAY);
    expect(await store.getAttributes(as('old'))).toEqual({});
    expect(await raw(inner, `${SIMULATOR_KEY_PREFIX}old`)).toEqual({});
    expect(await store.getAttributes(as('recent'))).toEqual({ n: 2 });

    // Using a record keeps it: "recent" was just read, so it lives 7 more days from now.
    now += 6 * DAY;
    expect(await store.sweep()).toBe(0);
    now += 2 * DAY;
    expect(await store.sweep()).toBe(1);
    expect(await raw(inner, `${SIMULATOR_KEY_PREFIX}recent`)).toEqual({});

    // After a restart, a user last seen 8 days ago is deleted by the start-up sweep.
    await store.saveAttributes(as('before-restart'), { n: 3 });
    now += 8 * DAY;
    const restarted = new SimulatorStore(inner, { now: clock });
    expect(await restarted.sweep()).toBe(1);
    expect(await raw(inner, `${SIMULATOR_KEY_PREFIX}before-restart`)).toEqual({});
    expect(inner.size).toBe(1); // only the (empty) index is left
  });

  it('never reads or writes an Alexa user’s record', async () => {
    const inner = new MemoryPersistenceAdapter();
    await inner.saveAttributes(as('amzn1.ask.account.REAL'), { welcomed: true, health: 'kept' });
    const store = new SimulatorStore(inner);
    expect(await store.getAttributes(as('amzn1.ask.account.REAL'))).toEqual({});
    await store.saveAttributes(as('amzn1.ask.account.REAL'), { welcomed: false });
    await store.deleteAttributes(as('amzn1.ask.account.REAL'));
    expect(await raw(inner, 'amzn1.ask.account.REAL')).toEqual({ welcomed: true, health: 'kept' });
  });
});

describe('the simulator space keeps the store’s conditional writes', () => {
  it('passes versions through under the simulator key, so a stale write is refused', async () => {
    const inner = new MemoryPersistenceAdapter();
    const store = new SimulatorStore(inner);
    const signal = new AbortController().signal;
    const user = as('amzn1.ask.account.RACE');
    expect(await store.read(user, signal)).toEqual({ record: {}, version: 0 });
    expect(await store.write(user, { holdScale: 1.5 }, 0, signal)).toBe(true);
    // A second writer that read before the first write must not overwrite it.
    expect(await store.write(user, { welcomed: true }, 0, signal)).toBe(false);
    expect(await store.read(user, signal)).toEqual({ record: { holdScale: 1.5 }, version: 1 });
    expect(await raw(inner, `${SIMULATOR_KEY_PREFIX}amzn1.ask.account.RACE`)).toEqual({ holdScale: 1.5 });
    expect(await raw(inner, 'amzn1.ask.account.RACE')).toEqual({});

    await store.remove(user, signal);
    expect(await store.read(user, signal)).toEqual({ record: {}, version: 0 });
    expect(await store.size()).toBe(0);
  });
});
