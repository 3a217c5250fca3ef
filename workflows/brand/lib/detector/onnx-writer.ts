/**
 * Writes an ONNX model (a `ModelProto`, protocol-buffer encoded) from a list of nodes and float
 * tensors: the few messages and fields of `onnx.proto` a plain inference graph needs, field numbers
 * as that file gives them. No ONNX package is needed to build the model `onnxruntime-node` loads.
 */

/** An attribute value: a number is an INT unless given as `{ float }`; a string a STRING; an array INTS. */
export type AttributeValue = number | { float: number } | string | readonly number[];

export interface OnnxNode {
  op: string;
  inputs: readonly string[];
  outputs: readonly string[];
  attributes?: Readonly<Record<string, AttributeValue>>;
}

export interface OnnxTensor {
  name: string;
  dims: readonly number[];
  /** FLOAT for a Float32Array, INT64 for a BigInt64Array. */
  data: Float32Array | BigInt64Array;
}

export interface OnnxValue {
  name: string;
  /** A number is a fixed size; a string names a size given at run time. */
  dims: readonly (number | string)[];
}

export interface OnnxGraph {
  name: string;
  nodes: readonly OnnxNode[];
  initializers: readonly OnnxTensor[];
  /** Float inputs and outputs. */
  inputs: readonly OnnxValue[];
  outputs: readonly OnnxValue[];
  /** The default domain's operator set the nodes are written for. */
  opset: number;
}

// TensorProto.DataType and AttributeProto.AttributeType.
const FLOAT = 1;
const INT64 = 7;
const ATTRIBUTE = { float: 1, int: 2, string: 3, ints: 7 } as const;
/** IR version 8 (ONNX 1.10 … 1.12): what opsets up to 17 are written with. */
const IR_VERSION = 8;

/** One protocol-buffer message being written: fields appended in any order, bytes on `finish`. */
class Message {
  private readonly parts: Uint8Array[] = [];

  varint(field: number, value: number | bigint): this {
    this.key(field, 0);
    this.parts.push(varint(BigInt.asUintN(64, BigInt(value))));
    return this;
  }

  float(field: number, value: number): this {
    this.key(field, 5);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.parts.push(bytes);
    return this;
  }

  bytes(field: number, value: Uint8Array | string): this {
    const data = typeof value === 'string' ? new TextEncoder().encode(value) : value;
    this.key(field, 2);
    this.parts.push(varint(BigInt(data.length)), data);
    return this;
  }

  message(field: number, value: Message): this {
    return this.bytes(field, value.finish());
  }

  finish(): Uint8Array {
    return Buffer.concat(this.parts);
  }

  private key(field: number, wireType: number): void {
    this.parts.push(varint(BigInt((field << 3) | wireType)));
  }
}

function varint(value: bigint): Uint8Array {
  const bytes: number[] = [];
  do {
    let byte = Number(value & 0x7fn);
    value >>= 7n;
    if (value > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (value > 0n);
  return Uint8Array.from(bytes);
}

function attribute(name: string, value: AttributeValue): Message {
  const m = new Message().bytes(1, name);
  if (typeof value === 'string') return m.bytes(4, value).varint(20, ATTRIBUTE.string);
  if (typeof value === 'number') return m.varint(3, value).varint(20, ATTRIBUTE.int);
  if ('float' in value) return m.float(2, value.float).varint(20, ATTRIBUTE.float);
  for (const v of value) m.varint(8, v);
  return m.varint(20, ATTRIBUTE.ints);
}

function node(n: OnnxNode): Message {
  const m = new Message();
  for (const input of n.inputs) m.bytes(1, input);
  for (const output of n.outputs) m.bytes(2, output);
  m.bytes(3, n.outputs[0]!).bytes(4, n.op);
  for (const [name, value] of Object.entries(n.attributes ?? {})) m.message(5, attribute(name, value));
  return m;
}

function tensor(t: OnnxTensor): Message {
  const m = new Message();
  for (const d of t.dims) m.varint(1, d);
  const raw = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  // raw_data is little-endian, as typed arrays are on every machine this runs on.
  return m.varint(2, t.data instanceof Float32Array ? FLOAT : INT64).bytes(8, t.name).bytes(9, raw);
}

function value(v: OnnxValue): Message {
  const shape = new Message();
  for (const d of v.dims) shape.message(1, typeof d === 'number' ? new Message().varint(1, d) : new Message().bytes(2, d));
  const tensorType = new Message().varint(1, FLOAT).message(2, shape);
  return new Message().bytes(1, v.name).message(2, new Message().message(1, tensorType));
}

/** The encoded `ModelProto` of `graph`, ready for `InferenceSession.create`. */
export function encodeModel(graph: OnnxGraph, producer: string): Uint8Array {
  const g = new Message();
  for (const n of graph.nodes) g.message(1, node(n));
  g.bytes(2, graph.name);
  for (const t of graph.initializers) g.message(5, tensor(t));
  for (const v of graph.inputs) g.message(11, value(v));
  for (const v of graph.outputs) g.message(12, value(v));
  const opset = new Message().bytes(1, '').varint(2, graph.opset);
  return new Message().varint(1, IR_VERSION).bytes(2, producer).message(7, g).message(8, opset).finish();
}
