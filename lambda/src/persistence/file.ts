import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { log } from '../log';
import { raceSignal, type ReadinessCheck, type StoredRecord, type VersionedStore } from './types';
import { userKey } from './user-key';

/** A quarantined (unreadable) record is deleted this long after it was set aside. */
export const QUARANTINE_MS = 7 * 24 * 60 * 60 * 1000;
/** A lock file older than this was left by a crashed process and is broken. */
const STALE_LOCK_MS = 10_000;
/** The start-up check fails rather than wait longer than this (a hung disk must not hang start). */
const READY_TIMEOUT_MS = 4000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;
const NO_SIGNAL = new AbortController().signal;

/**
 * One JSON file per user under a directory, for local and self-hosted runs. File names are a hash
 * of the user id (ids are long and not file-name safe, and the folder listing should not show them).
 *
 * A file holds `{ "version": n, "attributes": {…} }`; a plain record (older versions) reads as
 * version 0. Writes are conditional (see user-store.ts): under a per-user lock file
 * (`<name>.lock`, created exclusively, so it also works between processes sharing the folder) the
 * stored version is compared with the one the writer read, and a stale writer gets `false`.
 *
 * Writes are atomic: the record goes to a temporary file in the same folder, which is flushed to
 * disk and then renamed over the old one (rename is atomic on one file system), and the folder is
 * flushed so the rename itself survives a power cut. A crash at any point leaves either the old
 * record or the new one, never a torn file. A file that cannot be parsed (from a tool or an older
 * version) is moved aside as `<name>.corrupt-<time>` and logged, so the user can go on saving and
 * the bytes are kept for a person to look at, for 7 days: copies older than that are deleted at
 * start and every hour after, and "forget my information" deletes them at once.
 */
export class FilePersistenceAdapter implements PersistenceAdapter, ReadinessCheck, VersionedStore {
  private folderReady = false;
  private sweeper?: NodeJS.Timeout;

  constructor(private readonly directory: string) {}

  private fileFor(requestEnvelope: RequestEnvelope): string {
    const hash = createHash('sha256').update(userKey(requestEnvelope)).digest('hex');
    return path.join(this.directory, `${hash}.json`);
  }

  /**
   * Creates the folder if needed, proves it is writable, removes temporary files and locks left by
   * writes that a crash interrupted (older than a minute, so another process's write in progress
   * is safe) and quarantined copies past their 7 days. Gives up with a clear error after 4 s.
   */
  async checkReady(options: { staleTempAfterMs?: number; now?: number } = {}): Promise<void> {
    const timeout = new Promise<never>((_, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer within 4 s')), READY_TIMEOUT_MS);
      timer.unref();
    });
    try {
      await Promise.race([this.prepare(options), timeout]);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message ?? 'error';
      throw new Error(`DATA_DIR "${this.directory}" is not a writable folder (${code}).`, { cause: error });
    }
    if (!this.sweeper) {
      this.sweeper = setInterval(() => {
        this.sweep().catch((error: unknown) => log.warn('storage.sweep_failed', { error: String(error) }));
      }, SWEEP_EVERY_MS);
      this.sweeper.unref();
    }
  }

  private async prepare(options: { staleTempAfterMs?: number; now?: number }): Promise<void> {
    await this.ensureFolder();
    const probe = path.join(this.directory, `.probe-${randomBytes(6).toString('hex')}`);
    await fs.writeFile(probe, '');
    await fs.rm(probe, { force: true });
    await this.sweep(options);
  }

  /** Deletes crash leftovers and quarantined copies past their time. */
  async sweep(options: { staleTempAfterMs?: number; now?: number } = {}): Promise<void> {
    const now = options.now ?? Date.now();
    const cutoff = now - (options.staleTempAfterMs ?? 60_000);
    for (const name of await fs.readdir(this.directory)) {
      const file = path.join(this.directory, name);
      if (name.endsWith('.tmp') || name.endsWith('.lock')) {
        const stat = await fs.stat(file).catch(() => undefined);
        if (stat && stat.mtimeMs <= cutoff) await fs.rm(file, { force: true });
      } else if (quarantineExpired(name, now)) {
        await fs.rm(file, { force: true });
      }
    }
  }

