/**
 * What the brand functions that run the detector need of Lambda's memory: the fused detector trained
 * on all of FlickrLogos-27's 809 training photos as TrainDetector does on AWS (every image read into
 * memory, then trained in-process: Lambda's compute runs jobs where the handler calls them), then one
 * DetectLogos slice's worth of images (50) with the model.
 * Prints the process's peak resident memory after each, to compare with the tasks' `memoryMb`.
 *
 * With `--model FILE` it skips training and detects with a saved model, so the peak is detection's alone.
 *
 * Usage: node bin/run-ts.js bench/brand-lambda-memory.ts [--limit N] [--save FILE] [--model FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseFlickrLogos } from '../workflows/brand/lib/annotations';
import { load, train, type AnyLogoModel } from '../workflows/brand/lib/detector';
import { DetectLogos, TrainDetector } from '../workflows/brand/tasks';

const DATA = path.resolve(__dirname, '../../shared/data/brand/flickrlogos27');
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
/** CPU seconds since `since`: on Lambda, where the work has a core to itself, this is about its duration. */
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return ((used.user + used.system) / 1e6).toFixed(0);
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const { images } = parseFlickrLogos(readFileSync(path.join(DATA, 'annotations.txt'), 'utf8'));
  const examples = images.slice(0, Number(value('--limit') ?? Infinity)).map((i) => ({ name: i.image, image: new Uint8Array(readFileSync(path.join(DATA, 'images', i.image))), boxes: i.boxes }));
  const megabytes = examples.reduce((sum, e) => sum + e.image.byteLength, 0) / 1024 / 1024;
  console.log(`${examples.length} photos, ${megabytes.toFixed(1)} MB of JPEG; peak ${peakMb()} MB before any work`);
  const saved = value('--model');
  let model: AnyLogoModel;
  if (saved) {
    model = JSON.parse(readFileSync(saved, 'utf8')) as AnyLogoModel;
  } else {
    const started = Date.now();
    const cpu = process.cpuUsage();
    model = JSON.parse(JSON.stringify(await train(examples, { log: (m) => console.log(`  ${m}`) }))) as AnyLogoModel;
    console.log(`trained in ${((Date.now() - started) / 1000).toFixed(0)} s (${cpuSeconds(cpu)} s of CPU); model ${(JSON.stringify(model).length / 1024 / 1024).toFixed(1)} MB of JSON`);
    console.log(`peak after training: ${peakMb()} MB (${TrainDetector.name} has ${TrainDetector.memoryMb} MB)`);
    const save = value('--save');
    if (save) writeFileSync(save, JSON.stringify(model));
  }
  const detector = load(model);
  const started = Date.now();
  const cpu = process.cpuUsage();
  const frames = examples.slice(0, 50).map((e) => e.image);
  for (const image of frames) await detector.detect(image);
  console.log(`${frames.length} images detected in ${((Date.now() - started) / 1000).toFixed(0)} s (${cpuSeconds(cpu)} s of CPU); peak ${peakMb()} MB (${DetectLogos.name} has ${DetectLogos.memoryMb} MB)`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
