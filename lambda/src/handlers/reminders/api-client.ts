/**
 * The HTTP client ask-sdk's service clients (Reminders API, device settings) call through. Like
 * ask-sdk's DefaultApiClient (node's http/https, any status resolved for the service client to
 * judge), with two bounds DefaultApiClient lacks: a request that has not finished within
 * `timeoutMs` is aborted (its socket closed, so a hung API leaves nothing open behind the turn), and
 * an answer larger than `maxBytes` is cut off and refused.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { services } from 'ask-sdk-model';

export class BoundedApiClient implements services.ApiClient {
  constructor(
    private readonly timeoutMs: number,
    private readonly maxBytes = 256 * 1024,
  ) {}

  invoke(request: services.ApiClientRequest): Promise<services.ApiClientResponse> {
    return new Promise((resolve, reject) => {
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        reject(new Error('invalid API URL'));
        return;
      }
      const headers: Record<string, string[]> = {};
      for (const { key, value } of request.headers) (headers[key] ??= []).push(value);
      const client = url.protocol === 'https:' ? https : http;
      const outgoing = client.request(
        url,
        { method: request.method, headers, signal: AbortSignal.timeout(this.timeoutMs) },
        (incoming) => {
          const chunks: Buffer[] = [];
          let size = 0;
          incoming.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > this.maxBytes) {
              outgoing.destroy(new Error(`API answer larger than ${this.maxBytes} bytes`));
              return;
            }
            chunks.push(chunk);
          });
          incoming.on('error', reject);
          incoming.on('end', () => {
            const responseHeaders: Array<{ key: string; value: string }> = [];
            for (const [key, value] of Object.entries(incoming.headers)) {
              for (const one of Array.isArray(value) ? value : [value ?? ''])
                responseHeaders.push({ key, value: one });
            }
            resolve({
              statusCode: incoming.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              headers: responseHeaders,
            });
          });
        },
      );
      outgoing.on('error', reject);
      if (request.body) outgoing.write(request.body);
      outgoing.end();
    });
  }
}