  /**
   * Creates the folder one level at a time. (`fs.mkdir` with `recursive: true` spins forever on a
   * path where mkdir answers ENOENT under an existing parent, such as anything under /proc.)
   */
  private async ensureFolder(): Promise<void> {
    if (this.folderReady) return;
    const missing: string[] = [];
    let at = this.directory;
    for (;;) {
      try {
        const stat = await fs.stat(at);
        if (!stat.isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR' });
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        const parent = path.dirname(at);
        if (parent === at) throw error;
        missing.unshift(at);
        at = parent;
      }
    }
    for (const folder of missing) {
      try {
        await fs.mkdir(folder, { mode: 0o700 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    this.folderReady = true;
  }

  async read(requestEnvelope: RequestEnvelope, signal: AbortSignal = NO_SIGNAL): Promise<StoredRecord> {
    return raceSignal(this.readFile(this.fileFor(requestEnvelope), signal), signal);
  }

  private async readFile(file: string, signal: AbortSignal): Promise<StoredRecord> {
    let text: string;
    try {
      text = await fs.readFile(file, { encoding: 'utf8', signal });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { record: {}, version: 0 };
      throw error;
    }
    const stored = parseStored(text);
    if (stored) return stored;
    const aside = `${file}.corrupt-${Date.now()}`;
    try {
      await fs.rename(file, aside);
      log.warn('storage.file_corrupt', { movedTo: path.basename(aside) });
    } catch (error) {
      // Another request moved it aside first.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return { record: {}, version: 0 };
  }

  async write(
    requestEnvelope: RequestEnvelope,
    record: Record<string, unknown>,
    expected: number,
    signal: AbortSignal = NO_SIGNAL,
  ): Promise<boolean> {
    const file = this.fileFor(requestEnvelope);
    return raceSignal(
      this.locked(file, signal, async () => {
        const stored = await this.readFile(file, signal);
        if (stored.version !== expected) return false;
        await this.replace(file, { version: expected + 1, attributes: record }, signal);
        return true;
      }),
      signal,
    );
  }

  /** Deletes the user's record and every quarantined copy of it. */
  async remove(requestEnvelope: RequestEnvelope, signal: AbortSignal = NO_SIGNAL): Promise<void> {
    const file = this.fileFor(requestEnvelope);
    await raceSignal(
      this.locked(file, signal, async () => {
        await fs.rm(file, { force: true });
        const prefix = `${path.basename(file)}.corrupt-`;
        for (const name of await fs.readdir(this.directory)) {
          if (name.startsWith(prefix)) await fs.rm(path.join(this.directory, name), { force: true });
        }
        await syncDirectory(this.directory);
      }),
      signal,
    );
  }

  // The ask-sdk PersistenceAdapter interface (the simulator's "forget", other tools).

  async getAttributes(requestEnvelope: RequestEnvelope): Promise<Record<string, unknown>> {
    return (await this.read(requestEnvelope)).record;
  }

  /** Replaces the record unconditionally, still moving its version on so conditional writers notice. */
  async saveAttributes(requestEnvelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const file = this.fileFor(requestEnvelope);
    await this.locked(file, NO_SIGNAL, async () => {
      const { version } = await this.readFile(file, NO_SIGNAL);
      await this.replace(file, { version: version + 1, attributes }, NO_SIGNAL);
    });
  }

  async deleteAttributes(requestEnvelope: RequestEnvelope): Promise<void> {
    await this.remove(requestEnvelope);
  }

  /** Writes the file atomically; an aborted write is never renamed into place. */
  private async replace(file: string, content: unknown, signal: AbortSignal): Promise<void> {
    await this.ensureFolder();
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await fs.open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(content));
        await handle.sync();
      } finally {
        await handle.close();
      }
      signal.throwIfAborted();
      await fs.rename(temp, file);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    await syncDirectory(this.directory);
  }

  /** Runs `work` holding the user's lock file; waits for another holder until the signal aborts. */
  private async locked<T>(file: string, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    await this.ensureFolder();
    const lock = `${file}.lock`;
    for (let wait = 1; ; wait = Math.min(wait * 2, 20)) {
      signal.throwIfAborted();
      try {
        await (await fs.open(lock, 'wx', 0o600)).close();
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const stat = await fs.stat(lock).catch(() => undefined);
        if (stat && Date.now() - stat.mtimeMs > STALE_LOCK_MS) await fs.rm(lock, { force: true });
        else await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
    try {
      return await work();
    } finally {
      await fs.rm(lock, { force: true });
    }
  }
}

function parseStored(text: string): StoredRecord | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(parsed)) return undefined;
  const { version, attributes } = parsed;
  if (Object.keys(parsed).length === 2 && isObject(attributes) && Number.isSafeInteger(version))
    return { record: attributes, version: Math.max(0, version as number) };
  // A record written before versions: it is version 0 until the next write.
  return { record: parsed, version: 0 };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for `<name>.json.corrupt-<time>` set aside more than 7 days before `now`. */
function quarantineExpired(name: string, now: number): boolean {
  const match = /\.json\.corrupt-(\d+)$/.exec(name);
  return match !== null && now - Number(match[1]) > QUARANTINE_MS;
}

/** Flushes a folder's entries (a rename) to disk; a no-op where folders cannot be opened (Windows). */
async function syncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await fs.open(directory, 'r');
    await handle.sync();
  } catch {
    // Not supported on this platform: the rename is still atomic, only its durability is weaker.
  } finally {
    await handle?.close();
  }
}
