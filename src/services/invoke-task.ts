/**
 * How every host calls a task: the event is validated against the task's input schema at the
 * boundary (a violation names the task and the field) and the handler runs with the services its
 * access declaration grants, nothing more.
 */
import type { TaskDefinition } from '../builder/task-definition';
import { assertPayload } from '../schemas';
import { confineServices } from './confine';
import type { ModelRegistryLocation } from './models';
import type { HandlerServices } from './services';

export async function invokeTask(task: TaskDefinition, event: unknown, services: HandlerServices, registry: ModelRegistryLocation): Promise<unknown> {
  const input = assertPayload(task.input, event, `Input of task ${task.name}`);
  return task.run(input, confineServices(task.name, task.access, services, registry) as never);
}
