// An execution's history, folded event by event into what the page shows: each visit of a state
// (input, output, error, cause, attempts), Map iterations with their status, and which iteration
// every event belongs to. Iterations are found as AWS's console finds them: by following
// previousEventId back to a MapIterationStarted event.

const TERMINAL_EXECUTION = { ExecutionSucceeded: 'SUCCEEDED', ExecutionFailed: 'FAILED', ExecutionAborted: 'ABORTED', ExecutionTimedOut: 'TIMED_OUT' };
const ITERATION_END = { MapIterationSucceeded: 'succeeded', MapIterationFailed: 'failed', MapIterationAborted: 'aborted' };

export class ExecutionModel {
  events = [];
  /** Every visit of a state, in order. */
  visits = [];
  /** Map iterations by their MapIterationStarted id: { id, mapName, index, status, parentScope }. */
  iterations = new Map();
  status = 'RUNNING';
  #byId = new Map();
  #scopeAfter = new Map(); // event id → the scope (iteration start id, 0 at top level) the next event continues in
  #scopeOf = new Map();
  #current = new Map(); // scope → the visit in progress there
  #stateByEvent = new Map();

  add(event) {
    if (this.#byId.has(event.id)) return false;
    this.#byId.set(event.id, event);
    this.events.push(event);
    const prevScope = this.#scopeAfter.get(event.previousEventId) ?? 0;
    let scope = prevScope;
    let after = prevScope;
    if (event.type === 'MapIterationStarted') {
      const details = event.mapIterationStartedEventDetails ?? {};
      // Iterations started one after another link to their sibling's start: they share its parent.
      const sibling = this.iterations.get(event.previousEventId);
      scope = sibling ? sibling.parentScope : prevScope;
      this.iterations.set(event.id, { id: event.id, mapName: details.name, index: details.index, status: 'running', parentScope: scope });
      after = event.id;
    } else if (ITERATION_END[event.type]) {
      const iteration = this.iterations.get(prevScope);
      if (iteration) {
        iteration.status = ITERATION_END[event.type];
        after = iteration.parentScope;
      }
    }
    this.#scopeOf.set(event.id, scope);
    this.#scopeAfter.set(event.id, after);
    this.#fold(event, scope);
    return true;
  }

  #fold(event, scope) {
    const type = event.type;
    if (type.endsWith('StateEntered')) {
      // A failed state left for another one in the same branch: its error was caught.
      const left = this.#current.get(scope);
      if (left && left.status === 'failed') left.status = 'caught';
      const details = event.stateEnteredEventDetails ?? {};
      const visit = { name: details.name, type: type.slice(0, -'StateEntered'.length), scope, enteredId: event.id, entered: event.timestamp, input: details.input, status: 'running', attempts: 0, events: [event] };
      if (visit.type === 'Fail') visit.status = 'failed';
      this.visits.push(visit);
      this.#current.set(scope, visit);
      this.#stateByEvent.set(event.id, visit.name);
      return;
    }
    const visit = this.#current.get(scope);
    if (visit) {
      visit.events.push(event);
      // The execution's own events belong to no state, as in AWS's console.
      if (!type.startsWith('Execution')) this.#stateByEvent.set(event.id, visit.name);
    }
    if (type.endsWith('StateExited')) {
      if (visit) {
        visit.output = event.stateExitedEventDetails?.output;
        visit.exited = event.timestamp;
        visit.status = visit.lastOutcome === 'failed' ? 'caught' : 'succeeded';
        this.#current.delete(scope);
      }
    } else if (type.endsWith('Scheduled')) {
      if (visit) {
        visit.attempts += 1;
        // A retry: the state runs again.
        if (visit.status === 'failed') {
          visit.status = 'running';
          visit.exited = undefined;
        }
      }
    } else if (TERMINAL_EXECUTION[type]) {
      this.#endExecution(event);
    } else if (type === 'ExecutionRedriven') {
      this.status = 'RUNNING';
      // What failed before the redrive runs again: its old visits no longer colour the graph.
      for (const old of this.visits) if (old.status !== 'succeeded' && old.status !== 'caught') old.superseded = true;
      for (const iteration of this.iterations.values()) if (iteration.status !== 'succeeded') iteration.superseded = true;
    } else if (visit && /(Failed|TimedOut)$/.test(type) && !type.startsWith('Execution') && !type.startsWith('MapIteration')) {
      const details = event[detailsKey(type)] ?? {};
      visit.error = details.error;
      visit.cause = details.cause;
      visit.lastOutcome = 'failed';
      visit.status = 'failed';
      visit.exited = event.timestamp;
    } else if (visit && /Succeeded$/.test(type) && !type.startsWith('MapIteration')) {
      visit.lastOutcome = 'ok';
      if (visit.status === 'failed') {
        visit.status = 'running';
        visit.exited = undefined;
      }
    }
  }

  #endExecution(event) {
    this.status = TERMINAL_EXECUTION[event.type];
    for (const visit of this.visits) {
      if (visit.status === 'running') visit.status = this.status === 'SUCCEEDED' ? 'succeeded' : 'aborted';
    }
    for (const iteration of this.iterations.values()) if (iteration.status === 'running') iteration.status = 'aborted';
    this.#current.clear();
  }

  /** The state's colour and note for the graph: the latest live visits decide. */
  stateSummary(name) {
    const visits = this.visits.filter((v) => v.name === name && !v.superseded);
    if (visits.length === 0) return undefined;
    const count = (status) => visits.filter((v) => v.status === status).length;
    let status = 'succeeded';
    if (count('running') > 0) status = 'running';
    else if (count('failed') > 0) status = 'failed';
    else if (count('aborted') > 0) status = 'aborted';
    else if (count('caught') > 0) status = 'caught';
    const iterations = this.iterationCounts(name);
    let note = visits.length > 1 ? `×${visits.length}` : '';
    if (iterations.total > 0) note = `${iterations.succeeded}/${iterations.total} ✓${iterations.running ? ` · ${iterations.running} running` : ''}${iterations.failed ? ` · ${iterations.failed} failed` : ''}`;
    return { status, note };
  }

  iterationsOf(mapName) {
    return [...this.iterations.values()].filter((it) => it.mapName === mapName && !it.superseded);
  }

  iterationCounts(mapName) {
    const list = this.iterationsOf(mapName);
    const count = (status) => list.filter((it) => it.status === status).length;
    return { total: list.length, running: count('running'), succeeded: count('succeeded'), failed: count('failed'), aborted: count('aborted') };
  }

  /** Where a scope sits: `EvaluateCandidates[3] › Folds[4]`. */
  iterationPath(scope) {
    const parts = [];
    for (let it = this.iterations.get(scope); it; it = this.iterations.get(it.parentScope)) parts.unshift(`${it.mapName}[${it.index}]`);
    return parts.join(' › ');
  }

  /** Whether the event happened inside the iteration (or an iteration nested in it). */
  inIteration(event, iterationId) {
    let scope = event.id === iterationId ? iterationId : this.#scopeOf.get(event.id);
    while (scope) {
      if (scope === iterationId) return true;
      scope = this.iterations.get(scope)?.parentScope;
    }
    return false;
  }

  /** The state an event belongs to (the visit in progress in its scope when it happened). */
  stateOf(event) {
    return this.#stateByEvent.get(event.id) ?? '';
  }

  stateNames() {
    return [...new Set(this.visits.map((v) => v.name))];
  }
}

export function detailsKey(type) {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return type[0].toLowerCase() + type.slice(1) + 'EventDetails';
}

export function eventDetails(event) {
  return event[detailsKey(event.type)];
}
