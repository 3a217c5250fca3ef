/** The serialisable ORB model: templates with base64 features, and the threshold chosen in training. */
import type { Features, Template } from './orb';

export const MODEL_FORMAT = 'statecraft-orb-logo-detector/1';

export interface SerialTemplate {
  label: string;
  source: string;
  width: number;
  height: number;
  points: string;
  descriptors: string;
}

export interface LogoModel {
  format: typeof MODEL_FORMAT;
  labels: string[];
  /** Inliers at which a match is a detection (confidence 50). */
  minInliers: number;
  /** Longest side images are scaled to before detection. */
  imageSide: number;
  imageFeatures: number;
  templates: SerialTemplate[];
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

export function serialiseTemplate(t: Template): SerialTemplate {
  return { label: t.label, source: t.source, width: t.width, height: t.height, points: b64(new Uint8Array(t.features.points.buffer)), descriptors: b64(t.features.descriptors) };
}

export function parseTemplate(t: SerialTemplate): Template {
  const points = Buffer.from(t.points, 'base64');
  const features: Features = {
    points: new Float32Array(points.buffer.slice(points.byteOffset, points.byteOffset + points.byteLength)),
    descriptors: new Uint8Array(Buffer.from(t.descriptors, 'base64')),
  };
  return { label: t.label, source: t.source, width: t.width, height: t.height, features };
}

/**
 * The fused detector's artefact (format 2): the trained head over the named backbone's features, the
 * ORB templates that verify its candidates, and the fusion with its fixed threshold. The backbone
 * itself is not in the artefact: it ships in its npm package and is named here so a model is never
 * run on features it was not trained on.
 */
export const FUSED_MODEL_FORMAT = 'statecraft-fused-logo-detector/2';
/**
 * Format 2 with the zoomed second look (`zoom`) and its probability as the fusion's third input. Not 3:
 * a format 3 briefly named the verifier's keypoint type (AKAZE, BRISK), and such a model must be
 * refused by name rather than read as one with a zoom.
 */
export const FUSED_ZOOM_MODEL_FORMAT = 'statecraft-fused-logo-detector/4';

/** A linear softmax head's stored weights (class 0 is "no logo"). */
export interface SerialHead {
  classes: number;
  dim: number;
  weights: string;
  bias: number[];
}

/** The zoomed second look (`zoom.ts`): how crops are cut and described, and the head that scores them. */
export interface ZoomModel {
  /** The crop's square side in pixels. */
  side: number;
  /** Context around the window, as a share of its larger side. */
  margin: number;
  /** The first head's best candidates whose windows get a second look; each candidate's probability is its best over those crops. */
  zoomed: number;
  head: SerialHead;
}

export interface FusedLogoModel {
  format: typeof FUSED_MODEL_FORMAT | typeof FUSED_ZOOM_MODEL_FORMAT;
  backbone: string;
  labels: string[];
  head: SerialHead;
  /** Candidate labels (the head's best) verified by ORB per image. */
  candidates: number;
  orb: { imageSide: number; imageFeatures: number; templates: SerialTemplate[] };
  fusion: { headWeight: number; orbWeight: number; zoomWeight?: number; bias: number; threshold: number; fitted: boolean };
  /** Format 4 only. */
  zoom?: ZoomModel;
  /** Image-level scores on the validation images the threshold was chosen on. */
  validation: { images: number; accuracy: number; precision: number; recall: number };
}

export type AnyLogoModel = LogoModel | FusedLogoModel;

export function serialiseWeights(weights: Float32Array): string {
  return b64(new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength));
}

export function serialiseHead(head: { classes: number; dim: number; weights: Float32Array; bias: Float32Array }): SerialHead {
  return { classes: head.classes, dim: head.dim, weights: serialiseWeights(head.weights), bias: [...head.bias] };
}

export function parseHead(head: SerialHead): { classes: number; dim: number; weights: Float32Array; bias: Float32Array } {
  return { classes: head.classes, dim: head.dim, weights: parseWeights(head.weights), bias: Float32Array.from(head.bias) };
}

export function parseWeights(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
