/**
 * The real express app on 127.0.0.1, driven over HTTP. Signed requests go through the server's own
 * verifier, as in production (server/verifier.ts; see test/support/alexa-signing.ts): the only
 * change to the world is one extra trusted root in `tls.rootCertificates`, as an operator with a
 * private CA would add, and an https agent that routes s3.amazonaws.com to a local server.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { createApp, type AppOptions } from '../../server/app';
import { buildSkill } from '../../lambda/src/skill';
import { intentRequest, launchRequest } from '../../simulator/envelope';
import { CERT_PATH, startAlexaSigner, type AlexaSigner } from '../support/alexa-signing';
import { toTurn } from '../support/conversation';
import { model } from '../support/model';
import { captureLogs } from '../support/log-capture';

// The verifier trusts Node's bundled roots (`require('tls').rootCertificates`); add the test root.
const mockTrust: { extraRoots: string[] } = { extraRoots: [] };
jest.mock('tls', () => {
  const actual = jest.requireActual<typeof import('tls')>('tls');
  return {
    ...actual,
    get rootCertificates() {
      return [...actual.rootCertificates, ...mockTrust.extraRoots];
    },
  };
});

const USER = 'amzn1.ask.account.PRIVATE-USER-ID-7f3a';

async function listen(
  options: Partial<AppOptions> = {},
): Promise<{ url: string; store: MemoryPersistenceAdapter; server: Server }> {
  const store = new MemoryPersistenceAdapter();
  const app = createApp({
    skill: buildSkill({ persistenceAdapter: store, skillId: options.skillId }),
    verifyRequests: true,
    ...options,
  });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      servers.push(server);
      resolve({ server, store, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    });
  });
}

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

function post(url: string, body: string, headers: Record<string, string> = {}): Promise<globalThis.Response> {
  return fetch(`${url}/alexa`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('POST /alexa with verification on (the default)', () => {
  let signer: AlexaSigner;
  let unroute: () => void;
  beforeAll(async () => {
    signer = await startAlexaSigner();
    mockTrust.extraRoots = [signer.rootPem];
    unroute = signer.routeS3ToLoopback();
  });
  afterAll(async () => {
    unroute();
    mockTrust.extraRoots = [];
    await signer.close();
  });

  it('answers a request signed with a trusted chain, downloading the chain once', async () => {
    const { url, store } = await listen();
    const body = JSON.stringify(launchRequest({ userId: USER }));
    const res = await post(url, body, signer.headers(body));
    expect(res.status).toBe(200);
    const turn = toTurn((await res.json()) as Parameters<typeof toTurn>[0]);
    expect(turn.speech).toMatch(/^Welcome to Pressure Point Guide/);
    expect(store.size).toBe(1); // the first-use note was recorded

    const second = JSON.stringify(
      intentRequest(model, 'FindPointIntent', { point: 'bl 23' }, { userId: USER }),
    );
    const res2 = await post(url, second, signer.headers(second));
    expect(res2.status).toBe(200);
    expect(toTurn((await res2.json()) as Parameters<typeof toTurn>[0]).speech).toMatch(
      /Sea of Vitality, B L 23/,
    );
    expect(signer.downloads).toBe(1);
  });

  it('refuses a validly signed request whose chain does not lead to a trusted root', async () => {
    const { url, store } = await listen();
    mockTrust.extraRoots = [];
    try {
      const body = JSON.stringify(launchRequest({ userId: USER }));
      expect((await post(url, body, signer.headers(body))).status).toBe(400);
      expect(store.size).toBe(0);
    } finally {
      mockTrust.extraRoots = [signer.rootPem];
    }
  });

  it('refuses an unsigned request with 400 and does no skill work', async () => {
    const { url, store } = await listen();
    const res = await post(url, JSON.stringify(launchRequest({ userId: USER })));
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('Bad request');
    expect(store.size).toBe(0);
  });

  it('refuses a body changed after signing', async () => {
    const { url, store } = await listen();
    const signed = JSON.stringify(launchRequest({ userId: USER }));
    const tampered = signed.replace(USER, 'amzn1.ask.account.SOMEONE-ELSE');
    const res = await post(url, tampered, signer.headers(signed));
    expect(res.status).toBe(400);
    expect(store.size).toBe(0);
  });

  it('refuses a correctly signed request whose timestamp is over 150 seconds old (replay)', async () => {
    const { url, store } = await listen();
    const body = JSON.stringify(
      launchRequest({ userId: USER, timestamp: new Date(Date.now() - 10 * 60_000).toISOString() }),
    );
    const res = await post(url, body, signer.headers(body));
    expect(res.status).toBe(400);
    expect(store.size).toBe(0);
  });

  it('refuses a chain URL outside s3.amazonaws.com/echo.api/ without fetching it', async () => {
    const { url } = await listen();
    const body = JSON.stringify(launchRequest({ userId: USER }));
    for (const certUrl of [
      'https://example.com/echo.api/test-signing.pem',
      'https://s3.amazonaws.com/not-echo.api/test-signing.pem',
      'http://s3.amazonaws.com/echo.api/test-signing.pem',
      'https://s3.amazonaws.com/echo.api/../evilbucket/cert.pem',
      'https://s3.amazonaws.com/echo.api/%2e%2e/evilbucket/cert.pem',
      'https://s3.amazonaws.com:8443/echo.api/test-signing.pem',
    ]) {
      expect((await post(url, body, signer.headers(body, certUrl))).status).toBe(400);
    }
    expect(signer.otherHostsTried).toEqual([]);
    expect(signer.requestedPaths.filter((p) => p !== CERT_PATH)).toEqual([]);
  });

  it('checks the timestamp before anything else: a stale request starts no certificate download', async () => {
    const { url, store } = await listen();
    const before = signer.requestedPaths.length;
    const body = JSON.stringify(
      launchRequest({ userId: USER, timestamp: new Date(Date.now() - 10 * 60_000).toISOString() }),
    );
    expect((await post(url, body, signer.headers(body))).status).toBe(400);
    // A download started anyway would reach the local s3 shortly after the answer: give it time.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(signer.requestedPaths.length).toBe(before);
    expect(store.size).toBe(0);
  });

  it('refuses a request for another skill id with 400 (not 500), before the skill runs', async () => {
    const { url, store } = await listen({ skillId: 'amzn1.ask.skill.ours' });
    const body = JSON.stringify(launchRequest({ userId: USER, applicationId: 'amzn1.ask.skill.theirs' }));
    const res = await post(url, body, signer.headers(body));
    expect(res.status).toBe(400);
    expect(store.size).toBe(0);
    const ours = JSON.stringify(launchRequest({ userId: USER, applicationId: 'amzn1.ask.skill.ours' }));
    expect((await post(url, ours, signer.headers(ours))).status).toBe(200);
  });
});

describe('POST /alexa, input checks and logs (verification off, as for local tools)', () => {
  it('answers through POST /alexa', async () => {
    const { url } = await listen({ verifyRequests: false });
    const res = await post(url, JSON.stringify(intentRequest(model, 'FindPointIntent', { point: 'bl 23' })));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response: { outputSpeech: { ssml: string } } };
    expect(body.response.outputSpeech.ssml).toMatch(/Sea of Vitality, B L 23/);
  });

  it('refuses a body over the limit with 413 and does no skill work', async () => {
    const { url, store } = await listen({ verifyRequests: false, maxBodyBytes: 4096 });
    const big = launchRequest({ userId: USER }) as unknown as Record<string, unknown>;
    big.padding = 'x'.repeat(5000);
    const res = await post(url, JSON.stringify(big));
    expect(res.status).toBe(413);
    expect(store.size).toBe(0);
    // the default limit (256 KiB) also holds
    const { url: url2 } = await listen({ verifyRequests: false });
    big.padding = 'x'.repeat(300 * 1024);
    expect((await post(url2, JSON.stringify(big))).status).toBe(413);
  });

  it('refuses a body that is not a JSON object with 400', async () => {
    const { url } = await listen({ verifyRequests: false });
    expect((await post(url, '{"version": "1.0", ')).status).toBe(400);
    expect((await post(url, '[1, 2]')).status).toBe(400);
    expect((await post(url, '')).status).toBe(400);
  });

  it('serves GET /healthz', async () => {
    const { url } = await listen();
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('logs one structured line per request, without the body, the user id or what was asked', async () => {
    const { url } = await listen({ verifyRequests: false, skillId: 'amzn1.ask.skill.ours' });
    const { records, text } = await captureLogs(async () => {
      const asked = intentRequest(
        model,
        'FindPointIntent',
        { point: 'sea of vitality' },
        { userId: USER, applicationId: 'amzn1.ask.skill.ours' },
      );
      expect((await post(url, JSON.stringify(asked))).status).toBe(200);
      const other = launchRequest({ userId: USER, applicationId: 'amzn1.ask.skill.theirs' });
      expect((await post(url, JSON.stringify(other))).status).toBe(400);
    });
    expect(records.map((r) => r.event)).toEqual(expect.arrayContaining(['http.alexa', 'http.alexa_refused']));
    expect(records.find((r) => r.event === 'http.alexa')).toMatchObject({
      status: 200,
      type: 'IntentRequest',
    });
    expect(text).not.toContain('PRIVATE-USER-ID');
    expect(text).not.toMatch(/vitality|FindPoint|amzn1\.ask\.skill/i);
  });
});
