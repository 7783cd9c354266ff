/**
 * Checks that a request to POST /alexa was sent by Alexa, as "Host a custom skill as a web service"
 * asks, with Node's own X.509 and crypto (no node-forge), strictly and with bounded work:
 *
 * 1. The body is a JSON object whose `request.timestamp` is within 150 s of now. This comes first,
 *    so a stale or replayed request costs no certificate work at all.
 * 2. The `SignatureCertChainUrl` and `Signature-256` headers are present (once each).
 * 3. The URL is Amazon's: scheme `https`, host `s3.amazonaws.com` (any case), port 443 if given,
 *    path starting `/echo.api/` (case sensitive). A URL with dot segments (`/../`, `/./`), a
 *    percent-encoded dot or slash, a backslash, user info, a query or a fragment is refused as it
 *    stands rather than normalised: Amazon never sends one, and nothing is fetched for it.
 * 4. The chain comes from a bounded cache (16 chains, least recently used go first, each dropped when
 *    any of its certificates expires), or is downloaded: at most 64 KB and 2 s, one download per URL
 *    at a time.
 * 5. A downloaded chain must have `echo-api.amazon.com` in the signing certificate's subject
 *    alternative names, and chain, certificate by certificate (issuer name, signature, CA flag,
 *    each within its dates), from the signing certificate to a root in the trusted store (Node's
 *    bundled roots, also within its dates).
 * 6. `Signature-256` is the base64 RSA-SHA256 signature of the exact bytes of the body.
 *
 * Every refusal is a `VerificationError` with a short fixed code (for the log); nothing from the
 * headers or the body is echoed in it.
 */
import { X509Certificate, verify as verifySignature, type KeyObject } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import tls from 'tls';

export const TIMESTAMP_TOLERANCE_MS = 150_000;
export const MAX_CERTIFICATE_BYTES = 64 * 1024;
export const CERTIFICATE_DOWNLOAD_TIMEOUT_MS = 2_000;
export const CERTIFICATE_CACHE_SIZE = 16;
export const CERT_CHAIN_HOST = 's3.amazonaws.com';
export const CERT_CHAIN_PATH_PREFIX = '/echo.api/';
export const SIGNING_DOMAIN = 'echo-api.amazon.com';
/** At most this many certificates in a chain (Amazon's has 3 or 4). */
const MAX_CHAIN_LENGTH = 6;

export type VerificationFailure =
  | 'not-json'
  | 'no-timestamp'
  | 'stale-timestamp'
  | 'missing-headers'
  | 'cert-url'
  | 'cert-download'
  | 'cert-too-large'
  | 'cert-timeout'
  | 'cert-chain'
  | 'cert-dates'
  | 'cert-san'
  | 'cert-untrusted'
  | 'signature';

export class VerificationError extends Error {
  constructor(readonly code: VerificationFailure) {
    super(`request verification failed: ${code}`);
    this.name = 'VerificationError';
  }
}

export interface VerifierOptions {
  /**
   * Where a chain URL that passed the rules is downloaded from: its path on this origin. Production
   * uses Amazon's (`https://s3.amazonaws.com`); tests serve certificates from 127.0.0.1. The rules of
   * step 3 are always checked against Amazon's URL, whatever this is.
   */
  certificateOrigin?: string;
  /** Trusted root certificates (PEM), read at each validation; Node's bundled roots by default. */
  trustedRoots?: () => readonly string[];
  /** The current time (for tests of expiry). */
  now?: () => number;
  maxCertificateBytes?: number;
  downloadTimeoutMs?: number;
  cacheSize?: number;
}

interface CachedChain {
  publicKey: KeyObject;
  /** When the first certificate of the chain to expire does, in ms since the epoch. */
  expiresAt: number;
}

/** The parsed envelope when the request is Alexa's; throws a VerificationError otherwise. */
export class AlexaRequestVerifier {
  private readonly origin: URL;
  private readonly roots: () => readonly string[];
  private readonly now: () => number;
  private readonly maxBytes: number;
  private readonly timeoutMs: number;
  private readonly cacheSize: number;
  /** Validated chains by URL; a Map keeps insertion order, so the first key is the least recently used. */
  private readonly cache = new Map<string, CachedChain>();
  private readonly inFlight = new Map<string, Promise<CachedChain>>();
  private readonly parsedRoots = new Map<string, X509Certificate | null>();
  /** How many downloads were started (for tests and the bench). */
  downloads = 0;

