/** A lake over a fresh object store in a temp dir, and Parquet fixtures written by an unrestricted DuckDB. */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ObjectStore } from '../../src/objects';
import { openLake, type Lake } from '../../src/lake';
import type { StoredQuery } from '../../src/lake';

export interface LakeHarness {
  dir: string;
  objects: ObjectStore;
  lake: Lake;
  /** Closes and reopens the lake and the object store on the same dir. */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

export async function openLakeHarness(dir = mkdtempSync(join(tmpdir(), 'statecraft-lake-'))): Promise<LakeHarness> {
  const h = {
    dir,
    objects: await ObjectStore.open({ dataDir: dir }),
  } as LakeHarness;
  h.lake = openLake({ dataDir: dir, objects: h.objects });
  h.reopen = async () => {
    h.lake.close();
    h.objects.close();
    h.objects = await ObjectStore.open({ dataDir: dir });
    h.lake = openLake({ dataDir: dir, objects: h.objects });
  };
  h.close = async () => {
    h.lake.close();
    h.objects.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return h;
}

let fixtureDb: Promise<DuckDBInstance> | undefined;

/** The bytes of a Parquet file holding what `select` returns (DuckDB SQL, e.g. `SELECT 1.5::DOUBLE AS price`). */
export async function parquetBytes(select: string): Promise<Buffer> {
  fixtureDb ??= DuckDBInstance.create(':memory:');
  const connection = await (await fixtureDb).connect();
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-parquet-'));
  try {
    const file = join(dir, 'data.parquet');
    await connection.run(`COPY (${select}) TO '${file}' (FORMAT PARQUET)`);
    return readFileSync(file);
  } finally {
    connection.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function putBytes(objects: ObjectStore, bucket: string, key: string, bytes: Buffer | string): Promise<void> {
  await objects.putObject(bucket, key, Readable.from([Buffer.from(bytes)]));
}

/** Starts a query and waits for its final state. */
export async function runQuery(lake: Lake, sql: string, options: { database?: string; output?: string } = {}): Promise<StoredQuery> {
  const { QueryExecutionId } = lake.athena.startQueryExecution({
    QueryString: sql,
    QueryExecutionContext: { Database: options.database ?? 'energy' },
    ResultConfiguration: { OutputLocation: options.output ?? 's3://results/athena/' },
  });
  return lake.athena.whenFinished(QueryExecutionId);
}

/** The data rows of a finished SELECT (header row dropped), each value text or null. */
export async function resultRows(lake: Lake, id: string): Promise<(string | null)[][]> {
  const page = (await lake.athena.getQueryResults({ QueryExecutionId: id })) as { ResultSet: { Rows: { Data: { VarCharValue?: string }[] }[] } };
  return page.ResultSet.Rows.slice(1).map((row) => row.Data.map((d) => d.VarCharValue ?? null));
}

/** A `prices` table partitioned by market/date in database `energy`, bucket `lake`, with the given days. */
export async function pricesTable(h: LakeHarness, days: { market: string; date: string; prices: number[] }[]): Promise<void> {
  for (const bucket of ['lake', 'results']) if (!h.objects.listBuckets().some((b) => b.name === bucket)) h.objects.createBucket(bucket);
  if (!h.lake.catalog.findDatabaseByName('energy')) h.lake.catalog.createDatabase({ DatabaseInput: { Name: 'energy' } });
  const ddl = await runQuery(h.lake, "CREATE EXTERNAL TABLE IF NOT EXISTS prices (hour int, price double) PARTITIONED BY (market string, `date` string) STORED AS PARQUET LOCATION 's3://lake/prices/'");
  if (ddl.Status.State !== 'SUCCEEDED') throw new Error(ddl.Status.StateChangeReason);
  for (const day of days) {
    const values = day.prices.map((p, hour) => `(${hour}, ${p}::DOUBLE)`).join(', ');
    await putBytes(h.objects, 'lake', `prices/market=${day.market}/date=${day.date}/part-0.parquet`, await parquetBytes(`SELECT * FROM (VALUES ${values}) v(hour, price)`));
  }
}
