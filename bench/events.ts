/**
 * `npm run bench:events`: the event bus's pattern-matching throughput (RuleIndex against a linear
 * scan, 1,000 and 10 realistic rules), then upload→RUNNING latency through the local endpoint.
 * See bench/README.md.
 *
 * Environment: BENCH_RUNS (rounds of each part, default 5), BENCH_STAT (best | median, default best),
 * BENCH_ROUND_MS (each matcher's time per round, default 500), BENCH_LATENCY_RUNS (uploads per round, default 300).
 */
import { envNumber, envStatistic } from './env';
import { measurePatternThroughput } from './pattern-throughput';
import { measureUploadLatency } from './upload-latency';

async function main(): Promise<void> {
  const rounds = envNumber('BENCH_RUNS', 5);
  const statistic = envStatistic();
  measurePatternThroughput({ rounds, statistic, roundMillis: envNumber('BENCH_ROUND_MS', 500) });
  await measureUploadLatency({ rounds, uploadsPerRound: envNumber('BENCH_LATENCY_RUNS', 300), statistic });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
