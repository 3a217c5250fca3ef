/** `statecraft serve` in-process over a temp data dir, with Glue, Athena and S3 clients pointed at it; reopenable on the same dir. */
import { AthenaClient, GetQueryExecutionCommand, type QueryExecution } from '@aws-sdk/client-athena';
import { GlueClient } from '@aws-sdk/client-glue';
import { S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalEndpoint, type RunningServer } from '../../../src/api';
import { createLocalRuntime, type LocalRuntime } from '../../../src/host';
import { registry } from '../../../workflows/registry';
import { eventually } from '../../support/eventually';

export interface LakeEndpoint {
  dir: string;
  runtime: LocalRuntime;
  server: RunningServer;
  glue: GlueClient;
  athena: AthenaClient;
  s3: S3Client;
  /** Stops the server and the runtime and starts both again on the same data dir. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export async function startLakeEndpoint(): Promise<LakeEndpoint> {
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-lake-api-'));
  const h = { dir } as LakeEndpoint;
  const start = async () => {
    h.runtime = await createLocalRuntime({ registry, dataDir: dir, bus: true });
    h.server = await createLocalEndpoint({ ...h.runtime, bus: h.runtime.bus! });
    const config = { endpoint: h.server.url, region: 'us-east-1', credentials };
    h.glue = new GlueClient(config);
    h.athena = new AthenaClient(config);
    h.s3 = new S3Client({ ...config, forcePathStyle: true });
  };
  const stop = async () => {
    h.glue.destroy();
    h.athena.destroy();
    h.s3.destroy();
    await h.server.close();
    await h.runtime.close();
  };
  await start();
  h.restart = async () => {
    await stop();
    await start();
  };
  h.close = async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return h;
}

/** Polls GetQueryExecution until the query is SUCCEEDED, FAILED or CANCELLED. */
export function finished(athena: AthenaClient, id: string): Promise<QueryExecution> {
  return eventually(async () => {
    const { QueryExecution } = await athena.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
    return ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(QueryExecution?.Status?.State ?? '') ? QueryExecution : undefined;
  });
}
