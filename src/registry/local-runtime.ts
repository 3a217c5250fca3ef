/**
 * The registry running on one machine: an object store, the task handlers in-process (CPU work in
 * worker threads) beside the user's own Lambda handlers, an Engine that invokes them, the event bus
 * with every rule, and every workflow registered. `statecraft serve` is this behind the endpoint.
 */
import { WallClock, type Clock } from '../clock/clock';
import { ChainedLambdaInvoker } from '../control/chained-functions';
import { Engine, type ExecutionStatusListener } from '../control/engine';
import { DirectoryLambdaInvoker } from '../control/functions';
import type { Location } from '../control/names';
import type { EventPublisher, LambdaInvoker } from '../interpreter/integrations/services';
import { EventBus } from '../events/bus';
import { athenaTaskService, openLake, type Lake } from '../lake';
import { ObjectStore } from '../objects';
import { kfoldHandlers } from '../../tasks/kfold';
import type { AnyTaskHandler } from '../../tasks/runtime/handler';
import { putRulesOnBus } from './bus-rules';
import { HandlerLambdaInvoker } from './handler-invoker';
import { createLocalServices, type LocalServices, type LocalServicesOptions } from './local-services';
import { registerLocally, type RegisteredRule } from './register-locally';

/** Every task handler of every registered workflow. */
export const taskHandlers: readonly AnyTaskHandler[] = [...kfoldHandlers];

export interface LocalRuntimeOptions extends LocalServicesOptions, Partial<Location> {
  /** Engine and bus databases and the object store live here; omitted, both are in memory (objects still need a dir). */
  dataDir?: string;
  /** The object store's directory. @default dataDir */
  objectsDir?: string;
  /** @default new WallClock() */
  clock?: Clock;
  /** Lambda handlers beside the project's tasks: `DIR/<name>.{js,mjs,ts}` exporting `handler`. */
  functionsDir?: string;
  /**
   * Run the event bus: it gets the registry's rules, the buckets' S3 events, the workflows' custom
   * events and status changes, and starts executions of this engine. @default false: see `events`
   */
  bus?: boolean;
  /** Without a bus, receives custom events (`ModelRegistered` …). @default - accepted and dropped */
  events?: EventPublisher;
  /**
   * Told when a STANDARD execution starts (its RUNNING row is committed) and when it ends, before the
   * bus publishes the status event. @default - only the bus is told
   */
  onExecutionStatusChange?: ExecutionStatusListener;
}

export interface LocalRuntime {
  engine: Engine;
  objects: ObjectStore;
  /** Present when the runtime was opened with `bus: true`. */
  bus?: EventBus;
  /** The data lake (Glue Data Catalog and Athena) over the object store, in the same data dir. */
  lake: Lake;
  services: LocalServices;
  /** The rules put on the event bus, with the ARNs of the state machines they start. */
  rules: RegisteredRule[];
  close(): Promise<void>;
}

export async function createLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const objectsDir = options.objectsDir ?? options.dataDir;
  if (!objectsDir) throw new Error('createLocalRuntime needs dataDir or objectsDir for the object store.');
  const location: Location = { region: options.region ?? 'us-east-1', account: options.account ?? '000000000000' };
  const clock = options.clock ?? new WallClock();
  let bus: EventBus | undefined;
  const objects = await ObjectStore.open({ dataDir: objectsDir, ...location, onEvent: (event) => bus?.publish(event) });
  const lake = openLake({ dataDir: options.dataDir, objects });
  const services = createLocalServices(objects, { ...options, clock });
  const lambda = lambdaRuntimes(services, location, options.functionsDir);
  if (options.bus) bus = new EventBus({ dataDir: options.dataDir, clock, lambda, ...location });
  const engine = new Engine({
    dataDir: options.dataDir,
    clock,
    ...location,
    lambda,
    events: bus?.taskPublisher ?? options.events,
    athena: athenaTaskService(lake.athena),
    onExecutionStatusChange: bothListeners(options.onExecutionStatusChange, bus?.executionStatusListener),
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
    bus,
    lake,
    services,
    rules,
    close: async () => {
      bus?.close();
      engine.close();
      await services.close();
      lake.close();
      objects.close();
    },
  };
}

/**
 * The caller's listener first, so that it learns of a start without paying for the bus's status event;
 * the bus is told even when the caller's listener throws (the engine logs that error).
 */
function bothListeners(own?: ExecutionStatusListener, bus?: ExecutionStatusListener): ExecutionStatusListener | undefined {
  if (!own || !bus) return own ?? bus;
  return (change) => {
    try {
      own(change);
    } finally {
      bus(change);
    }
  };
}

/** The project's task handlers first, then the user's functions directory. */
function lambdaRuntimes(services: LocalServices, location: Location, functionsDir?: string): LambdaInvoker {
  const tasks = new HandlerLambdaInvoker(taskHandlers, services, location);
  return functionsDir ? new ChainedLambdaInvoker([tasks, new DirectoryLambdaInvoker(functionsDir, location)]) : tasks;
}
