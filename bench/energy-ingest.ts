/**
 * `node bin/run-ts.js bench/energy-ingest.ts [DAY] [DAYS]`: energy-ingest on NP through the local
 * runtime on the virtual clock, with the default champion — the historical load (1,519 days into
 * the lake, the calibration days forecast after the fact) and then DAYS daily runs — printing the
 * wall time of each run and its longest states.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineRegistry } from '../src/builder';
import { VirtualClock } from '../src/clock/clock';
import { createLocalRuntime, mountPackageEndpoints, runWorkflow } from '../src/host';
import { DATA_BUCKET } from '../workflows/data-bucket';
import { energyPackage } from '../workflows/energy';
import { MARKET_FILES_VARIABLE } from '../workflows/energy/feeds';

async function main(): Promise<void> {
  const day = process.argv[2] ?? '2017-06-01';
  const days = Number(process.argv[3] ?? 2);
  process.env[MARKET_FILES_VARIABLE] ??= resolve(__dirname, '../../shared/data/energy/NP.csv');
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-bench-ingest-'));
  const registry = defineRegistry({ packages: [energyPackage], modelRegistry: { bucket: DATA_BUCKET, prefix: 'model-registry/' } });
  const clock = new VirtualClock(Date.parse(`${day}T09:00:00Z`));
  // Real seconds per state: the history's own times are the virtual clock's.
  const entered = new Map<string, number>();
  const seconds = new Map<string, number>();
  const runtime = await createLocalRuntime({
    registry,
    dataDir: dir,
    clock,
    events: { putEvents: async () => ({ FailedEntryCount: 0, Entries: [] }) },
    onHistoryEvent: (_arn, event) => {
      if (event.type === 'TaskStateEntered') entered.set(String(event.details?.name), performance.now());
      if (event.type === 'TaskStateExited') {
        const name = String(event.details?.name);
        seconds.set(name, (performance.now() - (entered.get(name) ?? performance.now())) / 1000);
      }
    },
  });
  const endpoints = mountPackageEndpoints(registry, clock);
  const server = createServer((req, res) => void endpoints.handle(req, res));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  Object.assign(process.env, endpoints.environment(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  try {
    for (let run = 0; run <= days; run++) {
      seconds.clear();
      const started = performance.now();
      const result = await runWorkflow(runtime, 'energy-ingest', { market: 'NP' });
      const wall = (performance.now() - started) / 1000;
      const events = runtime.engine.getExecutionHistory({ executionArn: result.executionArn, maxResults: 1000 }).events ?? [];
      const output = result.output as { date?: string } | undefined;
      const states = [...seconds].map(([name, s]) => `${name} ${s.toFixed(1)}`).join(', ');
      process.stdout.write(`${run === 0 ? 'historical' : 'daily     '} ${output?.date ?? result.error}: ${wall.toFixed(1)} s wall, ${events.length} history events${result.cause ? ` (${result.cause})` : ''}; ${states}\n`);
      await clock.advance(86_400_000);
    }
  } finally {
    await new Promise<void>((done) => server.close(() => done()));
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
