/** Feeds a text to a reader in chunks of `size` bytes, to test every chunk boundary. */
export async function* chunked(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export async function flat<T>(arrays: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const a of arrays) out.push(...a);
  return out;
}

/** Chunk sizes from one byte up, and one chunk for the whole text. */
export const SIZES = [1, 2, 3, 5, 8, 13, 1 << 20];
