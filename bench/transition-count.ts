/**
 * Checks a workload's declared transition count against the states statecraft actually entered,
 * so the figure every engine is divided by is not a hand-computed guess.
 */
import type { StoredEvent } from '../src/interpreter/history/events';
import type { HistorySink } from '../src/interpreter/history/sink';
import { statecraftExpress } from './engines';
import type { Workload } from './workloads';

class StateEnteredCounter implements HistorySink {
  entered = 0;

  append(_executionArn: string, event: StoredEvent): void {
    if (event.type.endsWith('StateEntered')) this.entered++;
  }

  flush(): void {}
}

export class TransitionCountMismatch extends Error {}

export async function verifyTransitionCount(workload: Workload): Promise<void> {
  const counter = new StateEnteredCounter();
  await statecraftExpress(counter).run(workload.definition, workload.input);
  if (counter.entered !== workload.transitionsPerExecution) {
    throw new TransitionCountMismatch(`${workload.name}: declared ${workload.transitionsPerExecution} transitions, statecraft entered ${counter.entered} states`);
  }
}
