/** TensorFlow.js on its WebAssembly backend, started once per thread (each compute worker has its own). */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

let ready: Promise<typeof tf> | undefined;

export function tensorflow(): Promise<typeof tf> {
  ready ??= (async () => {
    await tf.setBackend('wasm');
    await tf.ready();
    return tf;
  })();
  return ready;
}
