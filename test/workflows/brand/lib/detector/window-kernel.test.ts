/**
 * The WebAssembly window kernel gives the plain loop's logits bit for bit (the fused detector's
 * decisions must not move when it runs), for several class counts, windows with no look-ups, and
 * look-ups on both maps, and a plan reused over new tables; an odd class count takes the plain loop.
 */
import { seededRandom } from '../../../../../src/services';
import { plainLogits, windowLogits, type LookupPlan, type ProjectedTables } from '../../../../../workflows/brand/lib/detector/window-kernel';

const GRID = { fine: 9, coarse: 5 };

/** Random tables (full-mantissa values, so a changed order of operations rounds differently) of `slots × classes` channels per cell and random look-ups into them. */
function fixture(classes: number, windows: number, seed: number): { plan: LookupPlan; tables: ProjectedTables; bias: Float32Array } {
  const random = seededRandom(seed);
  const table = (side: number, slots: number) => ({ sums: Float64Array.from({ length: side * side * slots * classes }, () => Math.log(random() + 1e-9) * 1e3 / 7), channels: slots * classes });
  const tables = { fine: table(GRID.fine, 6), coarse: table(GRID.coarse, 1) };
  const starts = [0];
  const [map, slot, corners, weight]: number[][] = [[], [], [], []];
  for (let w = 0; w < windows; w++) {
    const lookups = w % 7 === 3 ? 0 : 1 + Math.floor(random() * 9);
    for (let l = 0; l < lookups; l++) {
      const onFine = random() < 0.8;
      const cells = (onFine ? GRID.fine : GRID.coarse) ** 2;
      map.push(onFine ? 0 : 1);
      slot.push(onFine ? Math.floor(random() * 6) : 0);
      for (let j = 0; j < 4; j++) corners.push(Math.floor(random() * cells));
      weight.push((random() - 0.5) / (1 + random() * 50));
    }
    starts.push(map.length);
  }
  const plan = { starts: Int32Array.from(starts), map: Uint8Array.from(map), slot: Uint8Array.from(slot), corners: Int32Array.from(corners), weight: Float32Array.from(weight) };
  return { plan, tables, bias: Float32Array.from({ length: classes }, () => random() - 0.5) };
}

test.each([
  { classes: 28, windows: 500 },
  { classes: 2, windows: 40 },
  { classes: 6, windows: 3000 },
  { classes: 5, windows: 60 },
])('$classes classes, $windows windows: the same logits as the plain loop', ({ classes, windows }) => {
  const { plan, tables, bias } = fixture(classes, windows, classes * 31 + windows);
  const expected = plainLogits(plan, tables, bias);
  const found = windowLogits(plan, tables, bias);
  expect(found).toHaveLength(classes * windows);
  expect(Array.from(found)).toEqual(Array.from(expected));
});

test('a window without look-ups keeps the bias', () => {
  const { plan, tables, bias } = fixture(4, 8, 5);
  const logits = windowLogits(plan, tables, bias);
  expect(Array.from(logits.subarray(3 * 4, 4 * 4))).toEqual(Array.from(bias));
});

test('frames after frames: the same plan over new tables and biases, then another plan and back, each the plain loop\'s', () => {
  const first = fixture(6, 200, 1);
  const other = fixture(8, 50, 2);
  for (const [seed, plan] of [[3, first.plan], [4, first.plan], [5, other.plan], [6, first.plan]] as const) {
    const frame = fixture(plan === first.plan ? 6 : 8, 1, seed);
    expect(Array.from(windowLogits(plan, frame.tables, frame.bias))).toEqual(Array.from(plainLogits(plan, frame.tables, frame.bias)));
  }
});
