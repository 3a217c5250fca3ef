/**
 * `npm run bench:brand-backbone`: the detector's backbone on onnxruntime-node (the graph converted to
 * ONNX where it is loaded, `backbone-graph.ts`) against the same TensorFlow.js graph on its
 * WebAssembly backend, as the detector ran it before, on the first held-out FlickrLogos-27 photos, in
 * this process, one thread each. Prints each one's load time and milliseconds per image (the network
 * alone: both get the same prepared input), and how far apart their feature maps are (the largest
 * absolute difference, and the largest value, per map).
 *
 * Usage: npm run bench:brand-backbone [-- --photos 40]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import { backboneFeatures, backboneInput, HUMAN_PACKAGE, type BackboneInput, type FeatureMap } from '../workflows/brand/lib/detector/backbone';
import { tensorflow } from '../workflows/brand/lib/detector/tensorflow';
import { packageDirectory } from '../workflows/brand/lib/package-directory';
import { argOption } from './brand/bench-video';
import { FLICKRLOGOS, flickrLogos } from './brand/sources';

const LAYERS = ['tower_0/CenternetHead/Relu_1', 'tower_0/CenternetHead/Relu'];

async function tfjsBackbone(): Promise<(input: BackboneInput) => Promise<Float32Array[]>> {
  const tf = await tensorflow();
  const dir = path.join(packageDirectory(HUMAN_PACKAGE), 'models');
  const json = JSON.parse(readFileSync(path.join(dir, 'centernet.json'), 'utf8')) as tfjs.io.ModelJSON;
  const weights = readFileSync(path.join(dir, 'centernet.bin'));
  const model = await tf.loadGraphModel(
    tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0]!.weights, weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) }),
  );
  return async (input) => {
    const tensor = tf.tensor4d(Float32Array.from(input.pixels), [1, 512, 512, 3]);
    const outputs = model.execute(tensor, LAYERS) as tfjs.Tensor[];
    const data = await Promise.all(outputs.map((t) => t.data<'float32'>()));
    tf.dispose([tensor, ...outputs]);
    return data;
  };
}

function difference(a: Float32Array, b: FeatureMap): { most: number; largest: number } {
  let most = 0;
  let largest = 0;
  for (let i = 0; i < a.length; i++) {
    most = Math.max(most, Math.abs(a[i]! - b.data[i]!));
    largest = Math.max(largest, Math.abs(a[i]!));
  }
  return { most, largest };
}

async function main(): Promise<void> {
  const photos = Number(argOption('--photos') ?? 40);
  const inputs = await Promise.all(flickrLogos().test.slice(0, photos).map(async (p) => backboneInput(readFileSync(path.join(FLICKRLOGOS, 'images', p.image)))));
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');

  let start = performance.now();
  const reference = await tfjsBackbone();
  await reference(inputs[0]!);
  const tfjsLoad = performance.now() - start;
  start = performance.now();
  await backboneFeatures(inputs[0]!);
  const onnxLoad = performance.now() - start;

  let [tfjsMs, onnxMs] = [0, 0];
  const worst = { fine: { most: 0, largest: 0 }, coarse: { most: 0, largest: 0 } };
  for (const input of inputs) {
    start = performance.now();
    const [fine, coarse] = await reference(input);
    tfjsMs += performance.now() - start;
    start = performance.now();
    const ours = await backboneFeatures(input);
    onnxMs += performance.now() - start;
    for (const [name, a, b] of [['fine', fine!, ours.fine], ['coarse', coarse!, ours.coarse]] as const) {
      const d = difference(a, b);
      worst[name] = { most: Math.max(worst[name].most, d.most), largest: Math.max(worst[name].largest, d.largest) };
    }
  }
  console.log(`the backbone on ${inputs.length} held-out FlickrLogos-27 photos, one thread each; load average ${load}`);
  console.log(`  TensorFlow.js (WebAssembly)  first image ${tfjsLoad.toFixed(0)} ms (loading included), then ${(tfjsMs / inputs.length).toFixed(1)} ms per image`);
  console.log(`  onnxruntime-node (converted)  first image ${onnxLoad.toFixed(0)} ms (converting included), then ${(onnxMs / inputs.length).toFixed(1)} ms per image`);
  console.log(`  ${(tfjsMs / onnxMs).toFixed(2)}× faster; feature maps apart by at most ${worst.fine.most.toExponential(2)} (fine, values up to ${worst.fine.largest.toFixed(1)}) and ${worst.coarse.most.toExponential(2)} (coarse, up to ${worst.coarse.largest.toFixed(1)})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
