/**
 * Where a backtest's time went: the real time of each workflow's states, summed over every run,
 * as the runtime tells it (`onStateTimed`). A Map's or Parallel's time includes its iterations', so
 * the lines say what a state cost, not a breakdown that adds up.
 */
import type { StateTiming } from '../../../src/builder';

/** The states that took the most, as lines. */
const SHOWN = 8;

export class StateTimes {
  private readonly totals = new Map<string, { workflow: string; state: string; ms: number; visits: number }>();

  add({ workflow, state, realMs }: StateTiming): void {
    const key = `${workflow}\u0000${state}`;
    const total = this.totals.get(key) ?? { workflow, state, ms: 0, visits: 0 };
    total.ms += realMs;
    total.visits += 1;
    this.totals.set(key, total);
  }

  lines(): string[] {
    const top = [...this.totals.values()].sort((a, b) => b.ms - a.ms).slice(0, SHOWN);
    if (top.length === 0) return [];
    const width = Math.max(...top.map((total) => `${total.workflow} ${total.state}`.length));
    return [
      'where the time went (real seconds per state, summed over its visits; a Map or Parallel includes its iterations):',
      ...top.map((total) => `  ${`${total.workflow} ${total.state}`.padEnd(width)}  ${(total.ms / 1000).toFixed(1).padStart(8)} s  ${total.visits} visit(s)`),
    ];
  }
}
