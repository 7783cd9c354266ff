/** The file store used by `npm start`: one JSON file per user, written atomically. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { translatorFor } from '../../lambda/src/i18n';
import { FilePersistenceAdapter, QUARANTINE_MS } from '../../lambda/src/persistence/file';
import { buildSkill } from '../../lambda/src/skill';
import { launchRequest } from '../../simulator/envelope';
import { Conversation } from '../support/conversation';
import { exitWithin, runServer } from '../support/server-process';

const folders: string[] = [];
function folder(): string {
  const made = mkdtempSync(path.join(os.tmpdir(), 'ppg-file-store-'));
  folders.push(made);
  return made;
}
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

const request = launchRequest({ userId: 'amzn1.ask.account.FILE-USER' });

describe('FilePersistenceAdapter', () => {
  it('saves, reads back and deletes, in a file that does not show the user id', async () => {
    const dir = folder();
    const store = new FilePersistenceAdapter(dir);
    expect(await store.getAttributes(request)).toEqual({});
    await store.saveAttributes(request, { welcomed: true });
    expect(await store.getAttributes(request)).toEqual({ welcomed: true });
    const files = readdirSync(dir);
    expect(files).toHaveLength(1); // no temporary file left behind
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.json$/);
    await store.deleteAttributes(request);
    expect(await store.getAttributes(request)).toEqual({});
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never leaves a torn record when the process is killed mid-write', async () => {
    const dir = folder();
    for (const killAfterMs of [150, 400, 700]) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(__dirname, 'fixtures/save-forever.ts'), dir],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const exited = new Promise((resolve) => child.on('exit', resolve));
      let printed = '';
      child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      // Wait for the first completed save, then kill at a moment unrelated to the writes.
      await new Promise<void>((resolve, reject) => {
        const check = setInterval(() => {
          if (printed.includes('\n')) {
            clearInterval(check);
            resolve();
          }
        }, 5);
        void exited.then(() => reject(new Error('the writer exited before its first save')));
      });
      await new Promise((r) => setTimeout(r, killAfterMs));
      child.kill('SIGKILL');
      await exited;
      const lastConfirmed = Math.max(...printed.trim().split('\n').map(Number));

      const store = new FilePersistenceAdapter(dir);
      const record = await store.getAttributes(launchRequest({ userId: 'amzn1.ask.account.CRASH' }));
      // The record on disk is whole: the last confirmed save or the one after it, never a mix.
      expect([lastConfirmed, lastConfirmed + 1]).toContain(record.n);
      expect(record.history).toHaveLength(4000);
      expect((record.history as string[]).every((h) => h.startsWith(`${String(record.n)}-`))).toBe(true);
      expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    }
    // What the killed writes left behind (temporary files) is swept when a host starts.
    await new FilePersistenceAdapter(dir).checkReady({ staleTempAfterMs: 0 });
    expect(readdirSync(dir).filter((f) => !f.endsWith('.json'))).toEqual([]);
  });

  it('moves an unreadable file aside, keeps its bytes, and lets the user save again', async () => {
    const dir = folder();
    const store = new FilePersistenceAdapter(dir);
    await store.saveAttributes(request, { welcomed: true });
    const [file] = readdirSync(dir);
    writeFileSync(path.join(dir, file), '{"welcomed": tr');
    expect(await store.getAttributes(request)).toEqual({});
    const aside = readdirSync(dir).find((f) => f.includes('.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(path.join(dir, aside as string), 'utf8')).toBe('{"welcomed": tr');
    await store.saveAttributes(request, { welcomed: true });
    expect(await store.getAttributes(request)).toEqual({ welcomed: true });
  });

  it('checkReady creates the folder, and names a folder it cannot write', async () => {
    const dir = path.join(folder(), 'nested', 'data');
    await expect(new FilePersistenceAdapter(dir).checkReady()).resolves.toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
    const blocker = path.join(folder(), 'plain-file');
    writeFileSync(blocker, '');
    await expect(new FilePersistenceAdapter(path.join(blocker, 'data')).checkReady()).rejects.toThrow(
      /DATA_DIR ".*plain-file.data" is not a writable folder/,
    );
  });
});

describe('quarantined copies of unreadable records', () => {
  const t = translatorFor('en-US');

  it('"forget my information" deletes them too, health data included', async () => {
    const dir = folder();
    const userId = 'amzn1.ask.account.QUARANTINE';
    const talk = new Conversation(buildSkill({ persistenceAdapter: new FilePersistenceAdapter(dir) }), {
      userId,
    });
    await talk.launch();
    await talk.utter('remember that I take warfarin');
    await talk.utter('yes');
    const [file] = readdirSync(dir);
    // A tool (or a half-finished manual edit) leaves the record unreadable, health data inside.
    const torn = readFileSync(path.join(dir, file), 'utf8').slice(0, -3);
    expect(torn).toContain('blood-thinners');
    writeFileSync(path.join(dir, file), torn);
    talk.newSession();
    await talk.launch(); // reads it, sets it aside, starts afresh
    expect(readdirSync(dir).some((f) => f.includes('.corrupt-'))).toBe(true);

    await talk.utter('forget my information');
    expect((await talk.utter('yes')).speech).toBe(t('safety.forget.done'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('expire after 7 days: deleted at start (and every hour while running)', async () => {
    const dir = folder();
    const now = Date.now();
    const hash = 'a'.repeat(64);
    const old = `${hash}.json.corrupt-${now - QUARANTINE_MS - 60_000}`;
    const recent = `${hash}.json.corrupt-${now - QUARANTINE_MS + 60_000}`;
    writeFileSync(path.join(dir, old), '{"health": {"conditions": ["pregnancy"]');
    writeFileSync(path.join(dir, recent), '{"welcomed": tr');
    // A rename keeps the file's own time, so the age comes from the name, not from mtime.
    utimesSync(path.join(dir, recent), new Date(0), new Date(0));
    await new FilePersistenceAdapter(dir).checkReady({ now });
    expect(readdirSync(dir)).toEqual([recent]);
  });
});

describe('start-up checks that cannot hang', () => {
  it('a DATA_DIR under /proc fails with a clear error, not a spin', async () => {
    const started = Date.now();
    await expect(new FilePersistenceAdapter('/proc/ppg-data/users').checkReady()).rejects.toThrow(
      /DATA_DIR "\/proc\/ppg-data\/users" is not a writable folder \(ENOENT\)/,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('npm start with DATA_DIR under /proc exits 1 with one line within 5 s', async () => {
    const started = Date.now();
    const server = runServer({ DATA_DIR: '/proc/ppg-data' });
    const code = await exitWithin(server, 5000);
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
    const errors = server.logs.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ event: 'server.storage_not_ready' });
    expect(String(errors[0].message)).toMatch(/DATA_DIR "\/proc\/ppg-data" is not a writable folder/);
  }, 15_000);
});
