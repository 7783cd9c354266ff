import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { log } from '../log';
import type { ReadinessCheck } from './types';
import { userKey } from './user-key';

/**
 * One JSON file per user under a directory, for local and self-hosted runs. File names are a hash
 * of the user id (ids are long and not file-name safe, and the folder listing should not show them).
 *
 * Writes are atomic: the record goes to a temporary file in the same folder, which is flushed to
 * disk and then renamed over the old one (rename is atomic on one file system), and the folder is
 * flushed so the rename itself survives a power cut. A crash at any point leaves either the old
 * record or the new one, never a torn file. A file that cannot be parsed (from a tool or an older
 * version) is moved aside as `<name>.corrupt-<time>` and logged, so the user can go on saving and
 * the bytes are kept for a person to look at.
 */
export class FilePersistenceAdapter implements PersistenceAdapter, ReadinessCheck {
  constructor(private readonly directory: string) {}

  private fileFor(requestEnvelope: RequestEnvelope): string {
    const hash = createHash('sha256').update(userKey(requestEnvelope)).digest('hex');
    return path.join(this.directory, `${hash}.json`);
  }

  /**
   * Creates the folder if needed, proves it is writable, and removes temporary files left by writes
   * that a crash interrupted (older than a minute, so another process's write in progress is safe).
   */
  async checkReady(options: { staleTempAfterMs?: number } = {}): Promise<void> {
    try {
      await fs.mkdir(this.directory, { recursive: true, mode: 0o700 });
      const probe = path.join(this.directory, `.probe-${randomBytes(6).toString('hex')}`);
      await fs.writeFile(probe, '');
      await fs.rm(probe, { force: true });
      const cutoff = Date.now() - (options.staleTempAfterMs ?? 60_000);
      for (const name of await fs.readdir(this.directory)) {
        if (!name.endsWith('.tmp')) continue;
        const temp = path.join(this.directory, name);
        if ((await fs.stat(temp)).mtimeMs <= cutoff) await fs.rm(temp, { force: true });
      }
    } catch (error) {
      throw new Error(
        `DATA_DIR "${this.directory}" is not a writable folder (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
        { cause: error },
      );
    }
  }

  async getAttributes(requestEnvelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const file = this.fileFor(requestEnvelope);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
    const aside = `${file}.corrupt-${Date.now()}`;
    await fs.rename(file, aside);
    log.warn('storage.file_corrupt', { movedTo: path.basename(aside) });
    return {};
  }

  async saveAttributes(requestEnvelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const file = this.fileFor(requestEnvelope);
    await fs.mkdir(this.directory, { recursive: true, mode: 0o700 });
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await fs.open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(attributes));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, file);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    await syncDirectory(this.directory);
  }

  async deleteAttributes(requestEnvelope: RequestEnvelope): Promise<void> {
    await fs.rm(this.fileFor(requestEnvelope), { force: true });
    await syncDirectory(this.directory);
  }
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
