/**
 * The backbone's converter: a TensorFlow.js graph with every op it converts, run by TensorFlow.js and,
 * converted, by onnxruntime-node on the same input, gives the same outputs; the real backbone's
 * features equal TensorFlow.js's; made for another input side its maps scale with it; what it cannot
 * convert is refused by name.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import { backboneFeatures, backboneInput, HUMAN_PACKAGE } from '../../../../../workflows/brand/lib/detector/backbone';
import { convertGraph, decodeWeights, type TfjsGraphJson } from '../../../../../workflows/brand/lib/detector/backbone-graph';
import { createSession, onnxRuntime } from '../../../../../workflows/brand/lib/detector/onnx-session';
import { tensorflow } from '../../../../../workflows/brand/lib/detector/tensorflow';
import { packageDirectory } from '../../../../../workflows/brand/lib/package-directory';
import { seededRandom } from '../../../../../src/services';
import { LOGO_NAMES, photo } from '../../fixture';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const ints = (...values: number[]) => ({ list: { i: values.map(String) } });
const FLOAT = { T: { type: 'DT_FLOAT' } };
const conv = (padding: string, stride: number, fused: string[]) => ({
  ...FLOAT,
  padding: { s: b64(padding) },
  strides: ints(1, stride, stride, 1),
  dilations: ints(1, 1, 1, 1),
  data_format: { s: b64('NHWC') },
  ...(fused.length ? { fused_ops: { list: { s: fused.map(b64) } }, num_args: { i: '1' } } : {}),
});
const constant = (name: string, dtype: string) => ({ name, op: 'Const', attr: { dtype: { type: dtype }, value: { tensor: { dtype } } } });

/** An 8×8×2 input through every op the converter knows, to two outputs (the shapes in the comments). */
type Node = TfjsGraphJson['modelTopology']['node'][number];

const NODES: readonly Node[] = [
  { name: 'x', op: 'Placeholder', attr: { dtype: { type: 'DT_FLOAT' }, shape: { shape: { dim: [1, 8, 8, 2].map((size) => ({ size: String(size) })) } } } },
  constant('c/w', 'DT_FLOAT'),
  constant('c/b', 'DT_FLOAT'),
  { name: 'c', op: '_FusedConv2D', input: ['x', 'c/w', 'c/b'], attr: conv('SAME', 2, ['BiasAdd', 'Relu']) }, // 4×4×4
  constant('d/w', 'DT_FLOAT'),
  { name: 'd', op: 'DepthwiseConv2dNative', input: ['c', 'd/w'], attr: conv('SAME', 1, []) }, // 4×4×4
  constant('e/w', 'DT_FLOAT'),
  constant('e/b', 'DT_FLOAT'),
  { name: 'e', op: 'FusedDepthwiseConv2dNative', input: ['d', 'e/w', 'e/b'], attr: conv('SAME', 2, ['BiasAdd']) }, // 2×2×4
  constant('k', 'DT_FLOAT'),
  { name: 'm', op: 'Mul', input: ['k', 'e'], attr: FLOAT },
  { name: 'r6', op: 'Relu6', input: ['m'], attr: FLOAT },
  constant('mean/axes', 'DT_INT32'),
  { name: 'mean', op: 'Mean', input: ['r6', 'mean/axes'], attr: { ...FLOAT, keep_dims: { b: true } } }, // 1×1×4
  { name: 'se', op: 'Mul', input: ['r6', 'mean'], attr: FLOAT },
  { name: 'add', op: 'Add', input: ['se', 'm'], attr: FLOAT },
  constant('p/w', 'DT_FLOAT'),
  constant('p/b', 'DT_FLOAT'),
  { name: 'p', op: '_FusedConv2D', input: ['add', 'p/w', 'p/b'], attr: conv('VALID', 1, ['BiasAdd']) }, // 2×2×3
  constant('up/size', 'DT_INT32'),
  { name: 'up', op: 'ResizeBilinear', input: ['p', 'up/size'], attr: { ...FLOAT, align_corners: { b: false }, half_pixel_centers: { b: false } } }, // 4×4×3
  constant('cat/axis', 'DT_INT32'),
  { name: 'cat', op: 'ConcatV2', input: ['d', 'up', 'cat/axis'], attr: { ...FLOAT, N: { i: '2' } } }, // 4×4×7
  { name: 'out', op: 'Relu', input: ['cat'], attr: FLOAT },
];
const OUTPUTS = ['out', 'add'];

