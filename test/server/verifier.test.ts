/**
 * The request verifier (server/verifier.ts) against a test CA, with certificates served by a real
 * HTTP server on 127.0.0.1: every URL rule, the timestamp checked before any download, the size and
 * time caps on the download (a huge and a never-ending certificate), the bounded cache, each
 * certificate rule, and the happy path.
 */
import { sign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AlexaRequestVerifier,
  CERTIFICATE_CACHE_SIZE,
  checkCertificateUrl,
  MAX_CERTIFICATE_BYTES,
  VerificationError,
  type VerificationFailure,
} from '../../server/verifier';
import { launchRequest } from '../../simulator/envelope';
import { issue, type Issued } from '../support/alexa-signing';

const HOUR = 3600_000;
const root = issue('Verifier Test Root', undefined, { ca: true });
const intermediate = issue('Verifier Test Intermediate', root, { ca: true });
const signing = issue('echo-api.amazon.com', intermediate, { dnsNames: ['echo-api.amazon.com'] });
const otherRoot = issue('Someone Else Root', undefined, { ca: true });
const otherIntermediate = issue('Someone Else Intermediate', otherRoot, { ca: true });

/** What the local "s3.amazonaws.com" serves at each path (a chain, or a behaviour). */
type Served = string | 'huge' | 'huge-declared' | 'never-ends' | 'not-found';
const served = new Map<string, Served>();
const requested: string[] = [];
/** Bytes the huge responses managed to send before the verifier hung up. */
let hugeBytesSent = 0;
let server: http.Server;
let origin: string;

function chain(...certs: Issued[]): string {
  return certs.map((c) => c.pem).join('\n');
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requested.push(req.url ?? '');
    const what = served.get(req.url ?? '') ?? 'not-found';
    if (what === 'not-found') return void res.writeHead(404).end();
    if (what === 'never-ends') {
      res.writeHead(200, { 'content-type': 'application/x-pem-file' });
      res.write('-----BEGIN CERTIFICATE-----\n');
      return; // and never another byte
    }
    if (what === 'huge' || what === 'huge-declared') {
      // 200 MiB of certificate-looking text, streamed as fast as the client takes it.
      const total = 200 * 1024 * 1024;
      res.writeHead(200, what === 'huge-declared' ? { 'content-length': String(total) } : {});
      const block = Buffer.alloc(64 * 1024, 'A');
      let sent = 0;
      const pump = (): void => {
        while (sent < total) {
          sent += block.length;
          hugeBytesSent += block.length;
          if (!res.write(block)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => res.removeAllListeners('drain'));
      return pump();
    }
    res.writeHead(200, { 'content-type': 'application/x-pem-file' }).end(what);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);
beforeEach(() => {
  requested.length = 0;
  served.clear();
});

function verifier(options: { now?: () => number; trust?: string[] } = {}): AlexaRequestVerifier {
  return new AlexaRequestVerifier({
    certificateOrigin: origin,
    trustedRoots: () => options.trust ?? [root.pem],
    now: options.now,
  });
}

function body(timestamp = new Date().toISOString()): Buffer {
  return Buffer.from(JSON.stringify(launchRequest({ timestamp })), 'utf8');
}

function headers(raw: Buffer, path: string, key: Issued = signing): Record<string, string> {
  return {
    signaturecertchainurl: `https://s3.amazonaws.com${path}`,
    'signature-256': sign('sha256', raw, key.keyPem).toString('base64'),
  };
}

async function refusal(promise: Promise<unknown>): Promise<VerificationFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof VerificationError) return error.code;
    throw error;
  }
  throw new Error('the request was accepted');
}

