/** The virtual clock's hold: while held, due timers wait; released, time jumps to them in order. */
import { VirtualClock } from '../../src/clock/clock';

const idle = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

test('a held clock does not jump to a due timer; releasing it lets time move', async () => {
  const clock = new VirtualClock(0);
  const release = clock.hold();
  let fired = false;
  void clock.sleepUntil(60_000).then(() => (fired = true));
  await idle();
  expect([fired, clock.now()]).toEqual([false, 0]);
  release();
  await idle();
  expect([fired, clock.now()]).toEqual([true, 60_000]);
});

test('every hold must be released, and releasing twice counts once', async () => {
  const clock = new VirtualClock(0);
  const first = clock.hold();
  const second = clock.hold();
  void clock.sleepUntil(1_000);
  first();
  first();
  await idle();
  expect(clock.now()).toBe(0);
  second();
  await idle();
  expect(clock.now()).toBe(1_000);
});
