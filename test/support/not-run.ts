/** The handler of tasks that tests only render or type-check: running one is a test bug. */
export function notRun(): never {
  throw new Error('this test task is rendered, never run');
}