/** Float weights as half-precision bit patterns (of moderate size), integer ones as they are. */
function fixture(): { json: TfjsGraphJson; bin: Uint8Array } {
  const random = seededRandom(5);
  const floats: Array<[string, number[]]> = [['c/w', [3, 3, 2, 4]], ['c/b', [4]], ['d/w', [3, 3, 4, 1]], ['e/w', [3, 3, 4, 1]], ['e/b', [4]], ['k', []], ['p/w', [1, 1, 4, 3]], ['p/b', [3]]];
  const integers: Array<[string, number[]]> = [['mean/axes', [1, 2]], ['up/size', [4, 4]], ['cat/axis', [3]]];
  const parts: Uint8Array[] = [];
  const weights = [];
  for (const [name, shape] of floats) {
    const count = shape.reduce((a, b) => a * b, 1);
    // Sign, an exponent for 2^-4 … 2^1, and a random fraction.
    const bits = Uint16Array.from({ length: count }, () => (random() < 0.5 ? 0x8000 : 0) | ((11 + Math.floor(random() * 6)) << 10) | Math.floor(random() * 1024));
    parts.push(new Uint8Array(bits.buffer));
    weights.push({ name, shape, dtype: 'float32' as const, quantization: { dtype: 'float16' } });
  }
  for (const [name, values] of integers) {
    parts.push(new Uint8Array(Int32Array.from(values).buffer));
    weights.push({ name, shape: [values.length], dtype: 'int32' as const });
  }
  return { json: { modelTopology: { node: NODES, versions: { producer: 1 } }, weightsManifest: [{ weights }] }, bin: Buffer.concat(parts) };
}

async function runTfjs(json: TfjsGraphJson, bin: Uint8Array, input: Float32Array, shape: number[], outputs: string[]): Promise<Float32Array[]> {
  const tf = await tensorflow();
  const model = await tf.loadGraphModel(
    tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0]!.weights as tfjs.io.WeightsManifestEntry[], weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer }),
  );
  const x = tf.tensor4d(input, shape as [number, number, number, number]);
  const results = model.execute(x, outputs) as tfjs.Tensor[];
  const data = await Promise.all(results.map((r) => r.data<'float32'>()));
  tf.dispose([x, ...results]);
  return data;
}

/** The largest difference between `a` and `b`, over the largest magnitude in `b`. */
function relativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let [most, largest] = [0, 0];
  for (let i = 0; i < a.length; i++) [most, largest] = [Math.max(most, Math.abs(a[i]! - b[i]!)), Math.max(largest, Math.abs(b[i]!))];
  return most / largest;
}

test('every op converts: onnxruntime-node gives what TensorFlow.js gives, channels last', async () => {
  const { json, bin } = fixture();
  const random = seededRandom(9);
  const input = Float32Array.from({ length: 8 * 8 * 2 }, () => random() * 4 - 2);
  const expected = await runTfjs(json, bin, input, [1, 8, 8, 2], OUTPUTS);
  const graph = convertGraph(json, decodeWeights(json, bin), OUTPUTS);
  expect(graph.outputs.map((o) => o.dims)).toEqual([[1, 4, 4, 7], [1, 2, 2, 4]]);
  const [session, { Tensor }] = await Promise.all([createSession(graph), onnxRuntime()]);
  const out = await session.run({ x: new Tensor('float32', input, [1, 8, 8, 2]) });
  session.outputNames.forEach((name, i) => {
    const values = out[name]!.data as Float32Array;
    expect(values.some((v) => v !== 0)).toBe(true);
    expect(relativeDifference(values, expected[i]!)).toBeLessThan(1e-6);
  });
});

