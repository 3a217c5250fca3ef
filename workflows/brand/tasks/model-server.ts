/**
 * The local model server's record, one per analysis run, stored beside the run's files. Its statuses
 * follow Rekognition Custom Labels' project versions: STARTING → RUNNING → STOPPING → STOPPED
 * (FAILED when the model cannot load). Detection refuses a server that is not RUNNING.
 */
import type { Static } from '@sinclair/typebox';
import { TaskFailure, type ObjectRef, type ObjectService } from '../../../src/services';
import type { ModelServer, ModelServerStatus } from '../schemas';

export type ServerRecord = Static<typeof ModelServer> & { statusMessage?: string; updatedAt: string };

export async function readServer(objects: ObjectService, ref: ObjectRef): Promise<ServerRecord> {
  return JSON.parse(await objects.getText(ref)) as ServerRecord;
}

export async function writeServer(objects: ObjectService, record: ServerRecord): Promise<void> {
  await objects.putText(record.server, JSON.stringify(record), 'application/json');
}

export async function setStatus(objects: ObjectService, record: ServerRecord, status: ModelServerStatus, now: Date, statusMessage?: string): Promise<ServerRecord> {
  const next = { ...record, status, updatedAt: now.toISOString(), ...(statusMessage && { statusMessage }) };
  await writeServer(objects, next);
  return next;
}

/** Rekognition answers DetectCustomLabels on a model that is not running with ResourceNotReadyException. */
export function assertRunning(record: ServerRecord): void {
  if (record.status !== 'RUNNING') throw new TaskFailure('ResourceNotReadyException', `The model ${record.modelName} version ${record.version} is ${record.status}, not RUNNING.`);
}
