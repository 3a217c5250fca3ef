/**
 * An object in a temporary local file for the length of one piece of work: programs such as ffmpeg
 * read paths, not streams. Shared by both hosts' object services.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export async function withLocalCopy<T>(body: Readable, key: string, work: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'statecraft-object-'));
  try {
    // The key's base name keeps its extension, which tools use to guess the format.
    const path = join(dir, basename(key) || 'object');
    await pipeline(body, createWriteStream(path));
    return await work(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
