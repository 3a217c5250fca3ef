/**
 * Backbone features cached on disk by the image's content hash, so repeated benchmark runs skip the
 * backbone. The folder is git-ignored; delete it when the backbone changes (its name is in each file).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BACKBONE, imageFeatures, type FeatureMap, type FeatureSource } from '../workflows/brand/lib/detector/backbone';

export function cachedFeatures(dir: string): FeatureSource {
  mkdirSync(dir, { recursive: true });
  const tag = createHash('sha1').update(BACKBONE).digest('hex').slice(0, 8);
  return async (encoded) => {
    const file = path.join(dir, `${tag}-${createHash('sha1').update(encoded).digest('hex')}.bin`);
    if (existsSync(file)) return parse(readFileSync(file));
    const features = await imageFeatures(encoded);
    const header = Int32Array.from([features.width, features.height, ...dims(features.fine), ...dims(features.coarse)]);
    writeFileSync(file, Buffer.concat([Buffer.from(header.buffer), Buffer.from(features.fine.data.buffer, features.fine.data.byteOffset, features.fine.data.byteLength), Buffer.from(features.coarse.data.buffer, features.coarse.data.byteOffset, features.coarse.data.byteLength)]));
    return features;
  };
}

const dims = (m: FeatureMap) => [m.width, m.height, m.channels];

function parse(bytes: Buffer) {
  const copy = new Uint8Array(bytes).buffer;
  const [width, height, fw, fh, fc, cw, ch, cc] = new Int32Array(copy, 0, 8);
  const fineLength = fw! * fh! * fc!;
  const fine = { width: fw!, height: fh!, channels: fc!, data: new Float32Array(copy, 32, fineLength) };
  const coarse = { width: cw!, height: ch!, channels: cc!, data: new Float32Array(copy, 32 + 4 * fineLength, cw! * ch! * cc!) };
  return { width: width!, height: height!, fine, coarse };
}
