/** Visiting every state of a workflow, nested Parallel branches and Map processors included. */
import type { StateGraph, StateNode } from './graph';

export interface ScopedGraph {
  graph: StateGraph;
  /** e.g. `workflow kfold-cv`, `Map "Tune" processor`. */
  where: string;
}

export function* graphsOf(graph: StateGraph, where: string): Generator<ScopedGraph> {
  yield { graph, where };
  for (const node of graph.nodes.values()) {
    const { config } = node;
    if (config.type === 'Parallel') {
      for (const [index, branch] of config.branches.entries()) yield* graphsOf(branch, `Parallel "${node.name}" branch ${index}`);
    }
    if (config.type === 'Map') yield* graphsOf(config.processor, `Map "${node.name}" processor`);
  }
}

export function* nodesOf(graph: StateGraph): Generator<StateNode> {
  for (const scoped of graphsOf(graph, '')) yield* scoped.graph.nodes.values();
}
