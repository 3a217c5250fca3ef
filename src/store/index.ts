/** The durable store: one SQLite file with state machines, executions, histories and task tokens. */
export { openDatabase, DATABASE_FILE, type Db } from './database';
export { SqliteHistorySink } from './history-store';
export { StateMachineStore, type StateMachineRecord, type StateMachineType } from './state-machine-store';
export { ExecutionStore, type ExecutionRecord, type ExecutionEnd } from './execution-store';
export { TaskTokenStore, type TaskTokenRecord, type TaskTokenStatus } from './task-token-store';
