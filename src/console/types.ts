/**
 * What the console's host gives it. The console knows the engine, the bus and the object store;
 * everything about particular workflows (their input schemas, their result pictures, the model
 * registry they write) comes in through these small interfaces, so the console never names one.
 */
import type { TSchema } from '@sinclair/typebox';
import type { ConsolePage, ResultView } from '../builder/workflow-package';

/** A workflow as the console's start form needs it. */
export interface ConsoleWorkflow {
  /** The state machine's name. */
  name: string;
  /** The JSON Schema its input must satisfy (what `npm run synth` writes as `<name>.input.schema.json`). */
  inputSchema?: TSchema;
}

/**
 * A picture of a workflow's results, declared by its package. `render`'s `execution` is
 * DescribeExecution's answer, `output` the parsed output, `history` GetExecutionHistory's events.
 */
export type { ResultView } from '../builder/workflow-package';

/** A page a package adds to the console, at `#/<route>`; see {@link ConsolePage}. */
export type { ConsolePage } from '../builder/workflow-package';

export type ModelDecision = 'approve' | 'reject';

/** One version of a registered model, as the models page lists it. */
export interface ConsoleModelVersion {
  modelName: string;
  version: number;
  status: string;
  createdAt: string;
  statusReason?: string;
  /** The execution that produced it (lineage). */
  executionArn?: string;
  /** Figures shown as columns, e.g. `{ 'mean score': 0.97 }`. */
  metrics: Record<string, number>;
  /** Short facts shown beside them, e.g. `{ kernel: 'rbf' }`. */
  facts: Record<string, string>;
}

export interface ConsoleModelRegistry {
  list(): Promise<ConsoleModelVersion[]>;
  decide(modelName: string, version: number, decision: ModelDecision, reason?: string): Promise<ConsoleModelVersion>;
}

/** What a host passes to the console besides the engine. */
export interface ConsoleExtensions {
  workflows?: readonly ConsoleWorkflow[];
  resultViews?: readonly ResultView[];
  pages?: readonly ConsolePage[];
  models?: ConsoleModelRegistry;
}
