/**
 * A local runtime on the virtual clock with the energy lake filled from slices of NP.csv, as the
 * ingest workflow would have left it: energy_history per day, and energy_forecasts for the days a
 * test says, their band built around the real prices by a given error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Json } from '../../../src/asl/json';
import { VirtualClock } from '../../../src/clock/clock';
import { createLocalRuntime, type LocalRuntime } from '../../../src/host';
import { LocalLakeCatalog } from '../../../src/lake';
import { writeParquet } from '../../../src/services';
import { DATA_BUCKET } from '../../../workflows/data-bucket';
import { dayIndex, readMarketData, type MarketData } from '../../../workflows/energy/lib';
import { forecastsTable, historyTable } from '../../../workflows/energy/tables';
import { registry } from '../../../workflows/registry';
import { NP_CSV } from './lib/energy-data';

export interface EnergyFixture {
  runtime: LocalRuntime;
  market: MarketData;
  /** Custom events the workflows put. */
  published: Json[];
  /** energy_history for `from..to`. */
  appendHistory(from: string, to: string): Promise<void>;
  /** energy_forecasts for `day`: P50 = price + error(hour), P10/P90 = P50 ∓ spread. */
  publishForecast(day: string, error: (hour: number) => number, spread: number): Promise<void>;
  close(): Promise<void>;
}

let npData: MarketData | undefined;

async function putPartition(runtime: LocalRuntime, catalog: LocalLakeCatalog, table: typeof historyTable | typeof forecastsTable, day: string, body: Buffer): Promise<void> {
  const prefix = `${table.prefix}market=NP/date=${day}/`;
  await runtime.services.objects.put({ bucket: DATA_BUCKET, key: `${prefix}part-0.parquet` }, body);
  await catalog.addPartitions([{ table: table.name, values: ['NP', day], location: `s3://${DATA_BUCKET}/${prefix}` }]);
}

export async function openEnergyFixture(startIso: string): Promise<EnergyFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-energy-'));
  const published: Json[] = [];
  const runtime = await createLocalRuntime({
    registry,
    dataDir: dir,
    workers: 2,
    clock: new VirtualClock(Date.parse(startIso)),
    events: {
      putEvents: async (entries) => {
        published.push(...entries);
        return { Entries: entries.map((_, i) => ({ EventId: `event-${published.length + i}` })), FailedEntryCount: 0 };
      },
    },
  });
  npData ??= readMarketData(NP_CSV);
  const market = npData;
  const catalog = new LocalLakeCatalog(runtime.lake, 'statecraft');
  const hours = (day: string) => Array.from({ length: 24 }, (_, h) => dayIndex(market, day) * 24 + h);
  return {
    runtime,
    market,
    published,
    appendHistory: async (from, to) => {
      for (let d = dayIndex(market, from); d <= dayIndex(market, to); d++) {
        const day = market.days[d]!;
        const rows = hours(day).map((i, hour) => ({ hour, price: market.price[i]!, exog1: market.exogenous[0]![i]!, exog2: market.exogenous[1]![i]! }));
        await putPartition(runtime, catalog, historyTable, day, writeParquet(historyTable.rows, rows));
      }
    },
    publishForecast: async (day, error, spread) => {
      const rows = hours(day).map((i, hour) => {
        const p50 = market.price[i]! + error(hour);
        return { hour, p10: p50 - spread, p50, p90: p50 + spread, members: JSON.stringify([p50]), model: 'energy-NP@default', madeAt: `${day}T00:00:00.000Z` };
      });
      await putPartition(runtime, catalog, forecastsTable, day, writeParquet(forecastsTable.rows, rows));
    },
    close: async () => {
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
