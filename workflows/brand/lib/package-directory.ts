/**
 * Where an installed npm package's files are, found the way Node finds packages from this code: in
 * the repository's node_modules locally, beside the bundle in a Lambda function. Works for packages
 * whose `exports` hide both `package.json` and the files wanted (a model folder, say).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function packageDirectory(name: string): string {
  for (const dir of require.resolve.paths(name) ?? []) {
    const candidate = join(dir, name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`The npm package ${name} is not installed where this code runs; a bundled function carries it only when its workflow package declares it.`);
}
