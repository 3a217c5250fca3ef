import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A finished, immutable blob file and what was learnt while writing it. */
export interface WrittenBlob {
  blob: string;
  size: number;
  md5: Buffer;
}

/**
 * Immutable blob files named by random ids, so keys never touch the file system (any character is
 * safe) and a blob is never rewritten in place: a writer fills a temp file, fsyncs it and renames it
 * into `blobs/`; only then does the index point at it. A reader holding an open blob keeps reading
 * the version it opened even after the blob is unlinked.
 */
export class BlobFiles {
  private readonly blobDir: string;
  private readonly tmpDir: string;

  constructor(root: string) {
    this.blobDir = path.join(root, 'blobs');
    this.tmpDir = path.join(root, 'tmp');
  }

  async init(): Promise<void> {
    await fs.rm(this.tmpDir, { recursive: true, force: true });
    await fs.mkdir(this.tmpDir, { recursive: true });
    await fs.mkdir(this.blobDir, { recursive: true });
  }

  get directory(): string {
    return this.blobDir;
  }

  pathOf(blob: string): string {
    return path.join(this.blobDir, blob.slice(0, 2), blob);
  }

  /** Streams `sources` one after the other into a new blob. */
  async write(sources: Iterable<Readable> | AsyncIterable<Readable>): Promise<WrittenBlob> {
    const blob = randomUUID().replace(/-/g, '');
    const tmp = path.join(this.tmpDir, blob);
    const hash = createHash('md5');
    let size = 0;
    try {
      const file = createWriteStream(tmp, { flags: 'wx' });
      await pipeline(async function* () {
        for await (const source of sources) {
          for await (const chunk of source) {
            const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
            hash.update(buffer);
            size += buffer.length;
            yield buffer;
          }
        }
      }, file);
      await syncFile(tmp);
      const target = this.pathOf(blob);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.rename(tmp, target);
      // The rename lives in the directory: sync it too, or a power loss could leave the index
      // pointing at a blob whose name was never written to disk.
      await syncFile(path.dirname(target), 'r');
    } catch (error) {
      await fs.rm(tmp, { force: true });
      throw error;
    }
    return { blob, size, md5: hash.digest() };
  }

  /** Opens a blob for reading; undefined when it was removed meanwhile (a newer version won). */
  async open(blob: string): Promise<fs.FileHandle | undefined> {
    try {
      return await fs.open(this.pathOf(blob), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async remove(blob: string): Promise<void> {
    await fs.rm(this.pathOf(blob), { force: true });
  }

  /** Deletes blobs no index row refers to: leftovers of a crash between rename and commit. */
  async collectGarbage(referenced: Set<string>): Promise<number> {
    let removed = 0;
    for (const shard of await fs.readdir(this.blobDir)) {
      for (const blob of await fs.readdir(path.join(this.blobDir, shard))) {
        if (referenced.has(blob)) continue;
        await this.remove(blob);
        removed += 1;
      }
    }
    return removed;
  }
}

/** fsync: a file opened for writing, or a directory (which Linux only opens read-only). */
async function syncFile(file: string, flags: 'r+' | 'r' = 'r+'): Promise<void> {
  const handle = await fs.open(file, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
