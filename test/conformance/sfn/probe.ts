/** Development aid: runs every case and prints mismatches of the final result. `node bin/run-ts.js test/conformance/sfn/probe.ts [filter]` */
import { isDeepStrictEqual } from 'node:util';
import { loadSfnCases } from './corpus';
import { runCase } from './run-case';

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const counts = new Map<string, [number, number]>();
  for (const c of loadSfnCases().filter((x) => x.id.includes(filter))) {
    const run = await runCase(c);
    const r = run.result;
    let ok = r.status === c.expect.status;
    if (ok && c.expect.reliability === 'exact') {
      if (r.status === 'SUCCEEDED') ok = isDeepStrictEqual(r.output, c.expect.output);
      else ok = r.error === c.expect.error && causeEq(r.cause, c.expect.cause);
    }
    const n = counts.get(c.area) ?? [0, 0];
    n[ok ? 0 : 1]++;
    counts.set(c.area, n);
    if (!ok && process.env.VERBOSE !== '0') {
      console.log(`FAIL ${c.id}\n  expected ${JSON.stringify(c.expect).slice(0, 400)}\n  actual   ${JSON.stringify(r).slice(0, 400)}`);
    }
  }
  for (const [area, [p, f]] of counts) console.log(`${area.padEnd(16)} ${p}/${p + f}`);
}

function causeEq(actual: string | undefined, expected: unknown): boolean {
  if (typeof expected === 'string' || expected === undefined) return actual === expected;
  try {
    return isDeepStrictEqual(JSON.parse(actual ?? ''), expected);
  } catch {
    return false;
  }
}

void main();
