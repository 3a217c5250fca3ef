/**
 * Typed access to libsvm-js. The asm.js build is the default because it loads synchronously with
 * `require` (about 40 ms, no await, nothing fetched), so training stays a plain synchronous call.
 * The WebAssembly build of the same C code trains about twice as fast but loads asynchronously:
 * a thread that does much training (a compute worker) switches to it once with {@link useWasmLibsvm}.
 * Types are declared here because the package ships none.
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

// Live bindings: useWasmLibsvm() replaces both, and importers read them at call time.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS package
export let Libsvm = require('libsvm-js/asm') as LibsvmClass;
// The same module instance the class was built on (require caches it), for reading model fields.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export let libsvmHeap = require('libsvm-js/out/asm/libsvm') as EmscriptenHeap;

interface EmscriptenWasmModule extends EmscriptenHeap {
  load(): Promise<unknown>;
}

/**
 * Switches this thread to the WebAssembly build. Results are the same (the same C code, IEEE doubles
 * in both); models trained before the switch stay on the asm.js heap, so call this before training.
 */
export async function useWasmLibsvm(): Promise<void> {
  const wasm = requireWithoutFetch('libsvm-js/out/wasm/libsvm') as EmscriptenWasmModule;
  await wasm.load();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  Libsvm = (require('libsvm-js/src/loadSVM') as (module: unknown) => LibsvmClass)(wasm);
  libsvmHeap = wasm;
}

/**
 * The emscripten loader starts compiling as it is required and, when `fetch` exists, first tries to
 * fetch its .wasm by file path, which Node's fetch refuses with a warning on stderr before the loader
 * falls back to reading the file. Hiding `fetch` for that synchronous moment goes straight to the file.
 */
function requireWithoutFetch(id: string): unknown {
  const { fetch } = globalThis;
  Reflect.deleteProperty(globalThis, 'fetch');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(id);
  } finally {
    globalThis.fetch = fetch;
  }
}
