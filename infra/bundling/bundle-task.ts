/**
 * Bundles one task's handler into a single CommonJS file for Lambda with esbuild's JS API, at
 * synth time and without Docker. The bundle's entry is generated: it first installs the AWS
 * services, then re-exports the task module's handler unchanged.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

export interface HandlerReference {
  /** Module path relative to the repository root, e.g. `tasks/kfold/split.ts`. */
  readonly modulePath: string;
  /** @default 'handler' */
  readonly exportName: string;
}

/** `tasks/kfold/split.ts` or `tasks/kfold/split.ts#split`: the module and the export that is the handler. */
export function parseHandlerReference(reference: string): HandlerReference {
  const [modulePath, exportName = 'handler'] = reference.split('#');
  return { modulePath: modulePath!, exportName };
}

export interface BundleOptions {
  readonly repositoryRoot: string;
  /** The directory the bundle (`index.js`) is written to; it becomes the function's code asset. */
  readonly outDir: string;
  /** Module that installs the host's services when imported. @default infra/lambda/install-aws-services.ts */
  readonly servicesModule?: string;
}

export function bundleTask(handler: HandlerReference, options: BundleOptions): string {
  const services = options.servicesModule ?? path.join(options.repositoryRoot, 'infra/lambda/install-aws-services.ts');
  const entry = [
    `import ${JSON.stringify(services)};`,
    `export { ${handler.exportName} as handler } from ${JSON.stringify(path.resolve(options.repositoryRoot, handler.modulePath))};`,
  ].join('\n');
  mkdirSync(options.outDir, { recursive: true });
  buildSync({
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
  });
  return options.outDir;
}
