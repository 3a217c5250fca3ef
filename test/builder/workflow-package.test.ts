import { Type } from '@sinclair/typebox';
import { defineRegistry, defineTask, defineWorkflow, defineWorkflowPackage, isWorkflowPackage, type RuleDefinition } from '../../src/builder';
import { notRun } from '../support/not-run';
import { Split } from './fixtures';

const Input = Type.Object({ bucket: Type.String(), key: Type.String(), k: Type.Integer() });
const flow = (name: string, task = Split) =>
  defineWorkflow({ name, input: Input }, (start) => start.task('Split', { task, arguments: (s) => ({ bucket: s.input.bucket, key: s.input.key, k: s.input.k }) }).end());
const rule = (name: string, workflow: string): RuleDefinition => ({ name, eventPattern: { source: ['aws.s3'] }, target: { workflow } });
const modelRegistry = { bucket: 'models', prefix: 'registry/' };

describe('defineWorkflowPackage', () => {
  test('fills the optional lists and is recognised as a package', () => {
    const pkg = defineWorkflowPackage({ module: 'pkg.ts', workflows: [flow('a')] });
    expect(pkg).toEqual({ kind: 'workflow-package', module: 'pkg.ts', workflows: [pkg.workflows[0]], rules: [], buckets: [], nativePackages: [], resultViews: [], tables: [], commands: [] });
    expect(isWorkflowPackage(pkg)).toBe(true);
  });

  test.each([null, undefined, 'workflow-package', { kind: 'task' }, {}])('%p is not a package', (value) => {
    expect(isWorkflowPackage(value)).toBe(false);
  });

  test('a rule targeting a workflow of another package is refused', () => {
    expect(() => defineWorkflowPackage({ module: 'pkg.ts', workflows: [flow('a'), flow('b')], rules: [rule('on-upload', 'elsewhere')] })).toThrow(
      'rule on-upload targets "elsewhere", which is not a workflow of this package (a, b)',
    );
  });
});

describe('defineRegistry', () => {
  const first = defineWorkflowPackage({
    module: 'first.ts',
    workflows: [flow('a'), flow('b')],
    rules: [rule('start-a', 'a'), rule('start-a-daily', 'a')],
    buckets: [{ name: 'data', eventBridge: false }, { name: 'only-first', eventBridge: true }],
  });
  const second = defineWorkflowPackage({ module: 'second.ts', workflows: [flow('c')], rules: [rule('start-c', 'c')], buckets: [{ name: 'data', eventBridge: true }] });

  test('lists every workflow with its own rules and package', () => {
    const registry = defineRegistry({ packages: [first, second], modelRegistry });
    expect(registry.workflows.map((w) => [w.name, w.rules.map((r) => r.name), w.package.module])).toEqual([
      ['a', ['start-a', 'start-a-daily'], 'first.ts'],
      ['b', [], 'first.ts'],
      ['c', ['start-c'], 'second.ts'],
    ]);
    expect(registry.find('c')?.package).toBe(second);
    expect(registry.find('missing')).toBeUndefined();
  });

  test('merges buckets: once each, EventBridge on when any package wants it, the model registry’s included', () => {
    const registry = defineRegistry({ packages: [first, second], modelRegistry });
    expect(registry.buckets).toEqual([
      { name: 'models', eventBridge: false },
      { name: 'data', eventBridge: true },
      { name: 'only-first', eventBridge: true },
    ]);
  });

  test('a bucket shared with the model registry keeps the notifications a package asks for', () => {
    const pkg = defineWorkflowPackage({ module: 'p.ts', workflows: [flow('a')], buckets: [{ name: 'models', eventBridge: true }] });
    expect(defineRegistry({ packages: [pkg], modelRegistry }).buckets).toEqual([{ name: 'models', eventBridge: true }]);
  });

  test('a task shared by workflows is listed once', () => {
    expect(defineRegistry({ packages: [first, second], modelRegistry }).tasks()).toEqual([Split]);
  });

  test.each<[string, () => unknown, string]>([
    ['two workflows of one name across packages', () => defineRegistry({ packages: [first, defineWorkflowPackage({ module: 'x.ts', workflows: [flow('a')] })], modelRegistry }), 'two workflows are named "a"'],
    [
      'two rules of one name across packages',
      () => defineRegistry({ packages: [first, defineWorkflowPackage({ module: 'x.ts', workflows: [flow('x')], rules: [rule('start-a', 'x')] })], modelRegistry }),
      'two rules are named "start-a"',
    ],
    [
      'two different tasks of one name',
      () => {
        const impostor = defineTask({ name: Split.name, access: {}, run: notRun, input: Split.input, output: Split.output });
        return defineRegistry({ packages: [first, defineWorkflowPackage({ module: 'x.ts', workflows: [flow('x', impostor)] })], modelRegistry });
      },
      'two tasks are named "kfold-split"',
    ],
  ])('refuses %s', (_name, build, message) => {
    expect(build).toThrow(message);
  });
});