describe('the certificate chain URL (checked before anything is fetched)', () => {
  it.each([
    ['http scheme', 'http://s3.amazonaws.com/echo.api/echo-api-cert.pem'],
    ['another host', 'https://notamazon.com/echo.api/echo-api-cert.pem'],
    ['a host that ends like it', 'https://evil-s3.amazonaws.com/echo.api/echo-api-cert.pem'],
    ['a host that starts like it', 'https://s3.amazonaws.com.evil.example/echo.api/echo-api-cert.pem'],
    ['a trailing dot on the host', 'https://s3.amazonaws.com./echo.api/echo-api-cert.pem'],
    ['user info before the host', 'https://s3.amazonaws.com@evil.example/echo.api/echo-api-cert.pem'],
    ['user info', 'https://user@s3.amazonaws.com/echo.api/echo-api-cert.pem'],
    ['another port', 'https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem'],
    ['an empty port', 'https://s3.amazonaws.com:/echo.api/echo-api-cert.pem'],
    ['the path in another case', 'https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem'],
    ['another path', 'https://s3.amazonaws.com/invalid.path/echo-api-cert.pem'],
    ['the prefix without its slash', 'https://s3.amazonaws.com/echo.api'],
    ['a dot-dot segment', 'https://s3.amazonaws.com/echo.api/../evilbucket/cert.pem'],
    ['a dot segment', 'https://s3.amazonaws.com/echo.api/./echo-api-cert.pem'],
    ['encoded dots', 'https://s3.amazonaws.com/echo.api/%2e%2e/evilbucket/cert.pem'],
    ['encoded dots in capitals', 'https://s3.amazonaws.com/echo.api/%2E%2E/evilbucket/cert.pem'],
    ['an encoded slash', 'https://s3.amazonaws.com/echo.api/..%2fevilbucket/cert.pem'],
    ['a backslash', 'https://s3.amazonaws.com/echo.api/..\\evilbucket\\cert.pem'],
    ['a double slash', 'https://s3.amazonaws.com/echo.api//evilbucket/cert.pem'],
    ['a query', 'https://s3.amazonaws.com/echo.api/echo-api-cert.pem?x=1'],
    ['a fragment', 'https://s3.amazonaws.com/echo.api/echo-api-cert.pem#x'],
    ['a space', 'https://s3.amazonaws.com/echo.api/echo api.pem'],
    ['no scheme', 's3.amazonaws.com/echo.api/echo-api-cert.pem'],
  ])('refuses %s, and fetches nothing', async (_name, url) => {
    expect(() => checkCertificateUrl(url)).toThrow(VerificationError);
    const raw = body();
    const code = await refusal(
      verifier().verify(raw, { ...headers(raw, '/echo.api/x.pem'), signaturecertchainurl: url }),
    );
    expect(code).toBe('cert-url');
    expect(requested).toEqual([]);
  });

  it.each([
    ['https://s3.amazonaws.com/echo.api/echo-api-cert.pem', '/echo.api/echo-api-cert.pem'],
    ['HTTPS://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem', '/echo.api/echo-api-cert.pem'],
    ['https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem', '/echo.api/echo-api-cert.pem'],
  ])('accepts %s', (url, path) => {
    expect(checkCertificateUrl(url)).toBe(path);
  });
});