  constructor(options: VerifierOptions = {}) {
    this.origin = new URL(options.certificateOrigin ?? `https://${CERT_CHAIN_HOST}`);
    this.roots = options.trustedRoots ?? (() => tls.rootCertificates);
    this.now = options.now ?? Date.now;
    this.maxBytes = options.maxCertificateBytes ?? MAX_CERTIFICATE_BYTES;
    this.timeoutMs = options.downloadTimeoutMs ?? CERTIFICATE_DOWNLOAD_TIMEOUT_MS;
    this.cacheSize = options.cacheSize ?? CERTIFICATE_CACHE_SIZE;
  }

  /** Number of validated chains held. */
  get cachedChains(): number {
    return this.cache.size;
  }

  async verify(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): Promise<unknown> {
    const envelope = parseJsonObject(rawBody);
    checkTimestamp(envelope, this.now());
    const certUrl = singleHeader(headers, 'signaturecertchainurl');
    const signature = singleHeader(headers, 'signature-256');
    if (certUrl === undefined || signature === undefined) throw new VerificationError('missing-headers');
    const path = checkCertificateUrl(certUrl);
    const chain = await this.chainFor(path);
    const signatureBytes = decodeBase64(signature);
    let valid: boolean;
    try {
      valid = verifySignature('sha256', rawBody, chain.publicKey, signatureBytes);
    } catch {
      valid = false;
    }
    if (!valid) throw new VerificationError('signature');
    return envelope;
  }

  private async chainFor(path: string): Promise<CachedChain> {
    const cached = this.cache.get(path);
    if (cached) {
      this.cache.delete(path);
      if (cached.expiresAt > this.now()) {
        this.cache.set(path, cached);
        return cached;
      }
    }
    let pending = this.inFlight.get(path);
    if (!pending) {
      pending = this.download(path)
        .then((pem) => this.validate(pem))
        .finally(() => this.inFlight.delete(path));
      this.inFlight.set(path, pending);
    }
    const chain = await pending;
    if (!this.cache.has(path)) {
      this.cache.set(path, chain);
      while (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
    }
    return chain;
  }

  private download(path: string): Promise<string> {
    this.downloads++;
    const url = new URL(path, this.origin);
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let received = 0;
      let settled = false;
      const finish = (error: VerificationError | undefined, text?: string): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) {
          request.destroy();
          reject(error);
        } else resolve(text ?? '');
      };
      const request = client.get(url, { headers: { accept: 'application/x-pem-file, */*' } }, (res) => {
        const length = Number(res.headers['content-length']);
        if (res.statusCode !== 200) return finish(new VerificationError('cert-download'));
        if (Number.isFinite(length) && length > this.maxBytes)
          return finish(new VerificationError('cert-too-large'));
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > this.maxBytes) finish(new VerificationError('cert-too-large'));
          else chunks.push(chunk);
        });
        res.on('end', () => finish(undefined, Buffer.concat(chunks).toString('utf8')));
        res.on('error', () => finish(new VerificationError('cert-download')));
      });
      request.on('error', () => finish(new VerificationError('cert-download')));
      const timer = setTimeout(() => finish(new VerificationError('cert-timeout')), this.timeoutMs);
    });
  }

  private validate(pem: string): CachedChain {
    const blocks = pem.match(/-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g) ?? [];
    if (blocks.length === 0 || blocks.length > MAX_CHAIN_LENGTH) throw new VerificationError('cert-chain');
    let chain: X509Certificate[];
    try {
      chain = blocks.map((block) => new X509Certificate(block));
    } catch {
      throw new VerificationError('cert-chain');
    }
    const now = this.now();
    const signing = chain[0];
    const names = (signing.subjectAltName ?? '').split(/,\s*/);
    if (!names.includes(`DNS:${SIGNING_DOMAIN}`)) throw new VerificationError('cert-san');
    // Walk up from the signing certificate until a trusted root signs one (or is one). Each
    // certificate on the way must be current and signed by the next one in the chain, a CA.
    const roots = this.trustedRoots();
    let expiresAt = Infinity;
    for (let i = 0; ; i++) {
      const cert = chain[i];
      if (!isCurrent(cert, now)) throw new VerificationError('cert-dates');
      expiresAt = Math.min(expiresAt, Date.parse(cert.validTo));
      if (roots.some((root) => root.fingerprint256 === cert.fingerprint256)) break;
      const root = roots.find((candidate) => isCurrent(candidate, now) && issuedBy(cert, candidate));
      if (root) {
        expiresAt = Math.min(expiresAt, Date.parse(root.validTo));
        break;
      }
      const next = chain[i + 1];
      if (!next) throw new VerificationError('cert-untrusted');
      if (!issuedBy(cert, next)) throw new VerificationError('cert-chain');
    }
    return { publicKey: signing.publicKey, expiresAt };
  }

  private trustedRoots(): X509Certificate[] {
    const roots: X509Certificate[] = [];
    for (const pem of this.roots()) {
      let parsed = this.parsedRoots.get(pem);
      if (parsed === undefined) {
        try {
          parsed = new X509Certificate(pem);
        } catch {
          parsed = null;
        }
        this.parsedRoots.set(pem, parsed);
      }
      if (parsed) roots.push(parsed);
    }
    return roots;
  }
}

