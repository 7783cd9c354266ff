/**
 * Logs never copy what a hostile envelope carries: request types, SessionEnded reasons and error
 * types and intent names are logged only from known lists (anything else as `other`), and no field
 * is longer than 100 characters, certificate URL hosts included (issue 12, finding 9).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  log,
  KNOWN_INTENTS,
  KNOWN_REQUEST_TYPES,
  MAX_LOG_FIELD_CHARACTERS,
  SESSION_ENDED_ERROR_TYPES,
  SESSION_ENDED_REASONS,
} from '../../lambda/src/log';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { buildSkill } from '../../lambda/src/skill';
import { createApp } from '../../server/app';
import { envelope, intentRequest, launchRequest } from '../../simulator/envelope';
import { captureLogs } from '../support/log-capture';
import { model } from '../support/model';

const MARK = 'EVILMARK';
const long = (n: number): string => `${MARK}${'x'.repeat(n)}`;

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

async function listen(verifyRequests: boolean): Promise<string> {
  const app = createApp({
    skill: buildSkill({ persistenceAdapter: new MemoryPersistenceAdapter() }),
    verifyRequests,
  });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      servers.push(server);
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/alexa`);
    });
  });
}

function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Every line within bounds: known words or `other`, no field over the limit, no hostile text. */
function expectBounded(records: Record<string, unknown>[], text: string): void {
  expect(records.length).toBeGreaterThan(0);
  expect(text).not.toContain(MARK);
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) {
      expect(name.length).toBeLessThanOrEqual(MAX_LOG_FIELD_CHARACTERS);
      if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(MAX_LOG_FIELD_CHARACTERS);
    }
    for (const field of ['type', 'requestType'])
      if (record[field] !== undefined)
        expect(KNOWN_REQUEST_TYPES.has(String(record[field])) || record[field] === 'other').toBe(true);
    if (record.intent !== undefined)
      expect(KNOWN_INTENTS.has(String(record.intent)) || record.intent === 'other').toBe(true);
    if (record.event === 'session.ended') {
      if (record.reason !== undefined)
        expect(SESSION_ENDED_REASONS.has(String(record.reason)) || record.reason === 'other').toBe(true);
      if (record.errorType !== undefined)
        expect(SESSION_ENDED_ERROR_TYPES.has(String(record.errorType)) || record.errorType === 'other').toBe(
          true,
        );
    }
  }
}

describe('logs of hostile envelopes', () => {
  it('an unknown request type, at any length, is logged as "other"', async () => {
    const url = await listen(false);
    const { records, text } = await captureLogs(async () => {
      for (const type of [long(5000), `${MARK}Request`, 'LaunchRequest\nforged line'])
        expect((await post(url, envelope({ type }))).status).toBe(200);
    });
    expectBounded(records, text);
    expect(records.filter((r) => r.event === 'http.alexa').map((r) => r.type)).toEqual([
      'other',
      'other',
      'other',
    ]);
    expect(records.filter((r) => r.event === 'request.unhandled').map((r) => r.type)).toEqual([
      'other',
      'other',
      'other',
    ]);
  });

  it('SessionEnded reasons and error types outside Alexa’s lists are logged as "other"', async () => {
    const url = await listen(false);
    const { records, text } = await captureLogs(async () => {
      const hostile = envelope({
        type: 'SessionEndedRequest',
        reason: long(3000),
        error: { type: long(3000), message: long(3000) },
      });
      expect((await post(url, hostile)).status).toBe(200);
      const honest = envelope({
        type: 'SessionEndedRequest',
        reason: 'ERROR',
        error: { type: 'ENDPOINT_TIMEOUT', message: 'took too long' },
      });
      expect((await post(url, honest)).status).toBe(200);
    });
    expectBounded(records, text);
    const ended = records.filter((r) => r.event === 'session.ended');
    expect(ended).toEqual([
      expect.objectContaining({ reason: 'other', errorType: 'other' }),
      expect.objectContaining({ reason: 'ERROR', errorType: 'ENDPOINT_TIMEOUT' }),
    ]);
  });

  it('an intent the model does not have is logged as "other"; a known one by name', async () => {
    const url = await listen(false);
    const { records, text } = await captureLogs(async () => {
      const hostile = intentRequest(model, 'AMAZON.HelpIntent');
      (hostile.request as { intent: { name: string } }).intent.name = long(4000);
      expect((await post(url, hostile)).status).toBe(200);
    });
    expectBounded(records, text);
    expect(records).toContainEqual(expect.objectContaining({ event: 'intent.unhandled', intent: 'other' }));
  });

  it('a refused certificate URL is logged by a fixed reason, never its host', async () => {
    const url = await listen(true);
    const { records, text } = await captureLogs(async () => {
      for (const certUrl of [
        `https://${MARK}${'a'.repeat(1000)}.example/echo.api/cert.pem`,
        `https://s3.amazonaws.com/${MARK}/cert.pem`,
        `ftp://${MARK}.example/echo.api/cert.pem`,
      ]) {
        const res = await post(url, launchRequest(), {
          signaturecertchainurl: certUrl,
          'signature-256': 'c2lnbmF0dXJl',
        });
        expect(res.status).toBe(400);
      }
    });
    expectBounded(records, text);
    expect(records.filter((r) => r.event === 'http.alexa_refused').map((r) => r.reason)).toEqual([
      'cert-url',
      'cert-url',
      'cert-url',
    ]);
  });

  it('cuts any other field, and field names, at 100 characters', async () => {
    const { records, text } = await captureLogs(async () => {
      log.error('handler.error', { error: `TypeError: ${long(5000)}`, [long(200)]: 1 });
    });
    expect(text).not.toContain('x'.repeat(MAX_LOG_FIELD_CHARACTERS));
    const [record] = records;
    expect(String(record.error)).toHaveLength(MAX_LOG_FIELD_CHARACTERS);
    expect(String(record.error)).toMatch(/^TypeError: EVILMARKx+…$/);
    expect(Object.keys(record).every((name) => name.length <= MAX_LOG_FIELD_CHARACTERS)).toBe(true);
  });
});
