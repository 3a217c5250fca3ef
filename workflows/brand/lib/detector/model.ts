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
