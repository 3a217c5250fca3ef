/**
 * What the brand functions carry beside their bundles on AWS. Every brand bundle holds the whole
 * package's JavaScript (OpenCV.js with its WebAssembly inlined, TensorFlow.js, sharp's JavaScript),
 * but not what is read from disk at run time:
 * - sharp's addon and libvips, which sharp loads as the bundle starts, so every function carries them
 *   (the addon finds libvips by its RPATH, `../../sharp-libvips-linux-x64/lib`);
 * - the backbone's model files and onnxruntime-node (its addon and library: it stays out of the bundle,
 *   with the package its JavaScript loads), for the tasks that run the detector;
 * - TensorFlow.js's `.wasm` files, for the one task that trains the detector's head;
 * - ffmpeg and ffprobe, for the one task that runs each.
 */
import type { NativePackage } from '../../src/builder';
import { BACKBONE_FILES, HUMAN_PACKAGE } from './lib/detector/backbone';
import { ONNX_RUNTIME, ONNX_RUNTIME_COMMON } from './lib/detector/onnx-session';
import { WASM_BACKEND_FILES, WASM_BACKEND_PACKAGE } from './lib/detector/tensorflow';
import { FFMPEG_PACKAGE, FFPROBE_PACKAGE } from './lib/media';
import { DetectLogos, Evaluate, EvaluateBatch, ExtractFrames, ProbeVideo, TrainDetector } from './tasks';

/** The tasks that compute backbone features: training, and detection in all its callers. */
const DETECTOR_TASKS = [TrainDetector, Evaluate, EvaluateBatch, DetectLogos];

export const brandNativePackages: readonly NativePackage[] = [
  { name: FFMPEG_PACKAGE, files: ['package.json', 'ffmpeg'], binary: 'ffmpeg', tasks: [ExtractFrames] },
  { name: FFPROBE_PACKAGE, files: ['package.json', 'ffprobe'], binary: 'ffprobe', tasks: [ProbeVideo] },
  { name: '@img/sharp-linux-x64', files: ['package.json', 'index.cjs', 'lib'] },
  { name: '@img/sharp-libvips-linux-x64', files: ['package.json', 'versions.json', 'lib'] },
  { name: HUMAN_PACKAGE, files: BACKBONE_FILES, tasks: DETECTOR_TASKS },
  { ...ONNX_RUNTIME, tasks: DETECTOR_TASKS },
  { ...ONNX_RUNTIME_COMMON, tasks: DETECTOR_TASKS },
  { name: WASM_BACKEND_PACKAGE, files: WASM_BACKEND_FILES, tasks: [TrainDetector] },
];
