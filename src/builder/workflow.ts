/**
 * A workflow: a name, typed input and output, and the state graph built by its definition function.
 * It renders to ASL and tells infrastructure what it needs (tasks, nested state machines, events).
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { QueryLanguage, StateMachineDefinition } from '../asl/definition';
import { BuilderError } from './builder-error';
import type { EventDefinition } from './event-definition';
import { Flow } from './flow';
import { StateGraph } from './graph';
import { graphsOf, nodesOf } from './graph-walk';
import { renderStateMachine, type RenderOptions } from './render/render-state-machine';
import type { Integration } from './state-config';
import type { TaskDefinition } from './task-definition';
import type { Terminal } from './types';
import type { WorkflowLike } from './workflow-types';

export interface WorkflowProps<I extends TSchema, O extends TSchema | undefined = undefined> {
  /** The state machine's name. */
  name: string;
  input: I;
  /** When given, every path must end with an output of this schema's type. */
  output?: O;
  /** @default 'JSONata' */
  queryLanguage?: QueryLanguage;
  comment?: string;
  /** @default - none */
  timeoutSeconds?: number;
}

export class Workflow<I, O> implements WorkflowLike<I, O> {
  declare readonly __io?: { input: I; output: O };
  readonly name: string;
  readonly queryLanguage: QueryLanguage;

  constructor(
    readonly props: WorkflowProps<TSchema, TSchema | undefined>,
    readonly graph: StateGraph,
  ) {
    this.name = props.name;
    this.queryLanguage = props.queryLanguage ?? 'JSONata';
  }

  /** The ASL document. */
  definition(options?: RenderOptions): StateMachineDefinition {
    return renderStateMachine(this, options);
  }

  /** The Lambda tasks this workflow invokes, each once. */
  tasks(): TaskDefinition[] {
    return unique(this.integrations().flatMap((i) => (i.kind === 'lambda' ? [i.task] : [])));
  }

  /** The names of the state machines this workflow starts. */
  nestedStateMachines(): string[] {
    return unique(this.integrations().flatMap((i) => (i.kind === 'startExecution' ? [i.stateMachine] : [])));
  }

  /** The custom events this workflow emits. */
  emittedEvents(): EventDefinition[] {
    return unique(this.integrations().flatMap((i) => (i.kind === 'putEvents' ? [i.event] : [])));
  }

  private integrations(): Integration[] {
    return [...nodesOf(this.graph)].flatMap((node) => (node.config.type === 'Task' ? [node.config.integration] : []));
  }
}

/**
 * Defines a workflow: `build` receives the start of the path, typed by the input schema, and must
 * return where every path ends.
 * @example
 * export const example = defineWorkflow({ name: 'example', input: ExampleInput }, (start) =>
 *   start.task('Split', { task: Split, arguments: (s) => ({ bucket: s.input.bucket }) }).succeed('Done'));
 */
export function defineWorkflow<IS extends TSchema, R, OS extends TSchema | undefined = undefined>(
  props: WorkflowProps<IS, OS>,
  build: (start: Flow<Static<IS>, {}>) => Terminal<DeclaredOutput<OS, R>>,
): Workflow<Static<IS>, DeclaredOutput<OS, R>> {
  const graph = new StateGraph();
  build(new Flow(graph, (name) => {
    graph.startAt = name;
  }));
  const problems = [...graphsOf(graph, `workflow ${props.name}`)].flatMap(({ graph: scope, where }) => scope.problems(where));
  if (problems.length > 0) throw new BuilderError(`workflow ${props.name} is incomplete: ${problems.join('; ')}`);
  return new Workflow(props as WorkflowProps<TSchema, TSchema | undefined>, graph);
}

/** The output schema's type when one is declared, else what the paths end with. */
type DeclaredOutput<OS, R> = OS extends TSchema ? Static<OS> : R;

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
