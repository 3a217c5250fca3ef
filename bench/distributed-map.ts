/**
 * The distributed-Map section of `npm run bench`: a million-row CSV in the local S3, read by an
 * ItemReader, batched 1,000 rows a child, EXPRESS children, MaxConcurrency 100, results through a
 * ResultWriter; next to the same batches through the peer's inline Map, which has to hold the
 * whole dataset in its input. Each engine runs in a process of its own (distributed-map-run.ts).
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { renderTable } from './table';

interface RunFigures {
  seconds: number;
  peakRssMiB: number;
  peakHeapMiB: number;
  check: { children: number; rows: number };
}

/** The peer is given this long before its run is reported as not finished. */
const PEER_TIMEOUT_MS = 10 * 60 * 1000;

function runEngine(engine: 'statecraft' | 'peer', rows: number, timeoutMs: number): Promise<RunFigures> {
  const root = resolve(__dirname, '..');
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      [resolve(root, 'bin/run-ts.js'), resolve(__dirname, 'distributed-map-run.ts'), engine, String(rows)],
      { cwd: root, timeout: timeoutMs, maxBuffer: 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(err.killed ? `did not finish within ${timeoutMs / 1000} s` : (stderr.trim() || err.message)));
        else resolvePromise(JSON.parse(stdout.trim().split('\n').pop()!) as RunFigures);
      },
    );
  });
}

export async function measureDistributedMap(rows: number): Promise<void> {
  console.log(`\nDistributed Map over a ${rows.toLocaleString('en')}-row CSV: batches of 1,000 rows, MaxConcurrency 100, one process per engine\n`);
  const header = ['engine', 'how', 'items/s', 'seconds', 'peak RSS MiB', 'peak heap MiB', 'children', 'rows seen'];
  const cells: string[][] = [];
  const notes: string[] = [];
  const engines: ['statecraft' | 'peer', string][] = [
    ['statecraft', 'ItemReader (local S3, streamed) → EXPRESS children → ResultWriter'],
    ['peer', 'inline Map over the parsed rows given as input; results in its output'],
  ];
  for (const [engine, how] of engines) {
    process.stderr.write(`… distributed Map (${engine})\n`);
    try {
      const r = await runEngine(engine, rows, engine === 'peer' ? PEER_TIMEOUT_MS : 2 * PEER_TIMEOUT_MS);
      cells.push([engine, how, Math.round(rows / r.seconds).toLocaleString('en'), r.seconds.toFixed(2), String(r.peakRssMiB), String(r.peakHeapMiB), String(r.check.children), r.check.rows.toLocaleString('en')]);
      if (r.check.rows !== rows) notes.push(`${engine} saw ${r.check.rows} rows, not ${rows}: its figures are not comparable`);
    } catch (err) {
      cells.push([engine, how, 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a']);
      notes.push(`${engine} could not run it: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  console.log(renderTable(header, cells));
  console.log('  note: the peer has no ItemReader, ItemBatcher or ResultWriter; its time includes parsing and batching the rows in memory.');
  for (const note of notes) console.log(`  note: ${note}`);
}
