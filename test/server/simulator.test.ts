import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { createApp } from '../../server/app';
import { simulatorRouter } from '../../server/simulator';
import type { SimulatorReply, SimulatorSessionInfo } from '../../simulator/simulator';
import { buildSkill } from '../../lambda/src/skill';
import { BUILD } from '../../scripts/build-output';

const assetsDir = BUILD.public;

interface Running {
  url: string;
  store: MemoryPersistenceAdapter;
  /** Every envelope the skill received, in order. */
  received: RequestEnvelope[];
}

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

/** The real app with the simulator mounted, on 127.0.0.1 at a free port. */
async function start(options: { maxSessions?: number; simulator?: boolean } = {}): Promise<Running> {
  const store = new MemoryPersistenceAdapter();
  const skill = buildSkill({ persistenceAdapter: store });
  const received: RequestEnvelope[] = [];
  // The real skill, recording what it is sent.
  const recording = {
    invoke: (envelope: RequestEnvelope, context?: unknown) => {
      received.push(envelope);
      return skill.invoke(envelope, context);
    },
  } as Skill;
  const simulator =
    options.simulator === false
      ? undefined
      : simulatorRouter({
          skill: recording,
          persistenceAdapter: store,
          assetsDir,
          maxSessions: options.maxSessions,
        });
  const app = createApp({ skill, verifyRequests: true, simulator });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      servers.push(server);
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, store, received });
    });
  });
}

async function post(url: string, body: unknown, raw?: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ?? JSON.stringify(body),
  });
  return { status: res.status, json: await res.json().catch(() => undefined) };
}

async function open(run: Running, body: Record<string, unknown> = {}): Promise<SimulatorSessionInfo> {
  const { status, json } = await post(`${run.url}/simulator/api/sessions`, body);
  expect(status).toBe(201);
  return json as SimulatorSessionInfo;
}

async function say(run: Running, id: string, text: string): Promise<SimulatorReply> {
  const { status, json } = await post(`${run.url}/simulator/api/sessions/${id}/say`, { text });
  expect(status).toBe(200);
  return json as SimulatorReply;
}

