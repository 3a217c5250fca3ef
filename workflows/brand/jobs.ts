/**
 * The brand tasks' CPU work, run in the compute pool's worker threads: training the detector and
 * running it. A worker keeps the models it loaded (a model server's warm state), by artefact id.
 */
import { defineJob } from '../../src/services';
import { load, loadVideo, train, type AnyLogoModel, type Detection, type Detector, type FrameSequenceDetector, type FusedLogoModel, type TrainingExample } from './lib/detector';

export interface TrainJob {
  examples: Array<TrainingExample & { name: string }>;
}

export const trainDetectorJob = defineJob(__filename, 'trainDetector', (job: TrainJob): Promise<FusedLogoModel> => train(job.examples));

export interface DetectJob {
  /** Identifies the model version (bucket/key@etag); a worker parses each model once. */
  modelId: string;
  /** The model's JSON, sent only when the caller does not know the worker has it. */
  modelText: string;
  images: Uint8Array[];
}

/** A loaded model: its photo detector and its video path (key frames), sharing nothing but the artefact. */
interface Loaded {
  photos: Detector;
  frames: FrameSequenceDetector;
}

const loaded = new Map<string, Loaded>();
const LOADED_MODELS = 2;

function detectorFor(modelId: string, modelText: string): Loaded {
  const hit = loaded.get(modelId);
  if (hit) return hit;
  const model = JSON.parse(modelText) as AnyLogoModel;
  const detector = { photos: load(model), frames: loadVideo(model) };
  if (loaded.size >= LOADED_MODELS) loaded.delete(loaded.keys().next().value!);
  loaded.set(modelId, detector);
  return detector;
}

/** Every detection per image, in the order given. */
export const detectJob = defineJob(__filename, 'detect', async (job: DetectJob): Promise<Detection[][]> => {
  const detector = detectorFor(job.modelId, job.modelText).photos;
  const results: Detection[][] = [];
  for (const image of job.images) results.push(await detector.detect(image));
  return results;
});

/** Every detection per frame of consecutive sampled video frames (time order), key frames chosen along them. */
export const detectFramesJob = defineJob(__filename, 'detectFrames', async (job: DetectJob): Promise<Detection[][]> => {
  const results = await detectorFor(job.modelId, job.modelText).frames.detectFrames(job.images);
  return results.map((r) => r.detections);
});

/** Loads the model into a worker, as a model server does when it starts; returns its label count. */
export const loadModelJob = defineJob(__filename, 'loadModel', (job: Pick<DetectJob, 'modelId' | 'modelText'>): number => {
  detectorFor(job.modelId, job.modelText);
  return (JSON.parse(job.modelText) as AnyLogoModel).labels.length;
});

/** Forgets a model (StopModel): its memory is freed in this worker. */
export const unloadModelJob = defineJob(__filename, 'unloadModel', (job: { modelId: string }): boolean => loaded.delete(job.modelId));
