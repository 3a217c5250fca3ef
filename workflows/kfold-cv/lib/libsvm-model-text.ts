/**
 * libsvm's model-file format for C-SVC models, written and read at full precision. libsvm's own
 * `svm_save_model` prints gamma and rho with `%g` (6 digits) and support vectors with `%.8g`, so a
 * reloaded model can predict differently; JavaScript's shortest round-trip number text parses back
 * (here, and with libsvm's strtod) to the very same doubles. The text is what FitFinal stores, and
 * libsvm's `svm-predict` reads it too.
 */
import type { KernelName, ModelFields } from './libsvm-native';

export function writeModelText(model: ModelFields): string {
  const { kernel, labels } = model;
  const { offsets, indices, values } = model.supportVectors;
  const totalSv = offsets.length - 1;
  const lines = ['svm_type c_svc', `kernel_type ${kernel}`];
  if (kernel === 'polynomial') lines.push(`degree ${model.degree}`);
  if (kernel !== 'linear') lines.push(`gamma ${model.gamma}`);
  if (kernel === 'polynomial' || kernel === 'sigmoid') lines.push(`coef0 ${model.coef0}`);
  lines.push(
    `nr_class ${labels.length}`,
    `total_sv ${totalSv}`,
    `rho ${model.rho.join(' ')}`,
    `label ${labels.join(' ')}`,
    `nr_sv ${model.svCounts.join(' ')}`,
    'SV',
  );
  for (let sv = 0; sv < totalSv; sv++) {
    const coefficients = model.svCoef.map((perClass) => perClass[sv]);
    const nodes = [];
    for (let node = offsets[sv]; node < offsets[sv + 1]; node++) nodes.push(`${indices[node]}:${values[node]}`);
    lines.push([...coefficients, ...nodes].join(' '));
  }
  return `${lines.join('\n')}\n`;
}

/** The reason a text is not a C-SVC model file, with the line (from 1) it was found on. */
export class ModelTextError extends Error {
  override readonly name = 'ModelTextError';
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`Not a libsvm C-SVC model file: line ${line}: ${reason}`);
  }
}

const KERNELS: readonly KernelName[] = ['linear', 'polynomial', 'rbf', 'sigmoid'];
const HEADER_KEYS = ['svm_type', 'kernel_type', 'degree', 'gamma', 'coef0', 'nr_class', 'total_sv', 'rho', 'label', 'nr_sv'];
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
/** libsvm's feature indices are C ints. */
const MAX_INDEX = 2 ** 31 - 1;

/** Reads what {@link writeModelText} (or libsvm's `svm_save_model`, without probability outputs) wrote. */
export function readModelText(text: string): ModelFields {
  const lines = text.split('\n').map((line) => line.trim());
  const header = new Map<string, { line: number; values: string[] }>();
  let at = 0;
  for (; at < lines.length && lines[at] !== 'SV'; at++) {
    const [key, ...values] = lines[at].split(/\s+/);
    if (key === '') continue;
    if (!HEADER_KEYS.includes(key)) throw new ModelTextError(at + 1, `unsupported header "${key}"`);
    header.set(key, { line: at + 1, values });
  }
  if (at === lines.length) throw new ModelTextError(at, 'no "SV" line before the support vectors');
  const field = (key: string, count?: number) => {
    const entry = header.get(key);
    if (!entry) throw new ModelTextError(at + 1, `the header has no ${key}`);
    if (count !== undefined && entry.values.length !== count) throw new ModelTextError(entry.line, `${key} needs ${count} value(s)`);
    return entry;
  };
  const numbers = (key: string, pattern: RegExp, count?: number) => {
    const { line, values } = field(key, count);
    return values.map((value) => parseNumber(value, pattern, line));
  };
  // The kernel's own parameters, as svm_save_model writes them: absent from other kernels' files.
  const kernelParameter = (key: string, pattern: RegExp, usedBy: readonly KernelName[]) => (usedBy.includes(kernel) ? numbers(key, pattern, 1)[0] : 0);

  if (field('svm_type', 1).values[0] !== 'c_svc') throw new ModelTextError(field('svm_type').line, 'only c_svc models are supported');
  const kernel = field('kernel_type', 1).values[0] as KernelName;
  if (!KERNELS.includes(kernel)) throw new ModelTextError(field('kernel_type').line, `unsupported kernel_type "${kernel}"`);
  const [classCount] = numbers('nr_class', INTEGER, 1);
  const [totalSv] = numbers('total_sv', INTEGER, 1);
  if (classCount < 2 || totalSv < 0) throw new ModelTextError(field('nr_class').line, 'nr_class must be at least 2 and total_sv not negative');
  const svCounts = numbers('nr_sv', INTEGER, classCount);
  if (svCounts.reduce((sum, count) => sum + count, 0) !== totalSv) throw new ModelTextError(field('nr_sv').line, 'nr_sv must add up to total_sv');

  const svLines = lines.map((text, index) => ({ text, line: index + 1 })).slice(at + 1).filter(({ text }) => text !== '');
  if (svLines.length !== totalSv) throw new ModelTextError(at + 1, `total_sv is ${totalSv} but ${svLines.length} support vectors follow`);
  const supportVectors = readSupportVectors(svLines, classCount - 1);
  return {
    kernel,
    degree: kernelParameter('degree', INTEGER, ['polynomial']),
    gamma: kernelParameter('gamma', DECIMAL, ['polynomial', 'rbf', 'sigmoid']),
    coef0: kernelParameter('coef0', DECIMAL, ['polynomial', 'sigmoid']),
    labels: Int32Array.from(numbers('label', INTEGER, classCount)),
    rho: Float64Array.from(numbers('rho', DECIMAL, (classCount * (classCount - 1)) / 2)),
    svCounts: Int32Array.from(svCounts),
    svCoef: supportVectors.coefficients,
    supportVectors: supportVectors.nodes,
  };
}

/** Support vector lines: `coef_1 … coef_(k-1) index:value …`, blank lines already removed. */
function readSupportVectors(lines: readonly { text: string; line: number }[], coefficientCount: number) {
  const coefficients = Array.from({ length: coefficientCount }, () => new Float64Array(lines.length));
  const offsets = new Int32Array(lines.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  lines.forEach(({ text, line }, sv) => {
    const tokens = text.split(/\s+/);
    if (tokens.length < coefficientCount) throw new ModelTextError(line, `a support vector needs ${coefficientCount} coefficient(s)`);
    tokens.slice(0, coefficientCount).forEach((token, row) => (coefficients[row][sv] = parseNumber(token, DECIMAL, line)));
    for (const node of tokens.slice(coefficientCount)) {
      const [index, value, extra] = node.split(':');
      if (value === undefined || extra !== undefined) throw new ModelTextError(line, `"${node}" is not index:value`);
      const featureIndex = parseNumber(index, INTEGER, line);
      if (featureIndex < 1 || featureIndex > MAX_INDEX) throw new ModelTextError(line, `feature index ${index} is not between 1 and ${MAX_INDEX}`);
      indices.push(featureIndex);
      values.push(parseNumber(value, DECIMAL, line));
    }
    offsets[sv + 1] = indices.length;
  });
  return { coefficients, nodes: { offsets, indices: Int32Array.from(indices), values: Float64Array.from(values) } };
}

function parseNumber(token: string, pattern: RegExp, line: number): number {
  if (!pattern.test(token)) throw new ModelTextError(line, `"${token}" is not ${pattern === INTEGER ? 'an integer' : 'a number'}`);
  return Number(token);
}
