/**
 * The backbone's TensorFlow.js graph as an ONNX graph, converted where it is loaded: the part of the
 * graph the feature maps need, op by op, into ONNX's channels-first layout (the input is transposed
 * once, the outputs back to channels last). TensorFlow's converters to ONNX are Python packages; the
 * feature layers use only the convolutions, activations, element-wise arithmetic, means, bilinear
 * up-sampling and concatenations below, so an op outside that set is an error naming it.
 */
import type { OnnxGraph, OnnxNode, OnnxTensor, OnnxValue } from './onnx-writer';

/** The parts of a TensorFlow.js `model.json` read here. */
export interface TfjsGraphJson {
  modelTopology: { node: readonly TfjsNode[]; [field: string]: unknown };
  weightsManifest: readonly { weights: readonly TfjsWeightSpec[] }[];
}

interface TfjsNode {
  name: string;
  op: string;
  input?: readonly string[];
  attr?: Record<string, TfjsAttr>;
}

interface TfjsAttr {
  b?: boolean;
  s?: string;
  i?: string;
  list?: { i?: readonly string[]; s?: readonly string[] };
  shape?: { dim?: readonly { size: string }[] };
  [field: string]: unknown;
}

interface TfjsWeightSpec {
  name: string;
  shape: readonly number[];
  dtype: 'float32' | 'int32';
  quantization?: { dtype: string };
}

/** The ONNX operator set the nodes are written for (Clip's bounds as inputs, ReduceMean's axes as an attribute). */
const OPSET = 13;

/** Decodes the weights file as its manifest lays it out: float16-quantized floats become float32. */
export function decodeWeights(json: TfjsGraphJson, bin: Uint8Array): Map<string, Float32Array | Int32Array> {
  const view = new DataView(bin.buffer, bin.byteOffset, bin.byteLength);
  const weights = new Map<string, Float32Array | Int32Array>();
  let offset = 0;
  for (const spec of json.weightsManifest.flatMap((group) => group.weights)) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const stored = spec.quantization?.dtype ?? spec.dtype;
    if (stored === 'float16') {
      const values = new Float32Array(count);
      for (let i = 0; i < count; i++) values[i] = float16(view.getUint16(offset + 2 * i, true));
      weights.set(spec.name, values);
      offset += 2 * count;
    } else if (stored === 'float32' || stored === 'int32') {
      const values = stored === 'float32' ? new Float32Array(count) : new Int32Array(count);
      for (let i = 0; i < count; i++) values[i] = stored === 'float32' ? view.getFloat32(offset + 4 * i, true) : view.getInt32(offset + 4 * i, true);
      weights.set(spec.name, values);
      offset += 4 * count;
    } else {
      throw new Error(`Weight ${spec.name} is stored as ${stored}, which the backbone's converter does not read.`);
    }
  }
  if (offset !== bin.length) throw new Error(`The weights file holds ${bin.length} bytes where its manifest describes ${offset}.`);
  return weights;
}

/** Every half-precision bit pattern's value, built on first use (a table beats decoding 2 million values one by one). */
let halves: Float32Array | undefined;

function float16(h: number): number {
  halves ??= Float32Array.from({ length: 65536 }, (_, bits) => {
    const sign = bits & 0x8000 ? -1 : 1;
    const exponent = (bits >> 10) & 0x1f;
    const fraction = bits & 0x3ff;
    if (exponent === 0) return sign * fraction * 2 ** -24;
    if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
    return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
  });
  return halves[h]!;
}

/**
 * The ONNX graph computing `outputs` (node names of `json`) from its one image input: float pixels,
 * channels last, as the TensorFlow.js model takes them; every output channels last as well. With
 * `side`, the input is side×side pixels instead of the graph's own square (a multiple of its largest
 * stride, 32): the layers are convolutions and global means, so only the up-sampling's fixed output
 * sizes change, in proportion.
 */
