import {
  checkOptions,
  type DType,
  describeValue,
  flattenParams,
  fmtShape,
  InvalidArgumentError,
  type ParamTree,
  Tensor,
} from '@descent/core';
import { SerializationError } from '../errors';

/** One tensor read from a safetensors file. */
export interface SafetensorsTensor {
  /** The tensor's dtype (F32, I32 and BOOL map to float32, int32 and bool). */
  readonly dtype: DType;
  /** The tensor's shape. */
  readonly shape: readonly number[];
  /** The values, row-major. */
  readonly data: Float32Array | Int32Array | Uint8Array;
}

/** A decoded safetensors file: its `__metadata__` and its tensors by name (in file order). */
export interface SafetensorsFile {
  /** The file's `__metadata__` strings. */
  readonly metadata: Readonly<Record<string, string>>;
  /** The tensors by name, in file order. */
  readonly tensors: ReadonlyMap<string, SafetensorsTensor>;
}

const TO_FILE: Record<DType, string> = { float32: 'F32', int32: 'I32', bool: 'BOOL' };
const FROM_FILE: Record<string, DType> = { F32: 'float32', I32: 'int32', BOOL: 'bool' };
const ITEM_BYTES: Record<DType, number> = { float32: 4, int32: 4, bool: 1 };
const OTHER_DTYPES = new Set([
  'F64',
  'F16',
  'BF16',
  'I64',
  'I16',
  'I8',
  'U64',
  'U32',
  'U16',
  'U8',
  'F8_E5M2',
  'F8_E4M3',
]);
// The reference implementation refuses headers over 100 MB.
const MAX_HEADER = 100_000_000;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Encodes named tensors as safetensors (https://github.com/huggingface/safetensors): an 8-byte
 * little-endian header length, a JSON header `{name: {dtype, shape, data_offsets}}` padded with
 * spaces to 8 bytes, then the raw little-endian data, contiguous in the header's order.
 * Tensors come as a tree (paths become names) or as `[name, tensor]` pairs. Reads every backend
 * (asynchronously).
 *
 * @example
 * const bytes = await encodeSafetensors(model.params(), { format: 'descent' });
 */
export async function encodeSafetensors(
  tensors: ParamTree | Iterable<readonly [string, Tensor]>,
  metadata: Record<string, string> = {},
): Promise<Uint8Array> {
  if (typeof tensors === 'string' || tensors === null || typeof tensors !== 'object')
    throw new InvalidArgumentError(
      'encodeSafetensors',
      `expected tensors as a tree or [name, Tensor] pairs, got ${describeValue(tensors)}`,
    );
  checkOptions('encodeSafetensors', metadata, 'metadata');
  const entries =
    tensors instanceof Tensor || !(Symbol.iterator in Object(tensors))
      ? flattenParams('encodeSafetensors', tensors as ParamTree).map(
          ({ path, tensor }) => [path, tensor] as const,
        )
      : [...(tensors as Iterable<readonly [string, Tensor]>)];
  for (const entry of entries)
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !(entry[1] instanceof Tensor))
      throw new InvalidArgumentError(
        'encodeSafetensors',
        `expected [name, Tensor] pairs, got ${describeValue(entry)} among them`,
      );
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length) {
    for (const [k, v] of Object.entries(metadata))
      if (typeof v !== 'string')
        throw new SerializationError(`metadata "${k}" must be a string, got ${typeof v}`);
    header.__metadata__ = metadata;
  }
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const [name, t] of entries) {
    if (name === '__metadata__' || name === '__proto__' || name === '' || Object.hasOwn(header, name))
      throw new SerializationError(
        `cannot write a tensor named ${JSON.stringify(name)} (reserved, empty or repeated)`,
        name,
      );
    const values = await t.data();
    const bytes = toLittleEndian(t.dtype, values);
    header[name] = {
      dtype: TO_FILE[t.dtype],
      shape: [...t.shape],
      data_offsets: [offset, offset + bytes.length],
    };
    chunks.push(bytes);
    offset += bytes.length;
  }
  let json = JSON.stringify(header);
  const headerBytes = () => new TextEncoder().encode(json);
  json += ' '.repeat((8 - (headerBytes().length % 8)) % 8);
  const h = headerBytes();
  const out = new Uint8Array(8 + h.length + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, h.length, true);
  view.setUint32(4, 0, true);
  out.set(h, 8);
  let at = 8 + h.length;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toLittleEndian(dtype: DType, values: ArrayLike<number>): Uint8Array {
  if (dtype === 'bool') return Uint8Array.from(values as ArrayLike<number>, (v) => (v ? 1 : 0));
  const typed = dtype === 'float32' ? Float32Array.from(values) : Int32Array.from(values);
  if (LITTLE_ENDIAN) return new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
  const out = new Uint8Array(typed.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < typed.length; i++) {
    if (dtype === 'float32') view.setFloat32(i * 4, typed[i]!, true);
    else view.setInt32(i * 4, typed[i]!, true);
  }
  return out;
}

