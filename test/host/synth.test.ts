/** `npm run synth` writes each workflow's ASL and every payload schema, all of them valid. */
import Ajv from 'ajv';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateDefinition } from '../../src/control/definition-validation';
import { synthesize } from '../../src/host';
import { registry } from '../../workflows/registry';
import { aslProblems } from '../builder/asl-validity';

let dir: string;
let written: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-synth-'));
  written = synthesize(dir, registry.workflows);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));

test('writes <workflow>.asl.json for every workflow, valid for asl-validator and the engine', () => {
  for (const { name } of registry.workflows) {
    const definition = read(`${name}.asl.json`);
    expect(aslProblems(definition)).toBe('');
    expect(validateDefinition(JSON.stringify(definition)).result).toBe('OK');
  }
});

test('writes the schemas of workflow inputs and outputs, task inputs and outputs, and custom events', () => {
  const names = readdirSync(dir);
  expect(names).toHaveLength(written.length);
  expect(names).toEqual(expect.arrayContaining(['kfold-cv.input.schema.json', 'kfold-cv.output.schema.json', 'kfold-train-fold.input.schema.json', 'kfold-split.output.schema.json', 'ModelRegistered.schema.json']));
});

test('every schema file is a JSON Schema that ajv compiles', () => {
  const ajv = new Ajv({ strict: false, validateFormats: false });
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.schema.json'))) expect(() => ajv.compile(read(name))).not.toThrow();
});

test('the input schema applies to the data a caller sends', () => {
  const validate = new Ajv({ strict: false }).compile(read('kfold-cv.input.schema.json'));
  expect(validate({ dataset: { bucket: 'statecraft-data', key: 'datasets/kfold/iris.csv' }, k: 10 })).toBe(true);
  expect(validate({ dataset: { bucket: 'statecraft-data' }, k: 1 })).toBe(false);
});