export function convertGraph(json: TfjsGraphJson, weights: Map<string, Float32Array | Int32Array>, outputs: readonly string[], side?: number): OnnxGraph {
  const byName = new Map(json.modelTopology.node.map((n) => [n.name, n]));
  const weightShapes = new Map(json.weightsManifest.flatMap((group) => group.weights).map((w) => [w.name, w.shape]));
  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [];
  /** Each converted value's shape, channels first. */
  const shapes = new Map<string, number[]>();
  let input: OnnxValue | undefined;
  /** The up-sampling sizes follow the input's side (1 at the graph's own). */
  let resizeScale = 1;

  const floatConstant = (name: string, dims: number[], data: Float32Array) => {
    initializers.push({ name, dims, data });
    return name;
  };
  const int64Constant = (name: string, data: readonly number[]) => {
    initializers.push({ name, dims: [data.length], data: BigInt64Array.from(data.map(BigInt)) });
    return name;
  };
  const weight = (name: string): Float32Array | Int32Array => {
    const w = weights.get(name);
    if (w === undefined) throw new Error(`The backbone's graph reads ${name}, which its weights do not hold.`);
    return w;
  };
  const emit = (op: string, inputs: string[], output: string, shape: number[], attributes?: OnnxNode['attributes']) => {
    nodes.push({ op, inputs, outputs: [output], ...(attributes ? { attributes } : {}) });
    shapes.set(output, shape);
    return output;
  };

  const visit = (reference: string): string => {
    const name = reference.split(':')[0]!;
    if (shapes.has(name)) return name;
    const n = byName.get(name);
    if (n === undefined) throw new Error(`The backbone's graph has no node ${name}.`);
    const ins = n.input ?? [];
    switch (n.op) {
      case 'Placeholder': {
        const dims = (n.attr?.shape?.shape?.dim ?? []).map((d) => Number(d.size));
        if (dims.length !== 4 || dims.some((d) => !(d > 0))) throw new Error(`The backbone's input ${name} needs a fixed NHWC shape.`);
        if (side !== undefined) {
          if (!Number.isInteger(side) || side <= 0 || dims[1] !== dims[2]) throw new RangeError(`The backbone's input ${name} cannot be made ${side}×${side}.`);
          [resizeScale, dims[1], dims[2]] = [side / dims[1]!, side, side];
        }
        input = { name, dims };
        return emit('Transpose', [name], `${name}/nchw`, [dims[0]!, dims[3]!, dims[1]!, dims[2]!], { perm: [0, 3, 1, 2] });
      }
      case 'Const': {
        const w = weight(name);
        if (!(w instanceof Float32Array) || w.length !== 1) throw new Error(`The backbone's converter takes only scalar float constants as operands, not ${name}.`);
        shapes.set(name, []);
        return floatConstant(name, [], w);
      }
      case '_FusedConv2D':
      case 'FusedDepthwiseConv2dNative':
      case 'DepthwiseConv2dNative':
        return convolution(n);
      case 'Relu':
        return emit('Relu', [visit(ins[0]!)], name, shapeOf(ins[0]!));
      case 'Relu6':
        return emit('Clip', [visit(ins[0]!), scalar(`${name}/min`, 0), scalar(`${name}/max`, 6)], name, shapeOf(ins[0]!));
      case 'Add':
      case 'AddV2':
      case 'Mul': {
        const [a, b] = [visit(ins[0]!), visit(ins[1]!)];
        return emit(n.op === 'Mul' ? 'Mul' : 'Add', [a, b], name, broadcast(shapeOf(a), shapeOf(b)));
      }
      case 'Mean': {
        const axes = Array.from(weight(ins[1]!));
        if (axes.join() !== '1,2' || n.attr?.keep_dims?.b !== true) throw new Error(`${name}: only a spatial mean that keeps its dimensions converts.`);
        const source = visit(ins[0]!);
        const [batch, channels] = shapeOf(source);
        return emit('ReduceMean', [source], name, [batch!, channels!, 1, 1], { axes: [2, 3], keepdims: 1 });
      }
      case 'ResizeBilinear': {
        if (n.attr?.align_corners?.b || n.attr?.half_pixel_centers?.b) throw new Error(`${name}: only TensorFlow's default sampling (neither corners aligned nor half-pixel centres) converts.`);
        const source = visit(ins[0]!);
        const [batch, channels] = shapeOf(source);
        const [height, width] = Array.from(weight(ins[1]!.split(':')[0]!)).map((v) => v * resizeScale);
        // A fractional size means the input's side is not a multiple of the graph's strides up to here.
        if (!Number.isInteger(height) || !Number.isInteger(width)) throw new RangeError(`${name}: the input's side does not divide into its up-sampling (to ${height}×${width}).`);
        return emit('Resize', [source, '', '', int64Constant(`${name}/sizes`, [batch!, channels!, height!, width!])], name, [batch!, channels!, height!, width!], {
          mode: 'linear',
          coordinate_transformation_mode: 'asymmetric',
        });
      }
      case 'ConcatV2': {
        const parts = ins.slice(0, -1).map(visit);
        const axis = weight(ins[ins.length - 1]!.split(':')[0]!)[0]!;
        if (axis !== 3 && axis !== -1) throw new Error(`${name}: only a concatenation over channels converts.`);
        const first = shapeOf(parts[0]!);
        return emit('Concat', parts, name, [first[0]!, parts.reduce((sum, p) => sum + shapeOf(p)[1]!, 0), first[2]!, first[3]!], { axis: 1 });
      }
      default:
        throw new Error(`The backbone's graph uses ${n.op} (${name}), which its converter does not know.`);
    }
  };

  function shapeOf(reference: string): number[] {
    return shapes.get(reference.split(':')[0]!)!;
  }

  function scalar(name: string, value: number): string {
    return floatConstant(name, [], Float32Array.of(value));
  }

  /** A convolution, its bias and its activation: TensorFlow's filters reordered to ONNX's. */
  function convolution(n: TfjsNode): string {
    const ins = n.input ?? [];
    const x = visit(ins[0]!);
    const [batch, channels, height, width] = shapeOf(x) as [number, number, number, number];
    const filterName = ins[1]!.split(':')[0]!;
    const filter = weight(filterName) as Float32Array;
    const [kh, kw, inner, outer] = weightShapes.get(filterName) as [number, number, number, number];
    const depthwise = n.op !== '_FusedConv2D';
    const outChannels = depthwise ? inner * outer : outer;
    const reordered = new Float32Array(filter.length);
    // TensorFlow: [kh][kw][in][out] (depthwise: [kh][kw][channel][multiplier]); ONNX: [out][in per group][kh][kw].
    for (let y = 0; y < kh; y++)
      for (let z = 0; z < kw; z++)
        for (let i = 0; i < inner; i++)
          for (let o = 0; o < outer; o++) {
            const from = ((y * kw + z) * inner + i) * outer + o;
            reordered[depthwise ? ((i * outer + o) * kh + y) * kw + z : ((o * inner + i) * kh + y) * kw + z] = filter[from]!;
          }
    const strides = (n.attr?.strides?.list?.i ?? ['1', '1', '1', '1']).map(Number);
    const dilations = (n.attr?.dilations?.list?.i ?? ['1', '1', '1', '1']).map(Number);
    if (dilations.some((d) => d !== 1)) throw new Error(`${n.name}: dilated convolutions do not convert.`);
    const padding = Buffer.from(n.attr?.padding?.s ?? '', 'base64').toString();
    const fused = (n.attr?.fused_ops?.list?.s ?? []).map((s) => Buffer.from(s, 'base64').toString());
    const [sh, sw] = [strides[1]!, strides[2]!];
    const same = padding === 'SAME';
    if (!same && padding !== 'VALID') throw new Error(`${n.name}: padding ${padding} does not convert.`);
    const outHeight = same ? Math.ceil(height / sh) : Math.floor((height - kh) / sh) + 1;
    const outWidth = same ? Math.ceil(width / sw) : Math.floor((width - kw) / sw) + 1;
    const inputs = [x, floatConstant(`${n.name}/filter`, [outChannels, depthwise ? 1 : inner, kh, kw], reordered)];
    if (fused[0] === 'BiasAdd') inputs.push(floatConstant(`${n.name}/bias`, [outChannels], weight(ins[2]!.split(':')[0]!) as Float32Array));
    const activation = fused.slice(fused[0] === 'BiasAdd' ? 1 : 0);
    if (activation.length > 1 || (activation.length === 1 && activation[0] !== 'Relu')) throw new Error(`${n.name}: fused ${fused.join('+')} does not convert.`);
    if (depthwise && channels !== inner) throw new Error(`${n.name}: a depthwise filter over ${inner} channels meets ${channels}.`);
    const shape = [batch, outChannels, outHeight, outWidth];
    const attributes = {
      kernel_shape: [kh, kw],
      strides: [sh, sw],
      // SAME pads the extra row or column at the end, as SAME_UPPER does.
      auto_pad: same ? 'SAME_UPPER' : 'VALID',
      ...(depthwise ? { group: channels } : {}),
    };
    if (activation.length === 0) return emit('Conv', inputs, n.name, shape, attributes);
    emit('Conv', inputs, `${n.name}/conv`, shape, attributes);
    return emit('Relu', [`${n.name}/conv`], n.name, shape);
  }

  const results = outputs.map((name) => {
    const source = visit(name);
    const [batch, channels, height, width] = shapeOf(source) as [number, number, number, number];
    emit('Transpose', [source], `${name}/nhwc`, [batch, height, width, channels], { perm: [0, 2, 3, 1] });
    return { name: `${name}/nhwc`, dims: [batch, height, width, channels] };
  });
  if (input === undefined) throw new Error('The backbone\'s outputs do not depend on its input.');
  return { name: 'backbone', nodes, initializers, inputs: [input], outputs: results, opset: OPSET };
}

function broadcast(a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  return Array.from({ length: rank }, (_, i) => Math.max(a[a.length - rank + i] ?? 1, b[b.length - rank + i] ?? 1));
}
