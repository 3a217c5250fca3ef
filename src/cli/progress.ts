/**
 * Live progress for `statecraft run`: hears the engine's history events and tells a person what
 * happens (states entered, Map progress, failures), one plain line each, so it reads the same in a
 * terminal and in a log file.
 */
import type { StoredEvent } from '../interpreter/history/events';

export class ProgressPrinter {
  private mapTotals = new Map<string, { done: number; total: number }>();

  constructor(private readonly write: (line: string) => void) {}

  /** For the engine's `onHistoryEvent`. */
  readonly listener = (_executionArn: string, event: StoredEvent): void => {
    const line = this.describe(event);
    if (line) this.write(line);
  };

  private describe(event: StoredEvent): string | undefined {
    const d = event.details ?? {};
    if (event.type.endsWith('StateEntered')) return `→ ${String(d.name)} (${event.type.replace('StateEntered', '')})`;
    if (event.type === 'MapStateStarted') {
      this.mapTotals.set(mapKey(event.key), { done: 0, total: Number(d.length) });
      return `  map over ${String(d.length)} items`;
    }
    if (event.type === 'MapIterationSucceeded' || event.type === 'MapIterationFailed') {
      const progress = this.mapTotals.get(mapKey(event.key));
      if (!progress) return undefined;
      progress.done++;
      const step = Math.max(1, Math.floor(progress.total / 10));
      if (progress.done % step === 0 || progress.done === progress.total) return `  map ${progress.done}/${progress.total}`;
      return undefined;
    }
    if (event.type.endsWith('Failed') || event.type.endsWith('TimedOut')) {
      return `✗ ${event.type}${d.error ? `: ${String(d.error)}` : ''}${d.cause ? ` — ${String(d.cause).slice(0, 300)}` : ''}`;
    }
    return undefined;
  }
}

/** Events of one Map attempt share the key prefix before the iteration index. */
function mapKey(key: string): string {
  return key.replace(/(\[\d+\])?:[a-zA-Z]$/, '');
}
