/** The type-level face of a workflow, for states that start one (kept apart from workflow.ts to avoid an import cycle). */
export interface WorkflowLike<I = unknown, O = unknown> {
  readonly name: string;
  /** Type-level only. */
  readonly __io?: { input: I; output: O };
}

export type WorkflowInput<W> = W extends WorkflowLike<infer I, unknown> ? I : never;
export type WorkflowOutput<W> = W extends WorkflowLike<unknown, infer O> ? O : never;
