/**
 * The one place that writes ASL: a pure function from a workflow's state graph to the document.
 * @see https://states-language.net/spec.html
 */
import type { QueryLanguage, State, StateMachineDefinition, SubMachine } from '../../asl/definition';
import type { JsonObject } from '../../asl/json';
import { BuilderError } from '../builder-error';
import type { Template } from '../expression';
import type { StateGraph, StateNode } from '../graph';
import type { TaskDefinition } from '../task-definition';
import { dialectFor, type Dialect } from './dialect';
import { renderErrorHandling } from './render-error-handling';
import { renderMap } from './render-map';
import { renderTask, type IntegrationTargets } from './render-task';

export interface RenderOptions {
  /** `FunctionName` of a Lambda task. @default - the task's name */
  functionName?: (task: TaskDefinition) => string;
  /** `StateMachineArn` of a nested workflow. @default - `arn:aws:states:us-east-1:123456789012:stateMachine:<name>` */
  stateMachineArn?: (name: string) => string;
}

/** What the renderer needs of a workflow. */
export interface RenderableWorkflow {
  readonly graph: StateGraph;
  readonly queryLanguage: QueryLanguage;
  readonly props: { readonly comment?: string; readonly timeoutSeconds?: number };
}

export function renderStateMachine(workflow: RenderableWorkflow, options: RenderOptions = {}): StateMachineDefinition {
  const targets: IntegrationTargets = {
    functionName: options.functionName ?? ((task) => task.name),
    stateMachineArn: options.stateMachineArn ?? ((name) => `arn:aws:states:us-east-1:123456789012:stateMachine:${name}`),
  };
  const renderer = new GraphRenderer(dialectFor(workflow.queryLanguage), targets);
  return {
    ...(workflow.props.comment !== undefined && { Comment: workflow.props.comment }),
    QueryLanguage: workflow.queryLanguage,
    ...renderer.subMachine(workflow.graph),
    ...(workflow.props.timeoutSeconds !== undefined && { TimeoutSeconds: workflow.props.timeoutSeconds }),
  };
}

class GraphRenderer {
  constructor(
    private readonly dialect: Dialect,
    private readonly targets: IntegrationTargets,
  ) {}

  subMachine(graph: StateGraph): SubMachine {
    const states: Record<string, State> = {};
    for (const node of graph.nodes.values()) states[node.name] = this.state(node);
    return { StartAt: graph.startAt!, States: states };
  }

  private state(node: StateNode): State {
    const transition = node.end ? { End: true } : node.next !== undefined ? { Next: node.next } : {};
    return { ...this.body(node), ...transition } as State;
  }

  private body(node: StateNode): State {
    const { config } = node;
    const where = `state "${node.name}"`;
    const { dialect } = this;
    const comment = config.comment !== undefined ? { Comment: config.comment } : {};
    switch (config.type) {
      case 'Task':
        return renderTask(config, where, dialect, this.targets);
      case 'Map':
        return renderMap(config, where, dialect, this.subMachine(config.processor));
      case 'Pass':
        return { Type: 'Pass', ...comment, ...dialect.output(config.output, 'input', where), ...dialect.assign(config.assign, 'input', where) };
      case 'Wait':
        return {
          Type: 'Wait',
          ...comment,
          ...dialect.field('Seconds', config.seconds, where),
          ...dialect.field('Timestamp', config.timestamp, where),
          ...dialect.output(config.output, 'pathOnly', where),
          ...dialect.assign(config.assign, 'input', where),
        };
      case 'Choice':
        return {
          Type: 'Choice',
          ...comment,
          Choices: config.rules.map((rule) => ({
            ...dialect.condition(rule.condition, where),
            Next: rule.next,
            ...choiceRuleOutput(rule.output, where, dialect),
            ...dialect.assign(rule.assign, 'input', where),
          })),
          ...(config.default !== undefined && { Default: config.default }),
        };
      case 'Succeed':
        return { Type: 'Succeed', ...comment, ...dialect.output(config.output, 'pathOnly', where) };
      case 'Fail':
        return { Type: 'Fail', ...comment, ...dialect.field('Error', config.error, where), ...dialect.field('Cause', config.cause, where) };
      case 'Parallel':
        return {
          Type: 'Parallel',
          ...comment,
          ...dialect.payload('Arguments', config.arguments, where),
          Branches: config.branches.map((branch) => this.subMachine(branch)),
          ...dialect.output(config.output, 'result', where),
          ...dialect.assign(config.assign, 'result', where),
          ...renderErrorHandling(config, where, dialect),
        };
    }
  }
}

/**
 * A Choice rule has an `Output` in JSONata but no JSONPath counterpart: OutputPath belongs to the
 * Choice state, not to one rule, so writing it in a rule would be an invalid definition.
 */
function choiceRuleOutput(output: Template | undefined, where: string, dialect: Dialect): JsonObject {
  if (output && dialect.language === 'JSONPath') throw new BuilderError(`${where}: a Choice rule's output needs the JSONata query language`);
  return dialect.output(output, 'pathOnly', where);
}
