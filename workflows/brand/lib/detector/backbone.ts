/**
 * The frozen backbone: the CenterNet-MobileNetV3 object model that `@vladmandic/human` ships (MIT),
 * converted from its TensorFlow.js graph to ONNX where it is loaded (`backbone-graph.ts`) and run with
 * `onnxruntime-node`, ≈ 3.5× faster than TensorFlow.js's WebAssembly backend on the same features
 * (`npm run bench:brand-backbone`). Only its feature maps are used, never its COCO detections: a
 * stride-8 map (64×64×192) and a stride-16 map (32×32×256) of a 512×512 view of the image. Loaded once
 * per thread (each compute worker has its own).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import sharp from 'sharp';
import { packageDirectory } from '../package-directory';
import { convertGraph, decodeWeights, type TfjsGraphJson } from './backbone-graph';
import { createSession, onnxRuntime } from './onnx-session';

/** Names the backbone and its layers in model artefacts: a model trained on other features is refused. */
export const BACKBONE = 'human-3.3-centernet-mobilenetv3-512/relu1+relu';

/** The package whose model files (`models/centernet.*`) are the backbone; its code is never loaded. */
export const HUMAN_PACKAGE = '@vladmandic/human';
/** What a function running the backbone carries of that package. */
export const BACKBONE_FILES = ['package.json', 'models/centernet.json', 'models/centernet.bin'];

const SIDE = 512;
const FINE_LAYER = 'tower_0/CenternetHead/Relu_1';
const COARSE_LAYER = 'tower_0/CenternetHead/Relu';

/** A feature map, row-major, channels last. */
export interface FeatureMap {
  width: number;
  height: number;
  channels: number;
  data: Float32Array;
}

export interface ImageFeatures {
  /** Stride 8. */
  fine: FeatureMap;
  /** Stride 16. */
  coarse: FeatureMap;
  /** The encoded image's size in pixels, for mapping boxes. */
  width: number;
  height: number;
}

/** How a caller obtains features: the backbone itself, or a cache in front of it. */
export type FeatureSource = (encoded: Uint8Array) => Promise<ImageFeatures>;

/** One session per input side: the whole image's square, and the zoomed second look's (`zoom.ts`). */
const sessions = new Map<number, Promise<InferenceSession>>();

function backbone(side: number): Promise<InferenceSession> {
  let loading = sessions.get(side);
  if (!loading) {
    loading = (async () => {
      const dir = path.join(packageDirectory(HUMAN_PACKAGE), 'models');
      const json = JSON.parse(readFileSync(path.join(dir, 'centernet.json'), 'utf8')) as TfjsGraphJson;
      const weights = decodeWeights(json, readFileSync(path.join(dir, 'centernet.bin')));
      return createSession(convertGraph(json, weights, [FINE_LAYER, COARSE_LAYER], side === SIDE ? undefined : side));
    })();
    sessions.set(side, loading);
  }
  return loading;
}

/** The backbone's input: the image's pixels stretched to its square, RGB, and the encoded image's size. */
export interface BackboneInput {
  pixels: Uint8Array;
  width: number;
  height: number;
  /** The square's side in pixels. @default SIDE (512) */
  side?: number;
}

export async function backboneInput(encoded: Uint8Array): Promise<BackboneInput> {
  const image = sharp(encoded);
  const meta = await image.metadata();
  const data = await image.resize(SIDE, SIDE, { fit: 'fill' }).removeAlpha().toColourspace('srgb').raw().toBuffer();
  return { pixels: new Uint8Array(data.buffer, data.byteOffset, data.length), width: meta.width!, height: meta.height! };
}

/** The backbone's input from already decoded RGB pixels (a video frame decoded once), as `backboneInput` resizes. */
export async function backboneInputFromRgb(rgb: Uint8Array, width: number, height: number): Promise<BackboneInput> {
  const data = await sharp(rgb, { raw: { width, height, channels: 3 } }).resize(SIDE, SIDE, { fit: 'fill' }).raw().toBuffer();
  return { pixels: new Uint8Array(data.buffer, data.byteOffset, data.length), width, height };
}

/** The two feature maps of a prepared input. */
export async function backboneFeatures(input: BackboneInput): Promise<ImageFeatures> {
  const side = input.side ?? SIDE;
  const [session, { Tensor }] = await Promise.all([backbone(side), onnxRuntime()]);
  const pixels = new Tensor('float32', Float32Array.from(input.pixels), [1, side, side, 3]);
  try {
    const out = await session.run({ [session.inputNames[0]!]: pixels });
    const [fine, coarse] = session.outputNames.map((name) => toMap(out[name]!));
    return { fine: fine!, coarse: coarse!, width: input.width, height: input.height };
  } finally {
    pixels.dispose();
  }
}

/** The two feature maps of an encoded image (JPEG or PNG), stretched to the backbone's square input. */
export const imageFeatures: FeatureSource = async (encoded) => backboneFeatures(await backboneInput(encoded));

function toMap(tensor: Tensor): FeatureMap {
  const [, height, width, channels] = tensor.dims as [number, number, number, number];
  return { width, height, channels, data: tensor.data as Float32Array };
}
