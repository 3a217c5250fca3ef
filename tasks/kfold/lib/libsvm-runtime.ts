/**
 * Typed access to libsvm-js's asm.js build. We use asm.js, not wasm, because it loads synchronously
 * with `require` (about 40 ms, no await, nothing fetched), so training stays a plain synchronous call
 * that a worker thread can make. Types are declared here because the package ships none.
 */

/** libsvm-js's SVM class (only what we use). Its model lives in the emscripten heap: call `free()`. */
export interface LibsvmSvm {
  /** Pointer to libsvm's `struct svm_model` in the emscripten heap; 0/null before training. */
  readonly model: number | null;
  train(samples: number[][], labels: number[]): void;
  predictOne(sample: number[]): number;
  getLabels(): number[];
  serializeModel(): string;
  free(): void;
}

/** Options libsvm-js turns into svm-train's command line (`-s -t -d -g -r -c -m -e -h -q`). */
export interface LibsvmOptions {
  readonly type: string;
  readonly kernel: string;
  readonly degree: number;
  readonly gamma: number;
  readonly coef0: number;
  readonly cost: number;
  readonly cacheSize: number;
  readonly tolerance: number;
  readonly shrinking: boolean;
  readonly quiet: true;
}

interface LibsvmClass {
  new (options: LibsvmOptions): LibsvmSvm;
  load(serialized: string): LibsvmSvm;
  readonly SVM_TYPES: { readonly C_SVC: string };
  readonly KERNEL_TYPES: { readonly LINEAR: string; readonly POLYNOMIAL: string; readonly RBF: string; readonly SIGMOID: string };
}

/** The emscripten module behind the class: its heap views are replaced when memory grows, so re-read them. */
export interface EmscriptenHeap {
  readonly HEAP32: Int32Array;
  readonly HEAPF64: Float64Array;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS package
export const Libsvm = require('libsvm-js/asm') as LibsvmClass;
// The same module instance the class was built on (require caches it), for reading model fields.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const libsvmHeap = require('libsvm-js/out/asm/libsvm') as EmscriptenHeap;