/** `cert` was issued and signed by `issuer`, a CA certificate. */
function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return issuer.ca && cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function isCurrent(cert: X509Certificate, now: number): boolean {
  const from = Date.parse(cert.validFrom);
  const to = Date.parse(cert.validTo);
  return Number.isFinite(from) && Number.isFinite(to) && from <= now && now <= to;
}

function parseJsonObject(rawBody: Buffer): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new VerificationError('not-json');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new VerificationError('not-json');
  return parsed as Record<string, unknown>;
}

function checkTimestamp(envelope: Record<string, unknown>, now: number): void {
  const request = envelope.request as { timestamp?: unknown } | undefined;
  const timestamp = typeof request === 'object' && request !== null ? request.timestamp : undefined;
  if (typeof timestamp !== 'string' || timestamp.length > 40) throw new VerificationError('no-timestamp');
  const at = Date.parse(timestamp);
  if (!Number.isFinite(at)) throw new VerificationError('no-timestamp');
  if (Math.abs(now - at) > TIMESTAMP_TOLERANCE_MS) throw new VerificationError('stale-timestamp');
}

function singleHeader(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = headers[name];
  if (typeof value !== 'string' || value === '' || value.length > 2048) return undefined;
  return value;
}

function decodeBase64(value: string): Buffer {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length > 4096) throw new VerificationError('signature');
  return Buffer.from(value, 'base64');
}

/**
 * Checks a SignatureCertChainUrl against Amazon's rules and returns its path (to fetch from the
 * certificate origin), or throws 'cert-url'. The text is checked as sent, before any URL parser
 * can normalise a dot segment or decode an escape away.
 */
export function checkCertificateUrl(text: string): string {
  const refuse = (): never => {
    throw new VerificationError('cert-url');
  };
  // Printable ASCII only: no spaces, controls, backslashes or non-ASCII look-alikes.
  if (!/^[\x21-\x7e]+$/.test(text) || text.includes('\\')) refuse();
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(\/[^?#]*)$/.exec(text);
  if (!match) refuse();
  const [, scheme, authority, path] = match as RegExpExecArray;
  if (scheme.toLowerCase() !== 'https') refuse();
  const hostPort = /^([A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(authority);
  if (!hostPort) refuse(); // user info, IPv6 literals, empty host
  const [, host, port] = hostPort as RegExpExecArray;
  if (host.toLowerCase() !== CERT_CHAIN_HOST) refuse();
  if (port !== undefined && Number(port) !== 443) refuse();
  if (!path.startsWith(CERT_CHAIN_PATH_PREFIX)) refuse();
  if (path.includes('%')) refuse(); // an escaped dot, slash or anything else: Amazon's paths have none
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) refuse();
  if (path.includes('//')) refuse();
  return path;
}
