/**
 * Rewrites known-failures.json from a fresh run: `node bin/run-ts.js test/conformance/sfn/update-known-failures.ts`.
 * Each entry's reason is where the result differs from AWS's; edit it to say why when the cause is understood.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSfnCases } from './corpus';
import { evaluateCase } from './evaluate';

const FILE = join(__dirname, 'known-failures.json');

async function main(): Promise<void> {
  const previous = JSON.parse(readFileSync(FILE, 'utf8')) as { final: Record<string, string>; history: Record<string, string> };
  const next = { final: {} as Record<string, string>, history: {} as Record<string, string> };
  for (const c of loadSfnCases()) {
    const v = await evaluateCase(c);
    if (!v.final.ok) next.final[c.id] = previous.final?.[c.id] ?? v.final.why.slice(0, 240);
    if (v.history && !v.history.ok) next.history[c.id] = previous.history?.[c.id] ?? v.history.why.slice(0, 240);
  }
  writeFileSync(FILE, JSON.stringify(next, null, 2) + '\n');
  console.log(`final: ${Object.keys(next.final).length} known failures, history: ${Object.keys(next.history).length}`);
}

void main();
