import { type LibsvmSvm, libsvmHeap } from './libsvm-runtime';

/**
 * Writes a trained model in libsvm's model-file format, at full precision. libsvm's own
 * `svm_save_model` (libsvm-js `serializeModel`) prints gamma and rho with `%g` (6 digits) and support
 * vectors with `%.8g`, so a reloaded model can predict differently; JavaScript's shortest round-trip
 * number text parses back (strtod) to the very same doubles. The numbers are read from libsvm's
 * `struct svm_model` in the emscripten heap (32-bit pointers; offsets below).
 */
export function writeModelText(svm: LibsvmSvm): string {
  const model = svm.model;
  if (!model) throw new Error('Cannot write a model that was never trained.');
  const fields = readModel(model);
  assertLayout(fields, svm);
  const { param, classCount, totalSv } = fields;
  const lines = [`svm_type ${SVM_TYPE_NAMES[param.svmType]}`, `kernel_type ${KERNEL_NAMES[param.kernelType]}`];
  if (param.kernelType === POLY) lines.push(`degree ${param.degree}`);
  if (param.kernelType !== LINEAR) lines.push(`gamma ${param.gamma}`);
  if (param.kernelType === POLY || param.kernelType === SIGMOID) lines.push(`coef0 ${param.coef0}`);
  lines.push(
    `nr_class ${classCount}`,
    `total_sv ${totalSv}`,
    `rho ${fields.rho.join(' ')}`,
    `label ${fields.labels.join(' ')}`,
    `nr_sv ${fields.svCounts.join(' ')}`,
    'SV',
  );
  for (let sv = 0; sv < totalSv; sv++) {
    const coefficients = fields.coefficients.map((perClass) => perClass[sv]);
    const nodes = fields.supportVectors[sv].map(([index, value]) => `${index}:${value}`);
    lines.push([...coefficients, ...nodes].join(' '));
  }
  return `${lines.join('\n')}\n`;
}

const LINEAR = 0;
const POLY = 1;
const SIGMOID = 3;
const SVM_TYPE_NAMES = ['c_svc', 'nu_svc', 'one_class', 'epsilon_svr', 'nu_svr'];
const KERNEL_NAMES = ['linear', 'polynomial', 'rbf', 'sigmoid', 'precomputed'];

/** Byte offsets in `struct svm_model` (libsvm 3.x, wasm32/asm.js: int and pointers 4 bytes, doubles 8-aligned). */
const OFFSET = {
  svmType: 0,
  kernelType: 4,
  degree: 8,
  gamma: 16,
  coef0: 24,
  classCount: 96,
  totalSv: 100,
  supportVectors: 104,
  coefficients: 108,
  rho: 112,
  labels: 128,
  svCounts: 132,
} as const;
const SVM_NODE_BYTES = 16;

function readModel(model: number) {
  const int = (address: number) => libsvmHeap.HEAP32[address >> 2];
  const double = (address: number) => libsvmHeap.HEAPF64[address >> 3];
  const ints = (address: number, count: number) => Array.from({ length: count }, (_, i) => int(address + 4 * i));
  const doubles = (address: number, count: number) => Array.from({ length: count }, (_, i) => double(address + 8 * i));
  const classCount = int(model + OFFSET.classCount);
  const totalSv = int(model + OFFSET.totalSv);
  const pairCount = (classCount * (classCount - 1)) / 2;
  const coefficientRows = ints(int(model + OFFSET.coefficients), classCount - 1);
  return {
    param: {
      svmType: int(model + OFFSET.svmType),
      kernelType: int(model + OFFSET.kernelType),
      degree: int(model + OFFSET.degree),
      gamma: double(model + OFFSET.gamma),
      coef0: double(model + OFFSET.coef0),
    },
    classCount,
    totalSv,
    rho: doubles(int(model + OFFSET.rho), pairCount),
    labels: ints(int(model + OFFSET.labels), classCount),
    svCounts: ints(int(model + OFFSET.svCounts), classCount),
    coefficients: coefficientRows.map((row) => doubles(row, totalSv)),
    supportVectors: ints(int(model + OFFSET.supportVectors), totalSv).map((node) => readNodes(node, int, double)),
  };
}

/** A sparse vector: `(index, value)` pairs up to libsvm's terminator index -1. */
function readNodes(address: number, int: (a: number) => number, double: (a: number) => number): [number, number][] {
  const nodes: [number, number][] = [];
  for (let node = address; int(node) !== -1; node += SVM_NODE_BYTES) nodes.push([int(node), double(node + 8)]);
  return nodes;
}

/** Refuses to write garbage if a libsvm-js upgrade changed the struct: cross-checks with its own accessors. */
function assertLayout(fields: ReturnType<typeof readModel>, svm: LibsvmSvm): void {
  const labels = svm.getLabels();
  const consistent =
    SVM_TYPE_NAMES[fields.param.svmType] !== undefined &&
    KERNEL_NAMES[fields.param.kernelType] !== undefined &&
    fields.labels.length === labels.length &&
    fields.labels.every((label, index) => label === labels[index]) &&
    fields.svCounts.reduce((sum, count) => sum + count, 0) === fields.totalSv;
  if (!consistent) throw new Error('libsvm-js model layout is not the one writeModelText knows; cannot serialise.');
}
