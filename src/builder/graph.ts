/**
 * The states of one scope (the workflow, a Parallel branch or a Map processor) and how they connect.
 * State names are unique across the whole workflow, as ASL requires, so the scopes of one workflow
 * share a name registry.
 */
import { BuilderError } from './builder-error';
import type { StateConfig } from './state-config';

export interface StateNode {
  readonly name: string;
  readonly config: StateConfig;
  next?: string;
  end?: boolean;
}

export class StateGraph {
  startAt?: string;
  readonly nodes = new Map<string, StateNode>();
  /** Targets of Next/Default/Catch, checked once the scope is complete. */
  readonly references = new Set<string>();

  constructor(private readonly takenNames: Set<string> = new Set()) {}

  /** A graph for a nested scope that shares this one's name registry. */
  child(): StateGraph {
    return new StateGraph(this.takenNames);
  }

  add(name: string, config: StateConfig): StateNode {
    if (this.takenNames.has(name)) throw new BuilderError(`state name "${name}" is used twice; ASL state names are unique within a state machine`);
    if (name.length === 0 || name.length > 80) throw new BuilderError(`state name "${name}" must be 1 to 80 characters`);
    this.takenNames.add(name);
    const node: StateNode = { name, config };
    this.nodes.set(name, node);
    return node;
  }

  /** Every problem of a finished scope: no start state, or transitions to states it does not hold. */
  problems(where: string): string[] {
    const problems: string[] = [];
    if (this.startAt === undefined) problems.push(`${where} has no states`);
    for (const node of this.nodes.values()) {
      const continues = node.next !== undefined || node.end === true;
      if (!continues && !['Choice', 'Succeed', 'Fail'].includes(node.config.type)) problems.push(`${where}: state "${node.name}" has neither a next state nor an end`);
    }
    for (const target of this.references) {
      if (!this.nodes.has(target)) problems.push(`${where} transitions to "${target}", which is not a state of that scope`);
    }
    return problems;
  }
}
