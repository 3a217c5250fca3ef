/**
 * What RedriveExecution keeps of a failed execution's history.
 *
 * Resuming replays every event whose key was recorded. A redrive is a resume in which the steps that
 * did not complete are forgotten: their events are renamed (they stay in the history, as on AWS,
 * but a replay no longer finds them) so the failed state, and any Map iteration or Parallel branch
 * that did not succeed, runs again from its start with fresh retry counts, while every state that
 * exited is replayed from its recorded output and is not executed again.
 *
 * A step is complete when its `:x` (StateExited) event was recorded; a Map iteration when its `:d`
 * event is MapIterationSucceeded. An event is kept when it, or a step or iteration enclosing it, is
 * complete. The execution's own final event is always dropped; ExecutionStarted is always kept.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/redrive-executions.html
 */
import type { StoredEvent } from '../interpreter/history/events';

export interface Rename {
  id: number;
  key: string;
}

export function redriveRenames(events: StoredEvent[], redriveNumber: number): Rename[] {
  const complete = new Set<string>();
  for (const e of events) {
    if (e.key.endsWith(':x')) complete.add(e.key.slice(0, -2));
    if (e.type === 'MapIterationSucceeded' && e.key.endsWith(':d')) complete.add(e.key.slice(0, -2));
  }
  const renames: Rename[] = [];
  for (const e of events) {
    if (!keeps(e.key, complete)) renames.push({ id: e.id, key: `~redrive${redriveNumber}~${e.key}` });
  }
  return renames;
}

function keeps(key: string, complete: Set<string>): boolean {
  if (key.startsWith('~redrive') || key.startsWith('redrive:') || key === 'exec:s') return true;
  if (key.startsWith('exec:')) return false;
  const location = key.split(':')[0];
  return enclosingUnits(location).some((unit) => complete.has(unit));
}

/** `/1[2]/0` → `/1`, `/1[2]`, `/1[2]/0`: each step, iteration and branch that contains the location. */
function enclosingUnits(location: string): string[] {
  const units: string[] = [];
  for (let i = 1; i <= location.length; i++) {
    if (i === location.length || '/[{'.includes(location[i])) units.push(location.slice(0, i));
  }
  return units;
}
