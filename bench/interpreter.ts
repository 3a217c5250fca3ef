/**
 * `npm run bench`: statecraft's interpreter against aws-local-stepfunctions on the same ASL, in
 * one process, then StartExecution→completion latency through the HTTP API. See bench/README.md.
 *
 * Environment: BENCH_RUNS (measured rounds, default 5), BENCH_STAT (best | median, default best),
 * BENCH_SCALE (multiplies workload sizes, default 1), BENCH_LATENCY_RUNS (default 300),
 * BENCH_MAP_ROWS (rows of the distributed-Map CSV, default 1,000,000 × BENCH_SCALE).
 */
import './polyfills';
import { measureApiLatency } from './api-latency';
import { measureDistributedMap } from './distributed-map';
import { peer, statecraftExpress, statecraftStandard, type Engine } from './engines';
import { envNumber, envStatistic } from './env';
import { measureInterleaved, rate, sameOutput, type Measurement, type Statistic } from './measure';
import { formatRate, formatRatio, renderTable } from './table';
import { verifyTransitionCount } from './transition-count';
import { inlineMap, jsonataChain, parallelFanOut, passChoiceLoop, type Workload } from './workloads';

const EXPRESS_TARGET = 3;
const STANDARD_TARGET = 1;

function workloads(scale: number): Workload[] {
  return [
    passChoiceLoop(2 + 2 * Math.round(49_999 * scale)),
    inlineMap(Math.round(10_000 * scale)),
    parallelFanOut(10, 3, Math.round(300 * scale)),
    jsonataChain(2 + 2 * Math.round(9_999 * scale)),
  ];
}

interface Row {
  workload: Workload;
  express?: Measurement;
  standard?: Measurement;
  peer?: Measurement;
  note?: string;
}

/** A workload that an engine fails is reported as such; the other workloads still run. */
async function benchOrReport(workload: Workload, engines: { express: Engine; standard: Engine; peer: Engine }, runs: number): Promise<Row> {
  try {
    return await benchWorkload(workload, engines, runs);
  } catch (err) {
    return { workload, note: `not measured: ${err instanceof Error ? err.message : String(err)}` };
  }
}

async function benchWorkload(workload: Workload, engines: { express: Engine; standard: Engine; peer: Engine }, runs: number): Promise<Row> {
  await verifyTransitionCount(workload);
  if (workload.peerUnsupported) {
    const [express, standard] = await measureInterleaved([engines.express, engines.standard], workload, runs);
    return { workload, express, standard, note: workload.peerUnsupported };
  }
  const [express, standard, peerResult] = await measureInterleaved([engines.express, engines.standard, engines.peer], workload, runs);
  if (!sameOutput(express.output, peerResult.output)) {
    return { workload, express, standard, note: `peer output differs from statecraft's; its rate is not comparable` };
  }
  return { workload, express, standard, peer: peerResult };
}

function printThroughput(rows: Row[], runs: number, statistic: Statistic): void {
  console.log(`\nInterpreter throughput: state transitions per second, ${statistic} of ${runs} interleaved rounds after one warm-up`);
  console.log(`Targets: EXPRESS ≥ ${EXPRESS_TARGET}× peer, STANDARD ≥ ${STANDARD_TARGET}× peer\n`);
  const header = ['workload', 'statecraft EXPRESS t/s', 'statecraft STANDARD t/s', 'peer t/s', 'EXPRESS/peer', 'STANDARD/peer'];
  const cells = rows.map((r) => {
    const [express, standard, peerRate] = [r.express, r.standard, r.peer].map((m) => rate(m, statistic));
    return [
      r.workload.name,
      formatRate(express),
      formatRate(standard),
      formatRate(peerRate),
      formatRatio(express, peerRate, EXPRESS_TARGET),
      formatRatio(standard, peerRate, STANDARD_TARGET),
    ];
  });
  console.log(renderTable(header, cells));
  for (const r of rows) if (r.note) console.log(`  note (${r.workload.name}): ${r.note}`);
}

async function main(): Promise<void> {
  const runs = envNumber('BENCH_RUNS', 5);
  const scale = envNumber('BENCH_SCALE', 1);
  const statistic = envStatistic();
  const engines = { express: statecraftExpress(), standard: statecraftStandard(), peer: await peer() };
  const rows: Row[] = [];
  try {
    for (const workload of workloads(scale)) {
      process.stderr.write(`… ${workload.name}\n`);
      rows.push(await benchOrReport(workload, engines, runs));
    }
  } finally {
    for (const engine of Object.values(engines)) engine.close();
  }
  printThroughput(rows, runs, statistic);
  await measureDistributedMap(envNumber('BENCH_MAP_ROWS', Math.round(1_000_000 * scale)));
  await measureApiLatency(envNumber('BENCH_LATENCY_RUNS', 300));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
