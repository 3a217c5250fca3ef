import { Type } from '@sinclair/typebox';
import { defineRegistry, defineSchedule, defineTask, defineWorkflow, defineWorkflowPackage, isWorkflowPackage, type RuleDefinition } from '../../src/builder';
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
    expect(pkg).toEqual({ kind: 'workflow-package', module: 'pkg.ts', workflows: [pkg.workflows[0]], rules: [], buckets: [], nativePackages: [], resultViews: [], consolePages: [], tables: [], schedules: [], endpoints: [], environment: {}, commands: [] });
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

  test('a native package limited to tasks must name tasks of the package', () => {
    const other = defineTask({ name: 'other', access: {}, input: Type.Object({}), output: Type.Object({}), run: notRun });
    expect(() => defineWorkflowPackage({ module: 'pkg.ts', workflows: [flow('a')], nativePackages: [{ name: 'tool', files: ['tool'], tasks: [Split, other] }] })).toThrow(
      'native package tool names tasks that are not this package\'s: other',
    );
    expect(() => defineWorkflowPackage({ module: 'pkg.ts', workflows: [flow('a')], nativePackages: [{ name: 'tool', files: ['tool'], tasks: [Split] }] })).not.toThrow();
  });

  test.each(['Labeling', 'two/parts', '', '9lives'])('a console page routed "%s" is refused', (route) => {
    expect(() => defineWorkflowPackage({ module: 'pkg.ts', workflows: [flow('a')], consolePages: [{ route, title: 'Page', module: 'page.js' }] })).toThrow(
      `console page "Page" has the route "${route}": expected one lower-case segment (a-z, 0-9, -)`,
    );
  });
});

describe('schedules of a package', () => {
  const daily = (input: unknown, workflow = 'a', group?: string) => defineSchedule({ name: 'daily', group, expression: 'rate(1 day)', target: { workflow, input } });

  test('each goes with the workflow it starts', () => {
    const pkg = defineWorkflowPackage({ module: 'pkg.ts', workflows: [flow('a'), flow('b')], schedules: [daily({ bucket: 'in', key: 'k', k: 3 })] });
    const registry = defineRegistry({ packages: [pkg], modelRegistry });
    expect(registry.workflows.map((w) => [w.name, w.schedules.map((s) => s.name)])).toEqual([
      ['a', ['daily']],
      ['b', []],
    ]);
  });

  test.each<[string, () => unknown, string]>([
    ['a schedule targeting a workflow of another package', () => defineWorkflowPackage({ module: 'pkg.ts', workflows: [flow('a')], schedules: [daily({}, 'elsewhere')] }), 'schedule daily targets "elsewhere", which is not a workflow of this package (a)'],
    [
      'an input the workflow’s schema refuses',
      () => defineWorkflowPackage({ module: 'pkg.ts', workflows: [flow('a')], schedules: [daily({ bucket: 'in', k: 'three' })] }),
      'schedule daily: its input does not fit workflow a: /key is required; /k must be integer',
    ],
    [
      'two schedules of one name in one group',
      () => defineRegistry({ packages: [defineWorkflowPackage({ module: 'p.ts', workflows: [flow('a')], schedules: [daily({ bucket: 'b', key: 'k', k: 2 })] }), defineWorkflowPackage({ module: 'q.ts', workflows: [flow('b')], schedules: [daily({ bucket: 'b', key: 'k', k: 2 }, 'b')] })], modelRegistry }),
      'two schedules are named "default/daily"',
    ],
  ])('refuses %s', (_what, define, message) => {
    expect(define).toThrow(message);
  });

  test('the same name in two groups is two schedules', () => {
    const first = defineWorkflowPackage({ module: 'p.ts', workflows: [flow('a')], schedules: [daily({ bucket: 'b', key: 'k', k: 2 })] });
    const second = defineWorkflowPackage({ module: 'q.ts', workflows: [flow('b')], schedules: [daily({ bucket: 'b', key: 'k', k: 2 }, 'b', 'other')] });
    expect(() => defineRegistry({ packages: [first, second], modelRegistry })).not.toThrow();
  });
});

describe('defineRegistry', () => {
  test('two packages may not route console pages alike', () => {
    const page = { route: 'labeling', title: 'Labeling', module: 'page.js' };
    const a = defineWorkflowPackage({ module: 'a.ts', workflows: [flow('a')], consolePages: [page] });
    const b = defineWorkflowPackage({ module: 'b.ts', workflows: [flow('b')], consolePages: [page] });
    expect(() => defineRegistry({ packages: [a, b], modelRegistry })).toThrow('two console page routes are named "labeling"');
  });

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
