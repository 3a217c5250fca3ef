/**
 * The direction of dependencies, read from the import statements of every source file: the engine
 * never names a workflow, workflow packages reach statecraft only through its public kit, and the
 * interpreter stays a pure core over ASL types and a clock.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/.test(name) ? [path] : [];
  });
}

/** Every relative import of `file`, as a path from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import|require\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => relative(ROOT, resolve(ROOT, dirname(file), specifier)));
}

interface Rule {
  /** The files the rule governs. */
  from: string;
  /** Import targets allowed; anything else under `forbidden` fails. */
  allowed: readonly string[];
  forbidden: readonly string[];
  why: string;
}

const ENGINE = ['src/control', 'src/store', 'src/events', 'src/objects', 'src/api', 'src/host', 'src/cli', 'src/interpreter'];

const RULES: readonly Rule[] = [
  { from: 'src', allowed: ['src'], forbidden: ['workflows', 'infra', 'bench', 'test', 'bin'], why: 'the engine takes workflows as input; it never names one' },
  { from: 'src/interpreter', allowed: ['src/interpreter', 'src/asl', 'src/clock'], forbidden: ['src'], why: 'the interpreter is a pure core: ASL in, history out, time from a clock' },
  { from: 'src/builder', allowed: ['src/builder', 'src/asl', 'src/services', 'src/schemas'], forbidden: ['src'], why: 'the builder is the kit workflows are written with; it knows no engine' },
  { from: 'src/services', allowed: ['src/services', 'src/builder', 'src/asl', 'src/schemas'], forbidden: ENGINE, why: 'handler services have an AWS and a local implementation; the local one lives in the host' },
  { from: 'workflows', allowed: ['workflows', 'src/builder', 'src/services', 'src/schemas', 'src/asl'], forbidden: ['src', 'infra', 'test', 'bench'], why: 'tasks and workflows reach statecraft only through its kit, so they run the same on both hosts' },
  { from: 'infra', allowed: ['infra', 'src/builder', 'src/services', 'src/asl', 'workflows/registry.ts'], forbidden: ['src', 'workflows', 'test', 'bench'], why: 'the CDK app receives the registry and builds from declarations' },
];

/** `folder` itself, a file or folder under it, or the module `folder` names without its extension. */
const under = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`) || `${path}.ts` === folder;

function violations(rule: Rule): string[] {
  return sourceFiles(rule.from).flatMap((file) =>
    importsOf(file)
      .filter((target) => rule.forbidden.some((folder) => under(target, folder)) && !rule.allowed.some((folder) => under(target, folder)))
      .map((target) => `${file} imports ${target}`),
  );
}

describe.each(RULES.map((rule) => [rule.from, rule] as const))('imports from %s', (_from, rule) => {
  test(rule.why, () => {
    expect(violations(rule)).toEqual([]);
  });
});

test('a rule that the tree breaks reports each offending import', () => {
  const found = violations({ from: 'src/host', allowed: ['src/host'], forbidden: ['src/control'], why: 'a rule the host breaks on purpose' });
  expect(found).toContain('src/host/local-runtime.ts imports src/control/engine');
});
