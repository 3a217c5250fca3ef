/** The bundle a task function deploys: the task module's handler, unchanged, with AWS services installed. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { bundleTask, parseHandlerReference } from '../../../infra/bundling/bundle-task';
import { REPOSITORY_ROOT } from '../synth';

const outDirs: string[] = [];
afterAll(() => outDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const bundle = (modulePath: string) => {
  const outDir = bundleTask(parseHandlerReference(modulePath), { repositoryRoot: REPOSITORY_ROOT, outDir: mkdtempSync(path.join(tmpdir(), 'bundle-test-')) });
  outDirs.push(outDir);
  return path.join(outDir, 'index.js');
};

const scoreBundle = bundle('test/infra/fixtures/score-handler.ts');

function load(file: string, env: Record<string, string | undefined>): { handler: (event: unknown) => Promise<unknown> } {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete process.env[name];
  try {
    return require(file);
  } finally {
    process.env = saved;
  }
}

test('the handler runs as Lambda calls it: input validated, output returned', async () => {
  const { handler } = load(scoreBundle, { STATECRAFT_MODEL_REGISTRY_BUCKET: 'models' });
  await expect(handler({ part: 5 })).resolves.toEqual({ score: 0.5 });
  await expect(handler({ part: 'five' })).rejects.toThrow(/fixture-score/);
});

test('a function started without its environment fails at cold start, naming the variable', () => {
  const copy = bundle('test/infra/fixtures/score-handler.ts');
  expect(() => load(copy, { STATECRAFT_MODEL_REGISTRY_BUCKET: undefined })).toThrow(/STATECRAFT_MODEL_REGISTRY_BUCKET/);
});

test('bundles are deterministic, so an unchanged task deploys no new code', () => {
  expect(readFileSync(bundle('test/infra/fixtures/score-handler.ts'), 'utf8')).toBe(readFileSync(scoreBundle, 'utf8'));
});

test('the handler export is `handler` unless the reference names another', () => {
  expect(parseHandlerReference('tasks/kfold/split.ts')).toEqual({ modulePath: 'tasks/kfold/split.ts', exportName: 'handler' });
  expect(parseHandlerReference('tasks/kfold/split.ts#main')).toEqual({ modulePath: 'tasks/kfold/split.ts', exportName: 'main' });
});
