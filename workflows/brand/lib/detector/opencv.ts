/**
 * OpenCV.js, loaded once per process. Its WebAssembly compiles asynchronously, and the module is a
 * thenable that resolves to itself, so it cannot simply be awaited (that would never settle).
 */
// The package ships no usable types for its runtime object; the detector types what it uses.
export type OpenCv = any;

let loading: Promise<OpenCv> | undefined;

export function openCv(): Promise<OpenCv> {
  loading ??= new Promise((resolve) => {
    const cv = require('@techstark/opencv-js') as OpenCv;
    if (cv.Mat) return resolve(cv);
    const ready = cv.then as (f: (m: OpenCv) => void) => void;
    ready.call(cv, (module: OpenCv) => {
      delete module.then;
      resolve(module);
    });
  });
  return loading;
}
