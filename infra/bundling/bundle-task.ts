/**
 * Bundles one task's function into a single CommonJS file for Lambda with esbuild's JS API, at
 * synth time and without Docker. The entry is generated: it imports the task's workflow package and
 * exports `lambdaEntry(package, task name)` as `handler`. The package's native packages stay
 * external and are copied beside the bundle (see native-addons.ts).
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import type { WorkflowPackage } from '../../src/builder';
import { copyNativePackages } from './native-addons';

export interface BundleOptions {
  readonly repositoryRoot: string;
  /** The directory the bundle (`index.js`) is written to; it becomes the function's code asset. */
  readonly outDir: string;
}

const LAMBDA_ENTRY = 'src/services/aws/lambda-entry.ts';

export function bundleTask(pkg: WorkflowPackage, taskName: string, options: BundleOptions): string {
  const entry = [
    `import { lambdaEntryOf } from ${JSON.stringify(path.join(options.repositoryRoot, LAMBDA_ENTRY))};`,
    `import * as workflowPackage from ${JSON.stringify(pkg.module)};`,
    `export const handler = lambdaEntryOf(workflowPackage, ${JSON.stringify(taskName)});`,
  ].join('\n');
  mkdirSync(options.outDir, { recursive: true });
  const { metafile } = buildSync({
    stdin: { contents: entry, resolveDir: options.repositoryRoot, loader: 'ts', sourcefile: 'lambda-entry.ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: path.join(options.outDir, 'index.js'),
    // Bundles must not depend on where the repository sits, or each checkout would deploy new code.
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'error',
    absWorkingDir: options.repositoryRoot,
    external: pkg.nativePackages.map((native) => native.name),
    metafile: true,
  });
  const imported = Object.values(metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path));
  copyNativePackages(pkg.nativePackages.filter((native) => imported.includes(native.name)), options.repositoryRoot, options.outDir);
  return options.outDir;
}
