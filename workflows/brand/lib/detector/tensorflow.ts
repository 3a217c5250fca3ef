/**
 * TensorFlow.js on its WebAssembly backend, started once per thread (each compute worker has its own).
 * The backend's `.wasm` files are read from its package directory, wherever this code was bundled to.
 */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { packageDirectory } from '../package-directory';

export const WASM_BACKEND_PACKAGE = '@tensorflow/tfjs-backend-wasm';
/** Node runs the SIMD build where the CPU has SIMD, the plain one elsewhere; never the threaded one. */
export const WASM_BACKEND_FILES = ['package.json', 'dist/tfjs-backend-wasm.wasm', 'dist/tfjs-backend-wasm-simd.wasm'];

let ready: Promise<typeof tf> | undefined;

export function tensorflow(): Promise<typeof tf> {
  ready ??= (async () => {
    setWasmPaths(`${join(packageDirectory(WASM_BACKEND_PACKAGE), 'dist')}/`);
    await tf.setBackend('wasm');
    await tf.ready();
    return tf;
  })();
  return ready;
}
