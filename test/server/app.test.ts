import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../lambda/src/server/app';
import { buildSkill } from '../../lambda/src/skill';
import { intentRequest } from '../../lambda/src/simulator/envelope';
import { model } from '../support/model';

async function listen(verifyRequests: boolean): Promise<{ server: Server; url: string }> {
  const app = createApp({ skill: buildSkill(), verifyRequests });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    });
  });
}

describe('express server on 127.0.0.1', () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

  it('refuses an unsigned request when verification is on', async () => {
    const { server, url } = await listen(true);
    servers.push(server);
    const res = await fetch(`${url}/alexa`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(intentRequest(model, 'FindPointIntent', { point: 'bl 23' })),
    });
    expect(res.status).toBe(400);
  });

  it('answers through POST /alexa when verification is off, and /healthz', async () => {
    const { server, url } = await listen(false);
    servers.push(server);
    const res = await fetch(`${url}/alexa`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(intentRequest(model, 'FindPointIntent', { point: 'bl 23' })),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response: { outputSpeech: { ssml: string } } };
    expect(body.response.outputSpeech.ssml).toMatch(/Sea of Vitality, B L 23/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
