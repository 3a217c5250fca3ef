/**
 * Decodes a byte stream as UTF-8 and yields its lines, without their line ending, a chunk's worth
 * at a time: only the unfinished last line is carried from one chunk to the next. Lines come in
 * arrays because a million awaited yields would cost more than reading the file.
 */
export async function* textLines(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  for await (const chunk of bytes) {
    const text = carry + decoder.decode(chunk, { stream: true });
    const lines = text.split('\n');
    carry = lines.pop()!;
    if (lines.length > 0) yield lines.map(stripCr);
  }
  carry += decoder.decode();
  if (carry.length > 0) yield [stripCr(carry)];
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
