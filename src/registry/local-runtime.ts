/**
 * The registry running on one machine: an object store, the task handlers in-process (CPU work in
 * worker threads), an Engine whose Lambda invoker calls them, and every workflow registered.
 */
import type { Clock } from '../clock/clock';
import { Engine } from '../control/engine';
import type { EventPublisher } from '../interpreter/integrations/services';
import { ObjectStore, type S3EventListener } from '../objects';
import { kfoldHandlers } from '../../tasks/kfold';
import type { AnyTaskHandler } from '../../tasks/runtime/handler';
import { HandlerLambdaInvoker } from './handler-invoker';
import { createLocalServices, type LocalServices, type LocalServicesOptions } from './local-services';
import { registerLocally, type RegisteredRule } from './register-locally';

/** Every task handler of every registered workflow. */
export const taskHandlers: readonly AnyTaskHandler[] = [...kfoldHandlers];

export interface LocalRuntimeOptions extends LocalServicesOptions {
  /** Engine database and object store live here; omitted, the engine is in memory (objects still need a dir). */
  dataDir?: string;
  /** The object store's directory. @default dataDir */
  objectsDir?: string;
  clock?: Clock;
  /** Receives custom events (`ModelRegistered` …): the event bus. @default - events are accepted and dropped */
  events?: EventPublisher;
  /** Receives S3 "Object Created" events of buckets with EventBridge notifications. */
  onObjectEvent?: S3EventListener;
}

export interface LocalRuntime {
  engine: Engine;
  objects: ObjectStore;
  services: LocalServices;
  /** The rules to put on the event bus, with the ARNs of the state machines they start. */
  rules: RegisteredRule[];
  close(): Promise<void>;
}

export async function createLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const objectsDir = options.objectsDir ?? options.dataDir;
  if (!objectsDir) throw new Error('createLocalRuntime needs dataDir or objectsDir for the object store.');
  const objects = await ObjectStore.open({ dataDir: objectsDir, onEvent: options.onObjectEvent });
  const services = createLocalServices(objects, options);
  const engine = new Engine({
    dataDir: options.dataDir,
    clock: options.clock,
    lambda: new HandlerLambdaInvoker(taskHandlers, services),
    events: options.events,
    objects,
  });
  const rules = registerLocally(engine, objects);
  return {
    engine,
    objects,
    services,
    rules,
    close: async () => {
      engine.close();
      await services.close();
      objects.close();
    },
  };
}
