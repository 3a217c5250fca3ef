/**
 * The head on small synthetic data: it learns separable classes, its folded weights give the same
 * probabilities as the standardised ones it was trained with, and scoring windows through summed
 * areas of projected cells equals classifying each window's explicit descriptor, and each class's best
 * window found without most softmaxes is the one a scan of every window's probabilities finds.
 */
import { seededRandom } from '../../../../../src/services';
import { bestWindows, classify, scoreWindows, trainHead } from '../../../../../workflows/brand/lib/detector/head';
import { describe as describeRegion, descriptorLength, poolingTables, windows } from '../../../../../workflows/brand/lib/detector/regions';

/** Gaussian clusters around class centres, with an offset and scale per dimension the head must standardise away. */
function clusters(n: number, classes: number, dim: number, seed: number) {
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centres = Array.from({ length: classes }, (_, c) => Array.from({ length: dim }, (_, d) => (d % classes === c ? 3 : 0)));
  const x: Float32Array[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    x.push(Float32Array.from(centres[c]!, (v, d) => 100 + (d + 1) * 10 * (v + normal())));
    y.push(c);
  }
  return { x, y };
}

test('a softmax head separates three classes it was trained on, on new samples', async () => {
  const train = clusters(300, 3, 6, 1);
  const head = await trainHead(train.x, train.y, 3, train.y.map(() => 1), { epochs: 20 });
  const test = clusters(150, 3, 6, 2);
  const right = test.x.filter((x, i) => {
    const p = classify(head, x);
    return p.indexOf(Math.max(...p)) === test.y[i];
  }).length;
  expect(right / test.x.length).toBeGreaterThan(0.95);
});

test('sample weights shift the decision towards the heavier class', async () => {
  const train = clusters(200, 2, 4, 3);
  // Make the classes overlap: every other sample's features are pulled to the middle.
  const mixed = train.x.map((x, i) => (i % 4 < 2 ? x.map((v, d) => 100 + (d + 1) * 15 + (v - 100 - (d + 1) * 15) * 0.1) : x));
  const light = await trainHead(mixed, train.y, 2, train.y.map(() => 1), { epochs: 15 });
  const heavy = await trainHead(mixed, train.y, 2, train.y.map((y) => (y === 0 ? 10 : 1)), { epochs: 15 });
  const middle = Float32Array.from({ length: 4 }, (_, d) => 100 + (d + 1) * 15);
  expect(classify(heavy, middle)[0]!).toBeGreaterThan(classify(light, middle)[0]!);
});

test('scoring every window from projected summed areas equals classifying each window’s descriptor', async () => {
  const random = seededRandom(5);
  const map = (width: number, height: number, channels: number) => ({ width, height, channels, data: Float32Array.from({ length: width * height * channels }, () => random() * 4) });
  const features = { fine: map(8, 8, 3), coarse: map(4, 4, 2) };
  const tables = poolingTables(features);
  const dim = descriptorLength(features);
  const regions = windows(tables.grid);
  const x = regions.map((r) => describeRegion(tables, r));
  const y = regions.map((r) => (r.x0 < 3 ? 1 : r.y0 < 3 ? 2 : 0));
  const head = await trainHead(x, y, 3, y.map(() => 1), { epochs: 3 });
  expect(head.dim).toBe(dim);
  const scored = await scoreWindows(head, tables, regions);
  regions.forEach((_, i) => {
    const p = classify(head, x[i]!);
    for (let c = 0; c < 3; c++) expect(scored[i * 3 + c]).toBeCloseTo(p[c]!, 4);
  });
});

test.each([2, 4, 6])('each class\'s best window, found without most softmaxes, is the full scan\'s to the bit (%i classes)', async (classes) => {
  const random = seededRandom(classes);
  const map = (width: number, height: number, channels: number) => ({ width, height, channels, data: Float32Array.from({ length: width * height * channels }, () => random() * 4) });
  const features = { fine: map(16, 16, 4), coarse: map(8, 8, 3) };
  const tables = poolingTables(features);
  const regions = windows(tables.grid);
  const x = regions.map((r) => describeRegion(tables, r));
  const y = regions.map((r) => (r.x0 + 2 * r.y0) % classes);
  const head = await trainHead(x, y, classes, y.map(() => 1), { epochs: 2 });
  const scored = await scoreWindows(head, tables, regions);
  const found = await bestWindows(head, tables, regions);
  for (let c = 1; c < classes; c++) {
    let [best, at] = [0, 0];
    for (let w = 0; w < regions.length; w++) if (scored[w * classes + c]! > best) [best, at] = [scored[w * classes + c]!, w];
    expect([found.probability[c - 1], found.window[c - 1]]).toEqual([best, at]);
  }
});

test('a head without samples is refused', async () => {
  await expect(trainHead([], [], 2, [])).rejects.toThrow('The head needs at least one training sample.');
});
