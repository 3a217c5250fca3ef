/**
 * The registry running on one machine: an object store, the task handlers in-process (CPU work in
 * worker threads), an Engine whose Lambda invoker calls them, and every workflow registered.
 */
import type { Clock } from '../clock/clock';
import { Engine } from '../control/engine';
import type { EventPublisher } from '../interpreter/integrations/services';
import type { EventBus } from '../events/bus';
import { ObjectStore } from '../objects';
import { kfoldHandlers } from '../../tasks/kfold';
import type { AnyTaskHandler } from '../../tasks/runtime/handler';
import { putRulesOnBus } from './bus-rules';
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
  /**
   * The event bus: it gets the registry's rules, the buckets' S3 events and the workflows' custom
   * events, and starts executions of this engine. @default - no bus: see `events`
   */
  bus?: EventBus;
  /** Without a bus, receives custom events (`ModelRegistered` …). @default - accepted and dropped */
  events?: EventPublisher;
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
  const { bus } = options;
  const objects = await ObjectStore.open({ dataDir: objectsDir, onEvent: bus && ((event) => bus.publish(event)) });
  const services = createLocalServices(objects, options);
  const engine = new Engine({
    dataDir: options.dataDir,
    clock: options.clock,
    lambda: new HandlerLambdaInvoker(taskHandlers, services),
    events: bus?.taskPublisher ?? options.events,
    onExecutionStatusChange: bus?.executionStatusListener,
    objects,
  });
  const rules = registerLocally(engine, objects);
  if (bus) {
    putRulesOnBus(bus, rules);
    bus.start(engine);
  }
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
