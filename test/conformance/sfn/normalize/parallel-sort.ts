/**
 * sfn_parallel_sort (LocalStack's SfnNoneRecursiveParallelTransformer): the events between a
 * ParallelStateStarted and the next Parallel end event get `id: [0]`, `previousEventId: 0` and are sorted
 * by their json.dumps text, because branch interleaving is nondeterministic.
 *
 * Reproduced with its quirks, since the recorded histories carry them: every Parallel end event (Succeeded,
 * Failed, Aborted, Exited) splices the last sorted block back in over [start, end), so a second end event
 * (e.g. Exited after Succeeded) drops the first one, and the scan, which walks indexes of the list it is
 * shortening, skips the event that follows.
 */
import { findJsonPath } from './json-path';
import { pythonJsonDumps } from './python-json';
import { isJsonObject } from './types';

const PARALLEL_END_TYPES = new Set(['ParallelStateSucceeded', 'ParallelStateAborted', 'ParallelStateExited', 'ParallelStateFailed']);

export function sortParallelEvents(document: unknown, eventsPath = '$..events'): void {
  for (const { value } of findJsonPath(document, eventsPath)) {
    if (Array.isArray(value)) sortEventList(value);
  }
}

function byJsonText(a: unknown, b: unknown): number {
  const [textA, textB] = [pythonJsonDumps(a), pythonJsonDumps(b)];
  return textA < textB ? -1 : textA > textB ? 1 : 0;
}

function sortEventList(events: unknown[]): void {
  let start = 0;
  let block: Record<string, unknown>[] = [];
  let inBlock = false;
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index];
    const type = isJsonObject(event) ? event.type : undefined;
    if (type === undefined || type === null) {
      inBlock = false;
    } else if (PARALLEL_END_TYPES.has(type as string)) {
      events.splice(start, index - start, ...[...block].sort(byJsonText));
      inBlock = false;
    } else if (type === 'ParallelStateStarted') {
      inBlock = true;
      block = [];
      start = index + 1;
    } else if (inBlock && isJsonObject(event)) {
      event.id = [0];
      event.previousEventId = 0;
      block.push(event);
    }
  }
}
