/**
 * A workflow registry running on one machine: an object store, the task handlers in-process (CPU
 * work in worker threads) beside the user's own Lambda handlers, an Engine that invokes them, the
 * event bus with every rule, and every workflow registered. `statecraft serve` is this behind the endpoint.
 */
import { locationOf } from '../location';
import { VirtualClock, WallClock, type Clock } from '../clock/clock';
import { ChainedLambdaInvoker } from '../control/chained-functions';
import { Engine, type ExecutionStatusListener } from '../control/engine';
import type { HistoryObserver } from '../control/observed-history-sink';
import { DirectoryLambdaInvoker } from '../control/functions';
import type { Location } from '../control/names';
import type { EventPublisher, LambdaInvoker } from '../interpreter/integrations/services';
import { EventBus } from '../events/bus';
import { Scheduler } from '../events/scheduler';
import { athenaTaskService, localLakeServices, openLake, type Lake } from '../lake';
import { ObjectStore } from '../objects';
import type { WorkflowRegistry } from '../builder/workflow-package';
import { putRulesOnBus } from './bus-rules';
import { BusEventService } from './bus-events';
import { HandlerLambdaInvoker } from './handler-invoker';
import { createLocalServices, type LocalServices, type LocalServicesOptions } from './local-services';
import { registerLocally, stateMachineArn, type RegisteredRule } from './register-locally';
import { putSchedules, registrySchedules, removeUndeclaredSchedules } from './register-schedules';
import { registerTables } from './register-tables';

export interface LocalRuntimeOptions extends Omit<LocalServicesOptions, 'modelRegistry' | 'events' | 'lake'>, Partial<Location> {
  /** The workflows to deploy: their state machines, buckets, rules and task handlers. */
  registry: WorkflowRegistry;
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
  /** Hears every history event of a STANDARD execution as it is recorded (live progress). */
  onHistoryEvent?: HistoryObserver;
}

export interface LocalRuntime {
  engine: Engine;
  registry: WorkflowRegistry;
  objects: ObjectStore;
  /** Present when the runtime was opened with `bus: true`. */
  bus?: EventBus;
  /** EventBridge Scheduler, present with the bus (its event-bus targets put events on it), with the registry's schedules. */
  scheduler?: Scheduler;
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
  const location = locationOf(options);
  const clock = options.clock ?? new WallClock();
  let bus: EventBus | undefined;
  // The store stamps objects with the engine's time, so uploads on a virtual clock line up with the runs they start.
  const objects = await ObjectStore.open({ dataDir: objectsDir, ...location, now: () => new Date(clock.now()), onEvent: (event) => bus?.publish(event) });
  const lake = openLake({ dataDir: options.dataDir, objects });
  const services = createLocalServices(objects, { ...options, clock, modelRegistry: options.registry.modelRegistry, events: new BusEventService(() => bus), lake: localLakeServices(lake) });
  const lambda = lambdaRuntimes(options.registry, services, location, clock, options.functionsDir);
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
  if (options.onHistoryEvent) engine.observeHistory(options.onHistoryEvent);
  const rules = registerLocally(engine, objects, options.registry);
  registerTables(lake.catalog, options.registry);
  if (bus) {
    putRulesOnBus(bus, rules);
    bus.start(engine);
  }
  const scheduler = bus && new Scheduler({ dataDir: options.dataDir, clock, lambda, bus, ...location });
  if (scheduler) {
    const schedules = registrySchedules(options.registry, (workflow) => stateMachineArn(engine, workflow));
    removeUndeclaredSchedules(scheduler, schedules);
    putSchedules(scheduler, schedules);
  }
  scheduler?.start(engine);
  return {
    engine,
    registry: options.registry,
    objects,
    bus,
    scheduler,
    lake,
    services,
    rules,
    close: async () => {
      scheduler?.close();
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
function lambdaRuntimes(registry: WorkflowRegistry, services: LocalServices, location: Location, clock: Clock, functionsDir?: string): LambdaInvoker {
  const tasks = withoutVirtualTime(new HandlerLambdaInvoker(registry.tasks(), services, registry.modelRegistry, location), clock);
  return functionsDir ? new ChainedLambdaInvoker([tasks, new DirectoryLambdaInvoker(functionsDir, location)]) : tasks;
}

/**
 * On a virtual clock the packages' tasks take no virtual time: while one runs (fetching a feed,
 * querying the lake) the clock holds, so its timeout cannot fire just because the process waits on I/O.
 */
function withoutVirtualTime(tasks: LambdaInvoker, clock: Clock): LambdaInvoker {
  if (!(clock instanceof VirtualClock)) return tasks;
  return {
    invoke: async (functionName, payload, options) => {
      const release = clock.hold();
      try {
        return await tasks.invoke(functionName, payload, options);
      } finally {
        release();
      }
    },
  };
}