/**
 * Decodes and validates a safetensors file: header length within the file, UTF-8 JSON header,
 * string metadata, known dtypes (F32, I32, BOOL; others are named and refused), shapes of
 * non-negative integers, data offsets that match each shape and tile the data exactly, and no
 * `__proto__` names. Every error says what is wrong, for which tensor, at which offset.
 *
 * @example
 * const { tensors } = decodeSafetensors(bytes);
 * tensors.get('dense/kernel')?.shape;
 */
export function decodeSafetensors(bytes: Uint8Array): SafetensorsFile {
  if (!(bytes instanceof Uint8Array))
    throw new SerializationError(`expected the file's bytes as a Uint8Array, got ${typeof bytes}`);
  if (bytes.length < 8)
    throw new SerializationError(
      `safetensors: the file is ${bytes.length} bytes; it must start with an 8-byte header length`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lo = view.getUint32(0, true);
  const hi = view.getUint32(4, true);
  const n = hi * 2 ** 32 + lo;
  if (n > bytes.length - 8 || n > MAX_HEADER)
    throw new SerializationError(
      `safetensors: header length ${n} (bytes 0-7) exceeds the ${bytes.length - 8} bytes after it${n > MAX_HEADER ? ` or the ${MAX_HEADER}-byte limit` : ''}: the file is truncated or not safetensors`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + n));
  } catch {
    throw new SerializationError('safetensors: the header (from byte 8) is not valid UTF-8');
  }
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (e) {
    throw new SerializationError(
      `safetensors: the header (bytes 8-${8 + n}) is not valid JSON: ${(e as Error).message}`,
    );
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    throw new SerializationError('safetensors: the header must be a JSON object');
  // JSON.parse keeps the last of repeated keys: a second tensor of one name would vanish unseen.
  const dup = duplicateKey(text);
  if (dup)
    throw new SerializationError(
      dup.depth === 1 && dup.key !== '__metadata__'
        ? `safetensors: duplicate tensor name ${JSON.stringify(dup.key)} in the header`
        : `safetensors: duplicate key ${JSON.stringify(dup.key)} in the header`,
      dup.key,
    );
  const dataStart = 8 + n;
  const dataLength = bytes.length - dataStart;
  const metadata: Record<string, string> = Object.create(null);
  const raw: { name: string; dtype: DType; shape: number[]; begin: number; end: number }[] = [];
  for (const [name, entry] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
        throw new SerializationError('safetensors: __metadata__ must be an object of strings');
      for (const [k, v] of Object.entries(entry)) {
        if (typeof v !== 'string' || k === '__proto__')
          throw new SerializationError(
            `safetensors: __metadata__ "${k}" must be a string, got ${JSON.stringify(v)}`,
          );
        metadata[k] = v;
      }
      continue;
    }
    if (name === '__proto__' || name === '')
      throw new SerializationError(`safetensors: invalid tensor name ${JSON.stringify(name)}`, name);
    raw.push({ name, ...checkEntry(name, entry, dataLength) });
  }
  // The data must be exactly the tensors' bytes, in some order, with no gap or overlap.
  const sorted = [...raw].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let at = 0;
  for (const e of sorted) {
    if (e.begin !== at) {
      const prev = sorted[sorted.indexOf(e) - 1];
      throw new SerializationError(
        e.begin < at
          ? `safetensors: tensor "${e.name}" (data bytes ${e.begin}-${e.end}) overlaps tensor "${prev?.name}" (ending at ${at})`
          : `safetensors: data bytes ${at}-${e.begin} belong to no tensor (before "${e.name}")`,
        e.name,
      );
    }
    at = e.end;
  }
  if (at !== dataLength)
    throw new SerializationError(
      `safetensors: the tensors cover ${at} data bytes but the file has ${dataLength} (trailing bytes from offset ${dataStart + at})`,
    );
  const tensors = new Map<string, SafetensorsTensor>();
  for (const e of raw) {
    const chunk = bytes.slice(dataStart + e.begin, dataStart + e.end);
    tensors.set(e.name, { dtype: e.dtype, shape: e.shape, data: fromLittleEndian(e.dtype, chunk) });
  }
  return { metadata, tensors };
}

