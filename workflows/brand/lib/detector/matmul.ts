/**
 * A float matrix product on onnxruntime's CPU kernels: one small ONNX graph (a MatMul whose sizes are
 * given at run time), one session per thread. The head's per-cell projections are such products, and
 * onnxruntime's are several times faster than TensorFlow.js's WebAssembly ones.
 */
import type { InferenceSession } from 'onnxruntime-node';
import { createSession, onnxRuntime } from './onnx-session';

let loading: Promise<InferenceSession> | undefined;

function session(): Promise<InferenceSession> {
  loading ??= createSession({
    name: 'matmul',
    nodes: [{ op: 'MatMul', inputs: ['a', 'b'], outputs: ['product'] }],
    initializers: [],
    inputs: [
      { name: 'a', dims: ['rows', 'inner'] },
      { name: 'b', dims: ['inner', 'columns'] },
    ],
    outputs: [{ name: 'product', dims: ['rows', 'columns'] }],
    opset: 13,
  });
  return loading;
}

/** `a` (rows × inner) times `b` (inner × columns), both row-major: rows × columns, row-major. */
export async function matMul(a: Float32Array, rows: number, inner: number, b: Float32Array, columns: number): Promise<Float32Array> {
  if (a.length !== rows * inner || b.length !== inner * columns) throw new RangeError(`A ${rows}×${inner} by ${inner}×${columns} product needs ${rows * inner} and ${inner * columns} values, not ${a.length} and ${b.length}.`);
  const [s, { Tensor }] = await Promise.all([session(), onnxRuntime()]);
  const out = await s.run({ a: new Tensor('float32', a, [rows, inner]), b: new Tensor('float32', b, [inner, columns]) });
  return out.product!.data as Float32Array;
}
