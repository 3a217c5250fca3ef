/** JSON Lines: one JSON value per line; blank lines are skipped. */
import type { Json } from '../../asl/json';
import { itemReaderFailed } from './errors';
import { textLines } from './text-lines';

export async function* jsonlItems(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Json[]> {
  let line = 0;
  for await (const lines of textLines(bytes)) {
    const items: Json[] = [];
    for (const text of lines) {
      line++;
      if (text.trim().length === 0) continue;
      try {
        items.push(JSON.parse(text) as Json);
      } catch (err) {
        throw itemReaderFailed(`Line ${line} of the JSONL dataset is not valid JSON: ${(err as Error).message}`);
      }
    }
    if (items.length > 0) yield items;
  }
}
