/**
 * Step Functions conformance: every case recorded on real AWS runs through the interpreter and is
 * compared first on its final result (status and output, or error and cause), then on its whole
 * history, after the recording's own normalisation. Cases that still differ are listed, with the
 * reason, in sfn/known-failures.json; a listed case that starts passing fails the suite too, so the
 * list stays true (rewrite it with sfn/update-known-failures.ts).
 */
import knownFailures from './sfn/known-failures.json';
import { loadSfnCases, type SfnCase } from './sfn/corpus';
import { evaluateCase, type CaseVerdicts } from './sfn/evaluate';

const cases = loadSfnCases();
const known: { final: Record<string, string>; history: Record<string, string> } = knownFailures;
const verdicts = new Map<string, { area: string; v: CaseVerdicts }>();

describe('Step Functions conformance', () => {
  test.each(cases.map((c): [string, SfnCase] => [c.id, c]))('%s', async (id, c) => {
    const v = await evaluateCase(c);
    verdicts.set(id, { area: c.area, v });
    expect({ final: v.final.ok, history: v.history?.ok ?? true }).toEqual({ final: !known.final[id], history: v.history ? !known.history[id] : true });
  });

  afterAll(() => console.log(passTable()));
});

function passTable(): string {
  const areas = new Map<string, { final: [number, number]; history: [number, number] }>();
  const total = { final: [0, 0], history: [0, 0] };
  for (const { area, v } of verdicts.values()) {
    const row = areas.get(area) ?? { final: [0, 0], history: [0, 0] };
    count(row.final, v.final.ok);
    count(total.final, v.final.ok);
    if (v.history) {
      count(row.history, v.history.ok);
      count(total.history, v.history.ok);
    }
    areas.set(area, row);
  }
  const line = (name: string, r: { final: number[]; history: number[] }) =>
    `${name.padEnd(16)} ${`${r.final[0]}/${r.final[1]}`.padStart(9)} ${r.history[1] ? `${r.history[0]}/${r.history[1]}`.padStart(9) : '        -'}`;
  return [
    'Step Functions conformance (cases recorded on AWS): final result, whole history',
    `${'area'.padEnd(16)} ${'final'.padStart(9)} ${'history'.padStart(9)}`,
    ...[...areas.entries()].sort().map(([a, r]) => line(a, r)),
    line('total', total),
  ].join('\n');
}

function count(pair: number[], ok: boolean): void {
  pair[1]++;
  if (ok) pair[0]++;
}