/** The first key repeated within one object of valid JSON `text`, with its object's depth (1 = top level). */
function duplicateKey(text: string): { key: string; depth: number } | undefined {
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c === '{' ? new Set() : null);
      expectKey = c === '{';
    } else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') expectKey = stack[stack.length - 1] != null;
    else if (c === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (expectKey) {
        const key = JSON.parse(text.slice(start, i + 1)) as string;
        const keys = stack[stack.length - 1]!;
        if (keys.has(key)) return { key, depth: stack.length };
        keys.add(key);
        expectKey = false;
      }
    }
  }
  return undefined;
}

function checkEntry(name: string, entry: unknown, dataLength: number) {
  const bad = (what: string) => new SerializationError(`safetensors: tensor "${name}": ${what}`, name);
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
    throw bad('entry must be an object {dtype, shape, data_offsets}');
  const extra = Object.keys(entry).filter((k) => !['dtype', 'shape', 'data_offsets'].includes(k));
  if (extra.length) throw bad(`unexpected field ${JSON.stringify(extra[0])}`);
  const { dtype: fileDtype, shape, data_offsets: offsets } = entry as Record<string, unknown>;
  const dtype = typeof fileDtype === 'string' ? FROM_FILE[fileDtype] : undefined;
  if (!dtype) {
    throw bad(
      typeof fileDtype === 'string' && OTHER_DTYPES.has(fileDtype)
        ? `dtype ${fileDtype} is not supported (descent holds F32, I32 and BOOL)`
        : `unknown dtype ${JSON.stringify(fileDtype)}`,
    );
  }
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0))
    throw bad(`shape must be non-negative integers, got ${JSON.stringify(shape)}`);
  if (
    !Array.isArray(offsets) ||
    offsets.length !== 2 ||
    !offsets.every((d) => Number.isSafeInteger(d) && d >= 0)
  )
    throw bad(`data_offsets must be two non-negative integers, got ${JSON.stringify(offsets)}`);
  const [begin, end] = offsets as [number, number];
  if (begin > end || end > dataLength)
    throw bad(
      `data_offsets [${begin}, ${end}] are outside the ${dataLength} data bytes (the file is truncated or corrupt)`,
    );
  const expected = shape.reduce((a: number, b: number) => a * b, 1) * ITEM_BYTES[dtype];
  if (end - begin !== expected)
    throw bad(
      `${fileDtype} ${fmtShape(shape)} needs ${expected} bytes but data_offsets [${begin}, ${end}] hold ${end - begin}`,
    );
  return { dtype, shape: shape as number[], begin, end };
}

function fromLittleEndian(dtype: DType, chunk: Uint8Array): Float32Array | Int32Array | Uint8Array {
  if (dtype === 'bool') return chunk;
  const n = chunk.length / 4;
  if (LITTLE_ENDIAN)
    return dtype === 'float32' ? new Float32Array(chunk.buffer, 0, n) : new Int32Array(chunk.buffer, 0, n);
  const view = new DataView(chunk.buffer);
  const out = dtype === 'float32' ? new Float32Array(n) : new Int32Array(n);
  for (let i = 0; i < n; i++)
    out[i] = dtype === 'float32' ? view.getFloat32(i * 4, true) : view.getInt32(i * 4, true);
  return out;
}
