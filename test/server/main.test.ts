/**
 * `npm start`'s server as a real process: settings, start-up refusals, a clean stop on SIGTERM
 * that lets a request in flight finish, and the simulator's screen device as `npm start` wires it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { launchRequest } from '../../simulator/envelope';
import type { SimulatorReply, SimulatorSessionInfo } from '../../simulator/simulator';
import { toTurn } from '../support/conversation';
import { runServer, type ServerProcess } from '../support/server-process';

const dirs: string[] = [];
const running: ServerProcess[] = [];
function dataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ppg-server-'));
  dirs.push(dir);
  return dir;
}
function start(env: Record<string, string>): ServerProcess {
  const server = runServer(env);
  running.push(server);
  return server;
}
afterAll(async () => {
  for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await Promise.all(running.map((s) => s.exited));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('npm start (dist/server.js)', () => {
  it('checks signatures by default: an unsigned request gets 400', async () => {
    const server = start({ DATA_DIR: dataDir() });
    const { url, verifyRequests } = await server.waitFor('server.listening');
    expect(verifyRequests).toBe(true);
    const res = await fetch(String(url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(launchRequest()),
    });
    expect(res.status).toBe(400);
    expect(server.logs.some((l) => l.event === 'server.verification_off')).toBe(false);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('announces loudly when verification is turned off', async () => {
    const server = start({ DATA_DIR: dataDir(), ALEXA_SKIP_VERIFICATION: 'true' });
    await server.waitFor('server.listening');
    const warning = await server.waitFor('server.verification_off');
    expect(warning.level).toBe('warn');
    expect(String(warning.message)).toMatch(/NOT checked/);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses to turn verification off on a non-loopback HOST', async () => {
    const server = start({ DATA_DIR: dataDir(), ALEXA_SKIP_VERIFICATION: 'true', HOST: '0.0.0.0' });
    expect(await server.exited).toBe(1);
    expect(server.logs.find((l) => l.event === 'server.bad_setting')?.message).toMatch(/HOST=0\.0\.0\.0/);
    expect(server.logs.some((l) => l.event === 'server.listening')).toBe(false);
  });

  it('serves the web simulator only on a loopback HOST, unless SIMULATOR=on says so', async () => {
    const simulatorStatus = async (server: ServerProcess): Promise<number[]> => {
      const port = new URL(String((await server.waitFor('server.listening')).url)).port;
      const page = await fetch(`http://127.0.0.1:${port}/`);
      const api = await fetch(`http://127.0.0.1:${port}/simulator/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return [page.status, api.status];
    };
    const exposed = start({ DATA_DIR: dataDir(), HOST: '0.0.0.0' });
    expect(await simulatorStatus(exposed)).toEqual([404, 404]);
    expect(exposed.logs.some((l) => l.event === 'simulator.listening')).toBe(false);
    exposed.child.kill('SIGTERM');
    expect(await exposed.exited).toBe(0);

    const asked = start({ DATA_DIR: dataDir(), HOST: '0.0.0.0', SIMULATOR: 'on' });
    expect((await simulatorStatus(asked))[1]).toBe(201);
    expect((await asked.waitFor('simulator.exposed')).level).toBe('warn');
    asked.child.kill('SIGTERM');
    expect(await asked.exited).toBe(0);

    const off = start({ DATA_DIR: dataDir(), SIMULATOR: 'off' });
    expect(await simulatorStatus(off)).toEqual([404, 404]);
    off.child.kill('SIGTERM');
    expect(await off.exited).toBe(0);

    const unclear = start({ DATA_DIR: dataDir(), SIMULATOR: 'maybe' });
    expect(await unclear.exited).toBe(1);
    expect(unclear.logs.find((l) => l.event === 'server.bad_setting')?.message).toMatch(/SIMULATOR/);
  });

  it('refuses a PORT that is not a port number, and a DATA_DIR it cannot write', async () => {
    const badPort = start({ DATA_DIR: dataDir(), PORT: 'three thousand' });
    expect(await badPort.exited).toBe(1);
    expect(badPort.logs.find((l) => l.event === 'server.bad_setting')?.message).toMatch(/PORT/);

    const blocker = path.join(dataDir(), 'a-file');
    writeFileSync(blocker, '');
    const badDir = start({ DATA_DIR: path.join(blocker, 'inside') });
    expect(await badDir.exited).toBe(1);
    expect(badDir.logs.find((l) => l.event === 'server.storage_not_ready')?.message).toMatch(/DATA_DIR/);
  });

  it('on SIGTERM stops accepting, finishes the request in flight, and exits 0', async () => {
    const server = start({ DATA_DIR: dataDir(), ALEXA_SKIP_VERIFICATION: 'true' });
    const url = new URL(String((await server.waitFor('server.listening')).url));
    const body = Buffer.from(JSON.stringify(launchRequest()));

    // Send half the body, stop the server, then send the rest: the answer must still come.
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: '/alexa',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': body.length },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.subarray(0, 100));
      void server.waitFor('server.stopping').then(async () => {
        // New connections are refused while the old one is still open.
        await expect(fetch(`${url.origin}/healthz`)).rejects.toThrow();
        req.end(body.subarray(100));
      });
    });
    await new Promise((r) => setTimeout(r, 100));
    server.child.kill('SIGTERM');

    const { status, text } = await answer;
    expect(status).toBe(200);
    expect(toTurn(JSON.parse(text) as Parameters<typeof toTurn>[0]).speech).toMatch(/^Welcome/);
    expect(await server.exited).toBe(0);
    expect(server.logs.map((l) => l.event)).toEqual(
      expect.arrayContaining(['server.stopping', 'server.stopped']),
    );
  });

  it('the simulator screen follows a routine turn page by page: each hold with its time and diagram', async () => {
    const server = start({ DATA_DIR: dataDir() });
    const origin = new URL(String((await server.waitFor('server.listening')).url)).origin;
    const post = async <T>(route: string, body: unknown): Promise<T> => {
      const res = await fetch(`${origin}/simulator/api${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBeLessThan(300);
      return (await res.json()) as T;
    };
    const { id } = await post<SimulatorSessionInfo>('/sessions', { device: 'screen' });
    await post<SimulatorReply>(`/sessions/${id}/say`, { text: 'start the quick routine' });
    const turn = await post<SimulatorReply>(`/sessions/${id}/say`, { text: 'no' });

    const pages = turn.visual?.pages ?? [];
    expect(turn.visual?.lines).toEqual(['Quick routine']);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const times = pages.map((p) => p.showAtMs);
    times.slice(1).forEach((ms, i) => expect(ms).toBeGreaterThan(times[i]));
    // Every page comes up within the turn's audio, as the cue list plays it.
    expect(times[times.length - 1]).toBeLessThanOrEqual(turn.totalMs);
    expect(pages[0].lines[0]).toMatch(/^Step 1 of \d/);
    // Each page with a point has that point's own diagram; the pages without one have none.
    const withPoint = pages.filter((p) => p.lines.some((line) => /^[A-Z]{2} \d+ · /.test(line)));
    expect(withPoint.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      const point = page.lines.find((line) => /^[A-Z]{2} \d+ · /.test(line))?.split(' · ')[0];
      const isHold = page.lines.some((line) => /^Step \d+ of \d+$/.test(line));
      if (point && isHold)
        expect(page.svg).toMatch(new RegExp(`<title id="title">Diagram of [^<]*${point} marked`));
      else expect(page.svg).toBeUndefined();
    }
    expect(new Set(withPoint.map((p) => p.svg)).size).toBeGreaterThanOrEqual(2);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
