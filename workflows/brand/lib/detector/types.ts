/** The detector's contract: train on labelled boxes into a JSON-serialisable model; load it; detect. */
import type { Box } from '../annotations';
import type { StageTimer } from './stages';

export interface TrainingExample {
  /** The encoded image (JPEG or PNG). */
  image: Uint8Array;
  /** Its boxes in pixels of the encoded image. */
  boxes: Box[];
}

/** A box as fractions of the image's width and height, as Rekognition's `BoundingBox`. */
export interface FractionBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Detection {
  name: string;
  /** 0–100, as AWS reports it; 50 is the model's decision threshold. */
  confidence: number;
  box: FractionBox;
}

export interface Detector {
  /** The image's detections at confidence ≥ 50 (below it nothing is reported), most confident first. */
  detect(image: Uint8Array, timer?: StageTimer): Promise<Detection[]>;
}
