/**
 * Turns a {@link AnyTaskHandler} into a Lambda-style `handler(event, context)`. The services come from
 * whatever the host installed with {@link installServices}: the local runtime installs its own; the
 * AWS bundle installs AWS-backed ones at cold start.
 */
import { invokeTask, type AnyTaskHandler } from '../task-handler';
import type { HandlerServices } from '../services';

let installed: HandlerServices | undefined;

export function installServices(services: HandlerServices): void {
  installed = services;
}

export function lambdaHandler(handler: AnyTaskHandler): (event: unknown, context?: unknown) => Promise<unknown> {
  // async, so a missing host setup reaches the caller as a rejected invocation like any other failure.
  return async (event) => {
    if (!installed) throw new Error(`No services are installed for task ${handler.task.name}; the host must call installServices() first.`);
    return invokeTask(handler, event, installed);
  };
}
