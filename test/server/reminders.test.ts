/**
 * Reminders through `npm start`'s server process: the simulator's requests name the Alexa API the
 * server is told about (SIMULATOR_ALEXA_API), here the local fake on 127.0.0.1, so "remind me every
 * evening at 9" typed into the simulator makes a real Reminders API call; a malformed setting stops
 * start-up with one clear line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeAlexaApi } from '../../simulator/alexa-api';
import type { SimulatorReply, SimulatorSessionInfo } from '../../simulator/simulator';
import { runServer, type ServerProcess } from '../support/server-process';

const api = new FakeAlexaApi();
const running: ServerProcess[] = [];
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ppg-reminders-'));
  await api.start();
});
afterAll(async () => {
  for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await Promise.all(running.map((s) => s.exited));
  await api.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function post(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json().catch(() => undefined) };
}

describe('reminders in the simulator of npm start', () => {
  it('with SIMULATOR_ALEXA_API, typed reminder words reach the Reminders API and are confirmed', async () => {
    const server = runServer({ DATA_DIR: dir, SIMULATOR_ALEXA_API: api.url });
    running.push(server);
    const listening = await server.waitFor('simulator.listening');
    const base = String(listening.url).replace(/\/$/, '');
    const opened = await post(`${base}/simulator/api/sessions`, {});
    expect(opened.status).toBe(201);
    const { id } = opened.json as SimulatorSessionInfo;
    const said = await post(`${base}/simulator/api/sessions/${id}/say`, {
      text: 'remind me every evening at 9',
    });
    expect(said.status).toBe(200);
    const reply = said.json as SimulatorReply;
    expect(reply.speech).toContain("I'll remind you every day at 9 p.m.");
    const [create] = api.calls('create');
    expect(create.authorization).toBe('Bearer test-token');
    expect((create.body as { trigger: { timeZoneId: string } }).trigger.timeZoneId).toBe('Europe/London');

    const listed = await post(`${base}/simulator/api/sessions/${id}/say`, {
      text: 'what reminders do I have',
    });
    expect((listed.json as SimulatorReply).speech).toContain(
      'You have one reminder from me: every day at 9 p.m.',
    );
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses a SIMULATOR_ALEXA_API that is not a base URL', async () => {
    const server = runServer({ DATA_DIR: dir, SIMULATOR_ALEXA_API: 'file:///etc/passwd' });
    running.push(server);
    expect(await server.exited).toBe(1);
    const line = server.logs.find((l) => l.event === 'server.bad_setting');
    expect(String(line?.message)).toMatch(/SIMULATOR_ALEXA_API/);
  });
});
