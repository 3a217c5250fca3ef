/**
 * Compile-only tests. Files under pass/ must compile without errors. Files under fail/ must not:
 * every line after a `// @expect-error` comment must have an error, and no other line may, so a
 * fail file cannot pass by breaking somewhere else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(__dirname, '../..');
const passDir = join(__dirname, 'pass');
const failDir = join(__dirname, 'fail');
const passFiles = readdirSync(passDir).filter((f) => f.endsWith('.ts')).map((f) => join(passDir, f));
const failFiles = readdirSync(failDir).filter((f) => f.endsWith('.fail.ts')).map((f) => join(failDir, f));

function compilerOptions(): ts.CompilerOptions {
  const configFile = ts.readConfigFile(join(root, 'tsconfig.json'), (path) => ts.sys.readFile(path));
  return ts.parseJsonConfigFileContent(configFile.config, ts.sys, root).options;
}

// One program for every file: type-checking is the slow part and the files share their imports.
const program = ts.createProgram([...passFiles, ...failFiles], { ...compilerOptions(), noEmit: true });

/** 1-based line numbers with an error, and the messages. */
function errorsOf(file: string): Map<number, string[]> {
  const source = program.getSourceFile(file)!;
  const errors = new Map<number, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program, source)) {
    if (diagnostic.file?.fileName !== source.fileName || diagnostic.start === undefined) continue;
    const line = source.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
    errors.set(line, [...(errors.get(line) ?? []), ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')]);
  }
  return errors;
}

/** The lines right after each `// @expect-error` comment. */
function expectedErrorLines(file: string): number[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((text, index) => (/^\s*\/\/ @expect-error/.test(text) ? [index + 2] : []));
}

describe('type tests that must compile', () => {
  test.each(passFiles.map((f) => [f.slice(root.length + 1), f]))('%s', (_name, file) => {
    expect(Object.fromEntries(errorsOf(file))).toEqual({});
  });
});

describe('type tests that must not compile', () => {
  test.each(failFiles.map((f) => [f.slice(root.length + 1), f]))('%s', (_name, file) => {
    const expected = expectedErrorLines(file);
    const errors = errorsOf(file);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.filter((line) => !errors.has(line))).toEqual([]);
    const unexpected = [...errors].filter(([line]) => !expected.includes(line));
    expect(Object.fromEntries(unexpected)).toEqual({});
  });
});
