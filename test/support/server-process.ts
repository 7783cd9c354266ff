/**
 * Runs the built server (`dist/server.js`, what `npm start` runs) as a child process on
 * 127.0.0.1 with an ephemeral port, and collects its structured log lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BUILD } from '../../scripts/build-output';

export const SERVER_BUNDLE = BUILD.server;

export interface ServerProcess {
  child: ChildProcess;
  /** Parsed JSON log lines from stdout and stderr, in arrival order. */
  logs: Record<string, unknown>[];
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  /** Resolves with the first log line with this event (rejects if the process exits first). */
  waitFor(event: string): Promise<Record<string, unknown>>;
}

export function runServer(env: Record<string, string>): ServerProcess {
  if (!existsSync(SERVER_BUNDLE))
    throw new Error('dist/server.js is missing: run npm run build (npm test does)');
  const child = spawn(process.execPath, [SERVER_BUNDLE], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const waiters: { event: string; resolve: (line: Record<string, unknown>) => void }[] = [];
  const onData = (buffered: { text: string }) => (chunk: Buffer) => {
    buffered.text += chunk.toString('utf8');
    let newline;
    while ((newline = buffered.text.indexOf('\n')) >= 0) {
      const line = buffered.text.slice(0, newline);
      buffered.text = buffered.text.slice(newline + 1);
      if (!line.trim()) continue;
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line) as Record<string, unknown>;
      } catch {
        record = { event: 'unstructured', text: line };
      }
      logs.push(record);
      for (const waiter of waiters.filter((w) => w.event === record.event)) waiter.resolve(record);
    }
  };
  child.stdout?.on('data', onData({ text: '' }));
  child.stderr?.on('data', onData({ text: '' }));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    logs,
    exited,
    waitFor(event) {
      const seen = logs.find((l) => l.event === event);
      if (seen) return Promise.resolve(seen);
      return Promise.race([
        new Promise<Record<string, unknown>>((resolve) => waiters.push({ event, resolve })),
        exited.then((code) => {
          throw new Error(`server exited (${code}) before "${event}": ${JSON.stringify(logs)}`);
        }),
      ]);
    },
  };
}

/** The server's exit code if it exits within `ms`; otherwise it is killed and this says so. */
export async function exitWithin(
  server: ServerProcess,
  ms: number,
): Promise<number | null | 'still running'> {
  const code = await Promise.race([
    server.exited,
    new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms)),
  ]);
  if (code === 'still running') server.child.kill('SIGKILL');
  return code;
}
