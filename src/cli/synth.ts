/** `statecraft synth [outDir]` (`npm run synth`): every registered workflow's ASL and payload schemas, as files. */
import { resolve } from 'node:path';
import type { WorkflowRegistry } from '../builder/workflow-package';
import { synthesize } from '../host';
import { UsageError } from './args';

export async function synthCommand(argv: string[], registry: WorkflowRegistry): Promise<number> {
  if (argv.length > 1) throw new UsageError('usage: statecraft synth [outDir]');
  const outDir = resolve(argv[0] ?? 'build');
  const written = synthesize(outDir, registry.workflows);
  process.stdout.write(`wrote ${written.length} files to ${outDir}\n`);
  return 0;
}