test.each([
  [16, [[1, 8, 8, 7], [1, 4, 4, 4]]],
  [4, [[1, 2, 2, 7], [1, 1, 1, 4]]],
])('made for a %d-pixel input, the graph runs at that side and its maps scale with it', async (side, dims) => {
  const { json, bin } = fixture();
  const graph = convertGraph(json, decodeWeights(json, bin), OUTPUTS, side);
  expect(graph.inputs[0]!.dims).toEqual([1, side, side, 2]);
  expect(graph.outputs.map((o) => o.dims)).toEqual(dims);
  const [session, { Tensor }] = await Promise.all([createSession(graph), onnxRuntime()]);
  const random = seededRandom(4);
  const out = await session.run({ x: new Tensor('float32', Float32Array.from({ length: side * side * 2 }, () => random() * 4 - 2), [1, side, side, 2]) });
  expect(session.outputNames.map((name) => out[name]!.dims)).toEqual(dims);
});

test.each([
  [5, 'up: the input\'s side does not divide into its up-sampling (to 2.5×2.5).'],
  [0, 'The backbone\'s input x cannot be made 0×0.'],
])('a side of %d is refused', (side, message) => {
  const { json, bin } = fixture();
  expect(() => convertGraph(json, decodeWeights(json, bin), OUTPUTS, side)).toThrow(message);
});

test('half-precision weights decode to their values; a file of the wrong size is refused', () => {
  const json: TfjsGraphJson = { modelTopology: { node: [] }, weightsManifest: [{ weights: [{ name: 'w', shape: [5], dtype: 'float32', quantization: { dtype: 'float16' } }] }] };
  const bits = Uint16Array.of(0x3c00, 0xc000, 0x0001, 0x7c00, 0x3555);
  expect(Array.from(decodeWeights(json, new Uint8Array(bits.buffer)).get('w')!)).toEqual([1, -2, 2 ** -24, Infinity, Math.fround(0.333251953125)]);
  expect(() => decodeWeights(json, new Uint8Array(12))).toThrow('The weights file holds 12 bytes where its manifest describes 10.');
});

test.each([
  ['an op it does not know', (nodes: readonly Node[]) => nodes.map((n) => (n.name === 'r6' ? { ...n, op: 'Elu' } : n)), 'The backbone\'s graph uses Elu (r6), which its converter does not know.'],
  ['half-pixel up-sampling', (nodes: readonly Node[]) => nodes.map((n) => (n.name === 'up' ? { ...n, attr: { ...n.attr, half_pixel_centers: { b: true } } } : n)), 'up: only TensorFlow\'s default sampling'],
  ['a fused activation other than Relu', (nodes: readonly Node[]) => nodes.map((n) => (n.name === 'c' ? { ...n, attr: conv('SAME', 2, ['BiasAdd', 'Relu6']) } : n)), 'c: fused BiasAdd+Relu6 does not convert.'],
])('%s is refused by name', (_, change, message) => {
  const { json, bin } = fixture();
  const changed = { ...json, modelTopology: { ...json.modelTopology, node: change(NODES) } };
  expect(() => convertGraph(changed, decodeWeights(changed, bin), OUTPUTS)).toThrow(message);
});

test('the backbone\'s features on onnxruntime-node equal TensorFlow.js\'s to float rounding', async () => {
  const dir = path.join(packageDirectory(HUMAN_PACKAGE), 'models');
  const json = JSON.parse(readFileSync(path.join(dir, 'centernet.json'), 'utf8')) as TfjsGraphJson;
  const input = await backboneInput((await photo(LOGO_NAMES[0], 120, 90, 3)).jpeg);
  const [fine, coarse] = await runTfjs(json, readFileSync(path.join(dir, 'centernet.bin')), Float32Array.from(input.pixels), [1, 512, 512, 3], ['tower_0/CenternetHead/Relu_1', 'tower_0/CenternetHead/Relu']);
  const ours = await backboneFeatures(input);
  expect([ours.fine.width, ours.fine.height, ours.fine.channels, ours.coarse.width, ours.coarse.channels]).toEqual([64, 64, 192, 32, 256]);
  expect(relativeDifference(ours.fine.data, fine!)).toBeLessThan(1e-4);
  expect(relativeDifference(ours.coarse.data, coarse!)).toBeLessThan(1e-4);
}, 60_000);
