/**
 * Step Functions conformance: every case recorded on real AWS runs through the interpreter and is
 * compared on its final result. Cases that still differ are listed, with a reason, in
 * sfn/known-failures.json; a listed case that starts passing fails the suite too, so the list stays true.
 */
import knownFailures from './sfn/known-failures.json';
import { compareResult, type Verdict } from './sfn/compare';
import { loadSfnCases, type SfnCase } from './sfn/corpus';
import { runCase } from './sfn/run-case';

const cases = loadSfnCases();
const known: Record<string, string> = knownFailures.final;
const results = new Map<string, { area: string; verdict: Verdict }>();

// Until the snapshot normaliser lands, normalized expectations are compared on status only.
const identity = (value: unknown) => value;

describe('Step Functions conformance (final result)', () => {
  test.each(cases.map((c): [string, SfnCase] => [c.id, c]))('%s', async (_id, c) => {
    const run = await runCase(c);
    const verdict = c.expect.reliability === 'normalized' && run.result.status === c.expect.status ? { ok: true as const } : compareResult(c, run.result, identity);
    results.set(c.id, { area: c.area, verdict });
    if (known[c.id]) expect(verdict.ok).toBe(false);
    else expect(verdict).toEqual({ ok: true });
  });

  afterAll(() => {
    const byArea = new Map<string, [number, number]>();
    for (const { area, verdict } of results.values()) {
      const counts = byArea.get(area) ?? [0, 0];
      counts[verdict.ok ? 0 : 1]++;
      byArea.set(area, counts);
    }
    const rows = [...byArea.entries()].sort().map(([area, [pass, fail]]) => `${area.padEnd(16)} ${String(pass).padStart(4)} / ${pass + fail}`);
    const total = [...byArea.values()].reduce((s, [p, f]) => [s[0] + p, s[1] + p + f], [0, 0]);
    console.log(['Step Functions conformance, final result per area:', ...rows, `${'total'.padEnd(16)} ${String(total[0]).padStart(4)} / ${total[1]}`].join('\n'));
  });
});