describe('simulator API through the real server on 127.0.0.1', () => {
  let run: Running;
  beforeAll(async () => {
    run = await start({ maxSessions: 3 });
  });

  it('answers "where is kunlun" about the ankle, with what Alexa understood and the time now', async () => {
    const { id } = await open(run);
    const before = Date.now();
    const reply = await say(run, id, 'where is kunlun');
    expect(reply.speech).toMatch(/B L 60.*outer ankle bone/);
    expect(reply.request).toMatchObject({
      type: 'IntentRequest',
      intent: 'FindPointIntent',
      slots: { point: { value: 'kunlun', id: 'BL60' } },
    });
    const stamped = Date.parse(reply.request.timestamp);
    expect(stamped).toBeGreaterThanOrEqual(before - 1000);
    expect(stamped).toBeLessThanOrEqual(Date.now() + 1000);
    expect(reply.cues[0]).toMatchObject({ kind: 'speech', atMs: 0, text: reply.speech });
    expect(reply.session).toBe('listening');
    expect(reply.problems).toEqual([]);
  });

  it('keeps the session attributes server-side, so follow-ups know the point', async () => {
    const { id } = await open(run);
    await say(run, id, 'where is kunlun');
    const more = await say(run, id, 'tell me more');
    expect(more.request.intent).toBe('PointDetailIntent');
    expect(more.speech).toMatch(/B L 60/);
    const sent = run.received.slice(-2);
    expect(sent[0].session?.new).toBe(true);
    expect(sent[1].session?.new).toBe(false);
    expect(sent[1].session?.sessionId).toBe(sent[0].session?.sessionId);
  });

  it('starts a new session on request: the skill gets SessionEndedRequest and forgets the point', async () => {
    const { id } = await open(run);
    await say(run, id, 'where is kunlun');
    const { status, json } = await post(`${run.url}/simulator/api/sessions/${id}/end`, {});
    expect(status).toBe(200);
    expect(json).toMatchObject({ session: { session: 'closed' } });
    expect(run.received[run.received.length - 1].request).toMatchObject({
      type: 'SessionEndedRequest',
      reason: 'USER_INITIATED',
    });
    const after = await say(run, id, 'tell me more');
    expect(after.speech).not.toMatch(/B L 60/);
    expect(after.speech).toMatch(/Which point do you mean/);
  });

  it('launches on "open pressure point guide"; "forget this user" deletes the stored record', async () => {
    const { id, user } = await open(run);
    const first = await say(run, id, 'open pressure point guide');
    expect(first.request.type).toBe('LaunchRequest');
    expect(first.speech).toMatch(/not medical advice/);
    await post(`${run.url}/simulator/api/sessions/${id}/end`, {});
    expect((await say(run, id, 'open pressure point guide')).speech).not.toMatch(/not medical advice/);
    const usersBefore = run.store.size;
    const forgot = await post(`${run.url}/simulator/api/sessions/${id}/forget`, {});
    expect(forgot).toMatchObject({ status: 200, json: { user, session: 'closed' } });
    expect(run.store.size).toBe(usersBefore - 1);
    expect((await say(run, id, 'open pressure point guide')).speech).toMatch(/not medical advice/);
  });

  it('keeps the same person across simulator sessions when the page sends its user token back', async () => {
    const first = await open(run);
    await say(run, first.id, 'open pressure point guide');
    const again = await open(run, { user: first.user });
    expect(again.user).toBe(first.user);
    expect((await say(run, again.id, 'open pressure point guide')).speech).not.toMatch(/not medical advice/);
  });

  it('switches between a speaker and a screen device, each with its own session', async () => {
    const session = await open(run);
    expect(session.device).toBe('speaker');
    await say(run, session.id, 'where is kunlun');
    expect(run.received[run.received.length - 1].context.Viewport).toBeUndefined();
    const switched = await post(`${run.url}/simulator/api/sessions/${session.id}/device`, {
      device: 'screen',
    });
    expect(switched.json).toMatchObject({ device: 'screen', session: 'closed' });
    await say(run, session.id, 'where is kunlun');
    const sent = run.received[run.received.length - 1];
    expect(sent.session?.new).toBe(true);
    expect(sent.context.System.device?.supportedInterfaces).toHaveProperty(['Alexa.Presentation.APL']);
    expect(sent.context.Viewport).toMatchObject({ pixelWidth: 1280, pixelHeight: 800 });
  });

  it('refuses what the page should never send with 400, 404 or 413, and keeps serving', async () => {
    const { id } = await open(run);
    const api = `${run.url}/simulator/api/sessions/${id}`;
    const cases: Array<[string, unknown, string | undefined, number]> = [
      ['bad JSON', undefined, '{"text": "where is', 400],
      ['no text', {}, undefined, 400],
      ['text not a string', { text: 42 }, undefined, 400],
      ['empty text', { text: '   ' }, undefined, 400],
      ['text too long to say', { text: 'where is kunlun '.repeat(40) }, undefined, 400],
      ['an array body', [1, 2], undefined, 400],
      ['a huge body', { text: 'x'.repeat(100_000) }, undefined, 413],
    ];
    for (const [, body, raw, status] of cases) {
      const res = await post(`${api}/say`, body, raw);
      expect(res.status).toBe(status);
      expect(res.json).toEqual({ error: expect.any(String) });
    }
    expect((await post(`${api}/device`, { device: 'toaster' })).status).toBe(400);
    expect(
      (await post(`${run.url}/simulator/api/sessions/no-such-session/say`, { text: 'help' })).status,
    ).toBe(404);
    expect((await post(`${run.url}/simulator/api/nothing-here`, {})).status).toBe(404);
    const wrongType = await fetch(`${api}/say`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'help',
    });
    expect(wrongType.status).toBe(400);
    expect((await say(run, id, 'help')).speech).toMatch(/^You can ask where a point is/);
  });

  it('skips ahead: a routine turn counts as heard, so "next" goes on to the step it named', async () => {
    const { id } = await open(run);
    await say(run, id, 'start the quick routine');
    const first = await say(run, id, 'no');
    expect(first.cues.at(-1)).toMatchObject({ text: "Say next when you're ready for Commanding Middle." });
    const api = `${run.url}/simulator/api/sessions/${id}`;
    expect((await post(`${api}/skip`, { ms: first.totalMs })).status).toBe(200);
    const next = await say(run, id, 'next');
    expect(next.cues[0]).toMatchObject({ kind: 'speech', text: expect.stringMatching(/^Next, B L 40/) });
    // The request is stamped as if the person had waited through the turn.
    const gap = Date.parse(next.request.timestamp) - Date.parse(first.request.timestamp);
    expect(gap).toBeGreaterThanOrEqual(first.totalMs);
    expect(gap).toBeLessThan(first.totalMs + 20_000);

    for (const bad of [{}, { ms: -1 }, { ms: '100' }, { ms: 1e12 }, { ms: null }])
      expect((await post(`${api}/skip`, bad)).status).toBe(400);
    expect((await post(`${run.url}/simulator/api/sessions/no-such-session/skip`, { ms: 1 })).status).toBe(
      404,
    );
  });

  it('a screen button press is the UserEvent a device sends: the skill answers it as the spoken command', async () => {
    const { id } = await open(run, { device: 'screen' });
    await say(run, id, 'start the quick routine');
    const turn = await say(run, id, 'no');
    const pause = turn.visual?.pages?.[0].buttons?.find((b) => b.label === 'Pause');
    const api = `${run.url}/simulator/api/sessions/${id}`;
    const pressed = await post(`${api}/press`, { arguments: pause?.arguments, id: pause?.id });
    expect(pressed.status).toBe(200);
    const event = run.received.at(-1)?.request as unknown as Record<string, unknown>;
    expect(event).toMatchObject({
      type: 'Alexa.Presentation.APL.UserEvent',
      token: 'ppg.routine',
      arguments: ['intent', 'AMAZON.PauseIntent'],
      source: { type: 'TouchWrapper', handler: 'Press', id: 'pauseButton' },
    });
    expect((pressed.json as SimulatorReply).speech).toMatch(/^Paused/);

    for (const bad of [
      {},
      { arguments: 'pause' },
      { arguments: Array(9).fill(1) },
      { arguments: ['x'.repeat(2000)] },
    ])
      expect((await post(`${api}/press`, bad)).status).toBe(400);
    // A speaker has no screen to press.
    const speaker = await open(run, { device: 'speaker' });
    const onSpeaker = await post(`${run.url}/simulator/api/sessions/${speaker.id}/press`, {
      arguments: ['intent', 'AMAZON.PauseIntent'],
    });
    expect(onSpeaker.status).toBe(400);
    expect(onSpeaker.json).toEqual({ error: expect.any(String) });
    expect(
      (await post(`${run.url}/simulator/api/sessions/no-such-session/press`, { arguments: [] })).status,
    ).toBe(404);
  });

  it('keeps at most maxSessions sessions in memory, dropping the least recently used', async () => {
    const bounded = await start({ maxSessions: 3 });
    const [a, b, c] = [await open(bounded), await open(bounded), await open(bounded)];
    await say(bounded, a.id, 'help');
    const d = await open(bounded);
    // b was the least recently used: it is gone; a (just used), c and d remain.
    expect((await post(`${bounded.url}/simulator/api/sessions/${b.id}/say`, { text: 'help' })).status).toBe(
      404,
    );
    for (const kept of [a, c, d])
      expect((await fetch(`${bounded.url}/simulator/api/sessions/${kept.id}`)).status).toBe(200);
  });

  it('serves the page with its own script and style only (no external assets)', async () => {
    if (!existsSync(path.join(assetsDir, 'index.html')))
      throw new Error('dist/public is missing: run npm run build (npm test does)');
    const page = await fetch(`${run.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await page.text();
    expect(html).toMatch(/<script src="\/simulator\/simulator.js"/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const script = await fetch(`${run.url}/simulator/simulator.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${run.url}/simulator/simulator.css`)).status).toBe(200);
  });

  it('is not served when the simulator is off, and /alexa still checks signatures either way', async () => {
    const off = await start({ simulator: false });
    expect((await fetch(`${off.url}/`)).status).toBe(404);
    expect((await post(`${off.url}/simulator/api/sessions`, {})).status).toBe(404);
    for (const server of [off, run]) {
      const unsigned = await post(`${server.url}/alexa`, {
        version: '1.0',
        request: { type: 'LaunchRequest' },
      });
      expect(unsigned.status).toBe(400);
    }
  });
});
