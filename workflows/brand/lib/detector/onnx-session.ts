/**
 * ONNX graphs run on `onnxruntime-node`'s CPU kernels. A session runs on one thread: the runtime
 * already runs one detector per core (its compute workers), so more threads per session would only
 * contend with each other.
 */
import type * as Ort from 'onnxruntime-node';
import { encodeModel, type OnnxGraph } from './onnx-writer';

/** onnxruntime-node and the package its JavaScript loads, with the files a Linux x64 function needs of each. */
export const ONNX_RUNTIME = {
  name: 'onnxruntime-node',
  files: ['package.json', 'dist', 'bin/napi-v6/linux/x64'],
  binary: 'bin/napi-v6/linux/x64/onnxruntime_binding.node',
} as const;
export const ONNX_RUNTIME_COMMON = { name: 'onnxruntime-common', files: ['package.json', 'dist/cjs'] } as const;

let loading: Promise<typeof Ort> | undefined;

/**
 * The runtime, loaded on first use: only the tasks that run the detector carry it on AWS (its
 * library is ≈ 46 MB), and a task's bundle holds the whole workflow package's code.
 */
export function onnxRuntime(): Promise<typeof Ort> {
  loading ??= import('onnxruntime-node');
  return loading;
}

export async function createSession(graph: OnnxGraph): Promise<Ort.InferenceSession> {
  const { InferenceSession } = await onnxRuntime();
  return InferenceSession.create(encodeModel(graph, 'statecraft'), { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' });
}
