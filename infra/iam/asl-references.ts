/**
 * What a state machine's ASL reaches outside itself: the Lambda functions it invokes, the state
 * machines it starts, the events it puts and whether it runs Distributed Map children. IAM is
 * derived from this, so a reference the scan cannot resolve to a literal is an error, not a wildcard.
 */
import type { MapState, State, StateMachineDefinition, SubMachine, TaskState } from '../../src/asl/definition';
import { isJsonObject, type JsonObject } from '../../src/asl/json';

export interface EventReference {
  /** `default` when the entry names no bus. */
  readonly eventBusName: string;
  readonly source: string;
}

export interface AslReferences {
  readonly functionNames: string[];
  readonly stateMachineArns: string[];
  /** Whether any startExecution waits for the child (`.sync`), which needs execution and rule access. */
  readonly waitsForChildren: boolean;
  readonly events: EventReference[];
  /** Whether a Distributed Map starts child executions of this very state machine. */
  readonly distributedMap: boolean;
}

/** A Task whose target cannot be read from the ASL (a JSONata or JSONPath expression). */
export class UnresolvableReferenceError extends Error {
  override readonly name = 'UnresolvableReferenceError';
  constructor(readonly stateName: string, readonly field: string) {
    super(`state "${stateName}": ${field} is computed at run time, so least-privilege IAM cannot be derived from the definition`);
  }
}

export function aslReferences(definition: StateMachineDefinition): AslReferences {
  const found = { functionNames: new Set<string>(), stateMachineArns: new Set<string>(), events: new Map<string, EventReference>() };
  let waitsForChildren = false;
  let distributedMap = false;
  for (const [name, state] of statesOf(definition)) {
    if (state.Type === 'Map' && processorOf(state)?.ProcessorConfig?.Mode === 'DISTRIBUTED') distributedMap = true;
    if (state.Type !== 'Task') continue;
    const args = argumentsOf(state);
    if (state.Resource.startsWith('arn:aws:states:::lambda:invoke')) {
      found.functionNames.add(literalField(args, 'FunctionName', name));
    } else if (state.Resource.startsWith('arn:aws:states:::states:startExecution')) {
      found.stateMachineArns.add(literalField(args, 'StateMachineArn', name));
      waitsForChildren ||= state.Resource.includes('.sync');
    } else if (state.Resource.startsWith('arn:aws:states:::events:putEvents')) {
      for (const event of eventEntries(args, name)) found.events.set(`${event.eventBusName}\u0000${event.source}`, event);
    }
  }
  return {
    functionNames: [...found.functionNames].sort(),
    stateMachineArns: [...found.stateMachineArns].sort(),
    waitsForChildren,
    events: [...found.events.values()],
    distributedMap,
  };
}

function* statesOf(machine: SubMachine | StateMachineDefinition): Generator<[string, State]> {
  for (const [name, state] of Object.entries(machine.States)) {
    yield [name, state];
    if (state.Type === 'Parallel') for (const branch of state.Branches) yield* statesOf(branch);
    if (state.Type === 'Map') {
      const processor = processorOf(state);
      if (processor) yield* statesOf(processor);
    }
  }
}

function processorOf(state: MapState): SubMachine | undefined {
  return state.ItemProcessor ?? state.Iterator;
}

function argumentsOf(state: TaskState): JsonObject {
  const args = state.Arguments ?? state.Parameters;
  return isJsonObject(args) ? args : {};
}

function literalField(args: JsonObject, field: string, stateName: string): string {
  const value = args[field];
  if (typeof value !== 'string' || value.startsWith('{%') || `${field}.$` in args) throw new UnresolvableReferenceError(stateName, field);
  return value;
}

function eventEntries(args: JsonObject, stateName: string): EventReference[] {
  const entries = args.Entries;
  if (!Array.isArray(entries)) throw new UnresolvableReferenceError(stateName, 'Entries');
  return entries.map((entry) => {
    if (!isJsonObject(entry)) throw new UnresolvableReferenceError(stateName, 'Entries');
    const bus = entry.EventBusName === undefined ? 'default' : literalField(entry, 'EventBusName', stateName);
    return { eventBusName: bus, source: literalField(entry, 'Source', stateName) };
  });
}
