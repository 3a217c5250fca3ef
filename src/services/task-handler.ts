/**
 * Task handlers are plain functions `(input, services) => output`. {@link taskHandler} pairs one with
 * its task definition; the host calls {@link invokeTask}, which validates the input at the boundary
 * (a violation names the task and the field) before the function sees it.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { TaskDefinition } from '../builder';
import { assertPayload } from '../schemas';
import type { HandlerServices } from './services';

export type HandlerFunction<I extends TSchema, O extends TSchema> = (input: Static<I>, services: HandlerServices) => Promise<Static<O>> | Static<O>;

export interface TaskHandler<I extends TSchema = TSchema, O extends TSchema = TSchema> {
  readonly task: TaskDefinition<I, O>;
  readonly run: HandlerFunction<I, O>;
}

/** Any handler, its input type erased: what hosts hold in lists. */
export interface AnyTaskHandler {
  readonly task: TaskDefinition;
  readonly run: (input: never, services: HandlerServices) => unknown;
}

export function taskHandler<I extends TSchema, O extends TSchema>(task: TaskDefinition<I, O>, run: HandlerFunction<I, O>): TaskHandler<I, O> {
  return { task, run };
}

/** Validates `event` against the task's input schema, then runs the handler. */
export async function invokeTask(handler: AnyTaskHandler, event: unknown, services: HandlerServices): Promise<unknown> {
  const input = assertPayload(handler.task.input, event, `Input of task ${handler.task.name}`);
  return handler.run(input as never, services);
}
