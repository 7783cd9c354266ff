import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { userKey } from './user-key';

/**
 * One JSON file per user under a directory, for local and self-hosted runs. File names are a hash
 * of the user id (ids are long and not file-name safe). Writes go to a temporary file that is then
 * renamed over the old one, so a crash never leaves a torn record.
 */
export class FilePersistenceAdapter implements PersistenceAdapter {
  constructor(private readonly directory: string) {}

  private fileFor(requestEnvelope: RequestEnvelope): string {
    const hash = createHash('sha256').update(userKey(requestEnvelope)).digest('hex');
    return path.join(this.directory, `${hash}.json`);
  }

  async getAttributes(requestEnvelope: RequestEnvelope): Promise<Record<string, unknown>> {
    try {
      const text = await fs.readFile(this.fileFor(requestEnvelope), 'utf8');
      const parsed: unknown = JSON.parse(text);
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }

  async saveAttributes(requestEnvelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const file = this.fileFor(requestEnvelope);
    await fs.mkdir(this.directory, { recursive: true });
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await fs.open(temp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(attributes));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  }

  async deleteAttributes(requestEnvelope: RequestEnvelope): Promise<void> {
    await fs.rm(this.fileFor(requestEnvelope), { force: true });
  }
}