describe('the order and cost of the checks', () => {
  it('checks the timestamp first: a stale or far-future request downloads nothing', async () => {
    served.set('/echo.api/chain.pem', chain(signing, intermediate));
    for (const at of [Date.now() - 151_000, Date.now() + 151_000, Date.now() - 3600_000]) {
      const raw = body(new Date(at).toISOString());
      expect(await refusal(verifier().verify(raw, headers(raw, '/echo.api/chain.pem')))).toBe(
        'stale-timestamp',
      );
    }
    const noTime = Buffer.from(JSON.stringify({ version: '1.0', request: { type: 'LaunchRequest' } }));
    expect(await refusal(verifier().verify(noTime, headers(noTime, '/echo.api/chain.pem')))).toBe(
      'no-timestamp',
    );
    expect(requested).toEqual([]);
  });

  it('refuses a request without both headers, or with a body that is not a JSON object', async () => {
    const raw = body();
    const both = headers(raw, '/echo.api/chain.pem');
    expect(await refusal(verifier().verify(raw, {}))).toBe('missing-headers');
    expect(await refusal(verifier().verify(raw, { signaturecertchainurl: both.signaturecertchainurl }))).toBe(
      'missing-headers',
    );
    expect(await refusal(verifier().verify(raw, { 'signature-256': both['signature-256'] }))).toBe(
      'missing-headers',
    );
    expect(await refusal(verifier().verify(Buffer.from('[1]'), both))).toBe('not-json');
    expect(requested).toEqual([]);
  });

  it(`stops a huge certificate download at ${MAX_CERTIFICATE_BYTES / 1024} KB, with or without a length`, async () => {
    served.set('/echo.api/huge.pem', 'huge');
    served.set('/echo.api/declared.pem', 'huge-declared');
    const rssBefore = process.memoryUsage().rss;
    hugeBytesSent = 0;
    const raw = body();
    expect(await refusal(verifier().verify(raw, headers(raw, '/echo.api/huge.pem')))).toBe('cert-too-large');
    expect(await refusal(verifier().verify(raw, headers(raw, '/echo.api/declared.pem')))).toBe(
      'cert-too-large',
    );
    // The server got to write a little (socket buffers), nowhere near its 200 MiB.
    expect(hugeBytesSent).toBeLessThan(16 * 1024 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('gives up on a certificate download that never ends after 2 s', async () => {
    served.set('/echo.api/slow.pem', 'never-ends');
    const raw = body();
    const started = Date.now();
    expect(await refusal(verifier().verify(raw, headers(raw, '/echo.api/slow.pem')))).toBe('cert-timeout');
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(1_900);
    expect(took).toBeLessThan(4_000);
  });

  it('downloads a chain once for many requests at the same time, and then serves it from the cache', async () => {
    served.set('/echo.api/chain.pem', chain(signing, intermediate));
    const v = verifier();
    const raws = Array.from({ length: 10 }, () => body());
    await Promise.all(raws.map((raw) => v.verify(raw, headers(raw, '/echo.api/chain.pem'))));
    const again = body();
    await v.verify(again, headers(again, '/echo.api/chain.pem'));
    expect(v.downloads).toBe(1);
    expect(requested).toEqual(['/echo.api/chain.pem']);
  });

  it(`keeps at most ${CERTIFICATE_CACHE_SIZE} chains, the least recently used going first`, async () => {
    const v = verifier();
    const paths = Array.from({ length: CERTIFICATE_CACHE_SIZE + 1 }, (_, i) => `/echo.api/chain-${i}.pem`);
    for (const path of paths) served.set(path, chain(signing, intermediate));
    for (const path of paths) {
      const raw = body();
      await v.verify(raw, headers(raw, path));
      if (path === paths[CERTIFICATE_CACHE_SIZE - 1]) {
        // Use the first one again: it becomes the most recently used, so chain-1 goes first.
        const raw2 = body();
        await v.verify(raw2, headers(raw2, paths[0]));
      }
    }
    expect(v.cachedChains).toBe(CERTIFICATE_CACHE_SIZE);
    expect(v.downloads).toBe(CERTIFICATE_CACHE_SIZE + 1);
    const first = body();
    await v.verify(first, headers(first, paths[0]));
    expect(v.downloads).toBe(CERTIFICATE_CACHE_SIZE + 1); // still cached
    const second = body();
    await v.verify(second, headers(second, paths[1]));
    expect(v.downloads).toBe(CERTIFICATE_CACHE_SIZE + 2); // was evicted
  });

  it('drops a cached chain when a certificate in it expires', async () => {
    const shortLived = issue('echo-api.amazon.com', intermediate, {
      dnsNames: ['echo-api.amazon.com'],
      notAfter: new Date(Date.now() + HOUR),
    });
    served.set('/echo.api/short.pem', chain(shortLived, intermediate));
    let now = Date.now();
    const v = verifier({ now: () => now });
    const raw = body(new Date(now).toISOString());
    await v.verify(raw, headers(raw, '/echo.api/short.pem', shortLived));
    now += 2 * HOUR;
    const later = body(new Date(now).toISOString());
    expect(await refusal(v.verify(later, headers(later, '/echo.api/short.pem', shortLived)))).toBe(
      'cert-dates',
    );
    expect(v.downloads).toBe(2);
  });
});

describe('the certificate chain and the signature', () => {
  it('accepts a request signed by a chain to a trusted root, and returns its envelope', async () => {
    served.set('/echo.api/chain.pem', chain(signing, intermediate));
    const raw = body();
    const envelope = (await verifier().verify(raw, headers(raw, '/echo.api/chain.pem'))) as {
      request: { type: string };
    };
    expect(envelope.request.type).toBe('LaunchRequest');
    // A chain that includes the root itself is accepted too.
    served.set('/echo.api/with-root.pem', chain(signing, intermediate, root));
    await verifier().verify(raw, headers(raw, '/echo.api/with-root.pem'));
    // Certificates after the link a trusted root signs play no part (an old cross-signed root, say).
    served.set('/echo.api/extra.pem', chain(signing, intermediate, otherRoot));
    await verifier().verify(raw, headers(raw, '/echo.api/extra.pem'));
  });

  it('refuses a body changed after signing, or signed with another key', async () => {
    served.set('/echo.api/chain.pem', chain(signing, intermediate));
    const raw = body();
    const signed = headers(raw, '/echo.api/chain.pem');
    const changed = Buffer.from(raw.toString('utf8').replace('LaunchRequest', 'LaunchRequest '));
    expect(await refusal(verifier().verify(changed, signed))).toBe('signature');
    const wrongKey = headers(raw, '/echo.api/chain.pem', intermediate);
    expect(await refusal(verifier().verify(raw, wrongKey))).toBe('signature');
    expect(await refusal(verifier().verify(raw, { ...signed, 'signature-256': 'not base64!' }))).toBe(
      'signature',
    );
  });

  it('refuses a chain that does not lead to a trusted root', async () => {
    const stranger = issue('echo-api.amazon.com', otherIntermediate, { dnsNames: ['echo-api.amazon.com'] });
    served.set('/echo.api/stranger.pem', chain(stranger, otherIntermediate));
    const raw = body();
    expect(await refusal(verifier().verify(raw, headers(raw, '/echo.api/stranger.pem', stranger)))).toBe(
      'cert-untrusted',
    );
    // Also when the untrusted root is sent along with the chain.
    served.set('/echo.api/stranger-root.pem', chain(stranger, otherIntermediate, otherRoot));
    expect(await refusal(verifier().verify(raw, headers(raw, '/echo.api/stranger-root.pem', stranger)))).toBe(
      'cert-untrusted',
    );
  });

  it('refuses a chain whose links do not sign each other', async () => {
    // The signing certificate was issued by our intermediate, but the chain offers another one.
    served.set('/echo.api/broken.pem', chain(signing, otherIntermediate));
    const raw = body();
    expect(await refusal(verifier().verify(raw, headers(raw, '/echo.api/broken.pem')))).toBe('cert-chain');
    // A leaf certificate (not a CA) cannot issue another.
    const leafIssued = issue('echo-api.amazon.com', signing, { dnsNames: ['echo-api.amazon.com'] });
    served.set('/echo.api/leaf.pem', chain(leafIssued, signing, intermediate));
    expect(await refusal(verifier().verify(raw, headers(raw, '/echo.api/leaf.pem', leafIssued)))).toBe(
      'cert-chain',
    );
    served.set('/echo.api/garbage.pem', 'not a certificate');
    expect(await refusal(verifier().verify(raw, headers(raw, '/echo.api/garbage.pem')))).toBe('cert-chain');
  });

  it('refuses a signing certificate without echo-api.amazon.com in its subject alternative names', async () => {
    const wrongName = issue('echo-api.amazon.com', intermediate, { dnsNames: ['echo-api.amazon.com.evil'] });
    const noSan = issue('echo-api.amazon.com', intermediate);
    served.set('/echo.api/wrong.pem', chain(wrongName, intermediate));
    served.set('/echo.api/none.pem', chain(noSan, intermediate));
    const raw = body();
    expect(await refusal(verifier().verify(raw, headers(raw, '/echo.api/wrong.pem', wrongName)))).toBe(
      'cert-san',
    );
    expect(await refusal(verifier().verify(raw, headers(raw, '/echo.api/none.pem', noSan)))).toBe('cert-san');
  });

  it('refuses an expired or not yet valid certificate anywhere in the chain', async () => {
    const expired = issue('echo-api.amazon.com', intermediate, {
      dnsNames: ['echo-api.amazon.com'],
      notBefore: new Date(Date.now() - 48 * HOUR),
      notAfter: new Date(Date.now() - HOUR),
    });
    const future = issue('echo-api.amazon.com', intermediate, {
      dnsNames: ['echo-api.amazon.com'],
      notBefore: new Date(Date.now() + HOUR),
      notAfter: new Date(Date.now() + 48 * HOUR),
    });
    const expiredIntermediate = issue('Verifier Test Intermediate', root, {
      ca: true,
      notBefore: new Date(Date.now() - 48 * HOUR),
      notAfter: new Date(Date.now() - HOUR),
    });
    served.set('/echo.api/expired.pem', chain(expired, intermediate));
    served.set('/echo.api/future.pem', chain(future, intermediate));
    const underOldCa = issue('echo-api.amazon.com', expiredIntermediate, {
      dnsNames: ['echo-api.amazon.com'],
    });
    served.set('/echo.api/old-ca.pem', chain(underOldCa, expiredIntermediate));
    const raw = body();
    expect(await refusal(verifier().verify(raw, headers(raw, '/echo.api/expired.pem', expired)))).toBe(
      'cert-dates',
    );
    expect(await refusal(verifier().verify(raw, headers(raw, '/echo.api/future.pem', future)))).toBe(
      'cert-dates',
    );
    expect(await refusal(verifier().verify(raw, headers(raw, '/echo.api/old-ca.pem', underOldCa)))).toBe(
      'cert-dates',
    );
  });
});
