/**
 * Signs requests the way Alexa does, with a test certificate chain, so the server's real request
 * verifier (server/verifier.ts) can check them end to end offline:
 *
 * - a test root CA, an intermediate CA, and a signing certificate for echo-api.amazon.com (the
 *   subject alternative name the verifier requires), valid from an hour ago for a day;
 * - an HTTPS server on 127.0.0.1 that plays s3.amazonaws.com and serves the chain at
 *   /echo.api/test-signing.pem (certificate for s3.amazonaws.com, from the same test root);
 * - an https agent that routes s3.amazonaws.com:443 to that server and trusts the test root.
 *
 * The verifier then does everything it does in production: checks the URL, downloads the chain over
 * TLS, checks dates, the SAN and the chain of trust up to a root it trusts, and the RSA-SHA256
 * signature of the exact body. The one thing a test must add is the test root to the roots the
 * verifier trusts (`tls.rootCertificates`); see the `tls` mock in test/server/app.test.ts.
 *
 * Certificates are built with node-forge (from ask-sdk-express-adapter's dependencies); the verifier
 * reads them with Node's own X509Certificate, so the two sides share no parsing code.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';

/** The few node-forge calls used here (node-forge ships no types). */
interface ForgeCertificate {
  publicKey: unknown;
  serialNumber: string;
  validity: { notBefore: Date; notAfter: Date };
  setSubject(attrs: { name: string; value: string }[]): void;
  setIssuer(attrs: { name: string; value: string }[]): void;
  setExtensions(exts: Record<string, unknown>[]): void;
  sign(key: unknown, md: unknown): void;
}
interface Forge {
  pki: {
    createCertificate(): ForgeCertificate;
    privateKeyFromPem(pem: string): unknown;
    publicKeyFromPem(pem: string): unknown;
    certificateToPem(cert: ForgeCertificate): string;
  };
  md: { sha256: { create(): unknown } };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const forge = require('node-forge') as Forge;

export interface Issued {
  pem: string;
  keyPem: string;
  cert: ForgeCertificate;
  name: { name: string; value: string }[];
}

let serial = 1;

/** Issues a test certificate (self-signed when `issuer` is undefined). */
export function issue(
  commonName: string,
  issuer: Issued | undefined,
  options: { ca?: boolean; dnsNames?: string[]; notBefore?: Date; notAfter?: Date } = {},
): Issued {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = (serial++).toString(16).padStart(2, '0');
  cert.validity.notBefore = options.notBefore ?? new Date(Date.now() - 3600_000);
  cert.validity.notAfter = options.notAfter ?? new Date(Date.now() + 24 * 3600_000);
  const name = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Pressure Point Guide tests' },
  ];
  cert.setSubject(name);
  cert.setIssuer(issuer ? issuer.name : name);
  const extensions: Record<string, unknown>[] = [
    { name: 'basicConstraints', cA: options.ca === true, critical: true },
    options.ca
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
  ];
  if (options.dnsNames)
    extensions.push({
      name: 'subjectAltName',
      altNames: options.dnsNames.map((value) => ({ type: 2, value })),
    });
  cert.setExtensions(extensions);
  cert.sign(forge.pki.privateKeyFromPem(issuer ? issuer.keyPem : privateKey), forge.md.sha256.create());
  return { pem: forge.pki.certificateToPem(cert), keyPem: privateKey, cert, name };
}

export const CERT_PATH = '/echo.api/test-signing.pem';
export const CERT_URL = `https://s3.amazonaws.com${CERT_PATH}`;

export interface AlexaSigner {
  /** The test root CA, to be trusted by the verifier. */
  rootPem: string;
  /** Headers Alexa would send with this exact body. */
  headers(body: string, certUrl?: string): Record<string, string>;
  /** Routes https requests for s3.amazonaws.com to the local server; returns a function that undoes it. */
  routeS3ToLoopback(): () => void;
  /** How many times the chain was downloaded (the verifier caches it per URL). */
  readonly downloads: number;
  /** Every path requested from the local s3.amazonaws.com, and every other host a connection was tried to. */
  readonly requestedPaths: string[];
  readonly otherHostsTried: string[];
  close(): Promise<void>;
}

export async function startAlexaSigner(): Promise<AlexaSigner> {
  const root = issue('Pressure Point Guide Test Root CA', undefined, { ca: true });
  const intermediate = issue('Pressure Point Guide Test Intermediate CA', root, { ca: true });
  const signing = issue('echo-api.amazon.com', intermediate, { dnsNames: ['echo-api.amazon.com'] });
  const s3 = issue('s3.amazonaws.com', root, { dnsNames: ['s3.amazonaws.com'] });
  const chain = `${signing.pem}\n${intermediate.pem}`;

  let downloads = 0;
  const requestedPaths: string[] = [];
  const otherHostsTried: string[] = [];
  const server = https.createServer({ key: s3.keyPem, cert: s3.pem }, (req, res) => {
    requestedPaths.push(req.url ?? '');
    if (req.method === 'GET' && req.url === CERT_PATH) {
      downloads++;
      res.writeHead(200, { 'content-type': 'application/x-pem-file' }).end(chain);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  class LoopbackS3Agent extends https.Agent {
    override createConnection(options: https.RequestOptions): Duplex {
      if (options.host !== 's3.amazonaws.com' && options.hostname !== 's3.amazonaws.com') {
        otherHostsTried.push(String(options.host));
        throw new Error(`test agent: refusing to connect to ${String(options.host)}`);
      }
      return tls.connect({ host: '127.0.0.1', port, servername: 's3.amazonaws.com', ca: [root.pem] });
    }
  }

  return {
    rootPem: root.pem,
    headers(body, certUrl = CERT_URL) {
      return {
        'content-type': 'application/json; charset=utf-8',
        signaturecertchainurl: certUrl,
        'signature-256': sign('sha256', Buffer.from(body, 'utf8'), signing.keyPem).toString('base64'),
      };
    },
    routeS3ToLoopback() {
      const previous = https.globalAgent;
      const agent = new LoopbackS3Agent({ keepAlive: false });
      https.globalAgent = agent;
      return () => {
        https.globalAgent = previous;
        agent.destroy();
      };
    },
    get downloads() {
      return downloads;
    },
    requestedPaths,
    otherHostsTried,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
