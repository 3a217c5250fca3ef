/**
 * A few WebAssembly instructions and the module layout, enough to write small numeric kernels byte by
 * byte (no toolchain at build or run time). Each kernel module has one memory, exported as `memory`,
 * and functions of i32 parameters that return nothing.
 */

export const I32 = 0x7f;
export const I64 = 0x7e;
export const F64 = 0x7c;

/** Instructions as byte lists; memory instructions take offsets below 128. */
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  else: [0x05],
  end: [0x0b],
  br: (depth: number) => [0x0c, depth],
  brIf: (depth: number) => [0x0d, depth],
  get: (local: number) => [0x20, local],
  set: (local: number) => [0x21, local],
  i32: (value: number) => [0x41, ...signedLeb(value)],
  i64Zero: [0x42, 0x00],
  i32Load: (offset = 0) => [0x28, 0x02, offset],
  i64Load: (offset = 0) => [0x29, 0x03, offset],
  f64Load: (offset = 0) => [0x2b, 0x03, offset],
  i32Store: (offset = 0) => [0x36, 0x02, offset],
  ltU: [0x49],
  geU: [0x4f],
  add: [0x6a],
  mul: [0x6c],
  shl: [0x74],
  i64Popcnt: [0x7b],
  i64Add: [0x7c],
  i64Xor: [0x85],
  wrap: [0xa7],
  v128Load: (offset = 0) => [0xfd, 0x00, 0x04, offset],
  v128Store: (offset = 0) => [0xfd, 0x0b, 0x04, offset],
  f64x2Splat: [0xfd, 0x14],
  f64x2Add: [0xfd, 0xf0, 0x01],
  f64x2Sub: [0xfd, 0xf1, 0x01],
  f64x2Mul: [0xfd, 0xf2, 0x01],
};

/** `local += value` for an i32 local. */
export const addTo = (local: number, ...value: number[][]) => [...op.get(local), ...value.flat(), ...op.add, ...op.set(local)];

export interface KernelFunction {
  name: string;
  /** i32 parameters. */
  params: number;
  /** Local groups after the parameters: [count, type]. */
  locals: Array<[number, number]>;
  /** The instructions, ending with the function's `end`. */
  body: number[];
}

function signedLeb(value: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && !(byte & 0x40)) || (value === -1 && byte & 0x40)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

function unsignedLeb(value: number): number[] {
  const out: number[] = [];
  do {
    const byte = value & 0x7f;
    value >>>= 7;
    out.push(value ? byte | 0x80 : byte);
  } while (value);
  return out;
}

const section = (id: number, content: number[]) => [id, ...unsignedLeb(content.length), ...content];
const name = (text: string) => [text.length, ...Buffer.from(text, 'ascii')];

function moduleBytes(functions: readonly KernelFunction[]): Uint8Array {
  const code = (f: KernelFunction) => {
    const bytes = [...unsignedLeb(f.locals.length), ...f.locals.flat(), ...f.body];
    return [...unsignedLeb(bytes.length), ...bytes];
  };
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [functions.length, ...functions.flatMap((f) => [0x60, f.params, ...Array<number>(f.params).fill(I32), 0])]),
    ...section(3, [functions.length, ...functions.map((_, i) => i)]),
    ...section(5, [1, 0x00, 1]),
    ...section(7, [functions.length + 1, ...name('memory'), 0x02, 0, ...functions.flatMap((f, i) => [...name(f.name), 0x00, i])]),
    ...section(10, [functions.length, ...functions.flatMap(code)]),
  ]);
}

/** The little of the WebAssembly API used here: the project's TypeScript libraries do not declare it. */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

export interface KernelMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

export type Kernel<Name extends string> = { memory: KernelMemory } & Record<Name, (...args: number[]) => void>;

export function instantiate<Name extends string>(functions: readonly KernelFunction[]): Kernel<Name> {
  const wasm = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
  return new wasm.Instance(new wasm.Module(moduleBytes(functions))).exports as Kernel<Name>;
}

/** Grows the memory to hold at least `bytes`; returns its buffer (a new one after growing). */
export function reserve(memory: KernelMemory, bytes: number): ArrayBuffer {
  const pages = Math.ceil(bytes / 65536) - memory.buffer.byteLength / 65536;
  if (pages > 0) memory.grow(pages);
  return memory.buffer;
}
