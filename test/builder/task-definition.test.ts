import { Type } from '@sinclair/typebox';
import { defineTask, type TaskInput, type TaskOutput } from '../../src/builder';

describe('defineTask', () => {
  const Echo = defineTask({
    name: 'echo',
    input: Type.Object({ text: Type.String() }),
    output: Type.Object({ text: Type.String(), length: Type.Integer() }),
    access: {},
    retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 1 }],
    timeoutSeconds: 5,
    memoryMb: 256,
    run: ({ text }) => ({ text, length: text.length }),
  });

  test('keeps every declared field and marks the value as a task', () => {
    expect(Echo).toMatchObject({ kind: 'task', name: 'echo', access: {}, retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 1 }], timeoutSeconds: 5, memoryMb: 256 });
  });

  test('runs its handler', async () => {
    expect(await Echo.run({ text: 'abc' }, undefined as never)).toEqual({ text: 'abc', length: 3 });
  });

  test('input and output types follow the schemas', () => {
    const input: TaskInput<typeof Echo> = { text: 'a' };
    const output: TaskOutput<typeof Echo> = { text: 'a', length: 1 };
    // @ts-expect-error a missing field
    const wrong: TaskInput<typeof Echo> = {};
    expect([input, output, wrong]).toHaveLength(3);
  });

  test('a handler returning the wrong shape does not compile', () => {
    const define = () =>
      defineTask({
        name: 'bad',
        input: Type.Object({}),
        output: Type.Object({ n: Type.Number() }),
        access: {},
        // @ts-expect-error n must be a number
        run: () => ({ n: 'one' }),
      });
    expect(define().name).toBe('bad');
  });
});
