import { InvalidArgumentError, type Runtime, sizeOf, type Tensor } from '@descent/core';
import type { OptState } from '../gradient-transform';
import { assertLittleEndian } from './serialize-state';
import type { JsonValue, SerializedState, SerializedTensor } from './serialized-state';

const ARRAYS = {
  float32: Float32Array,
  float64: Float64Array,
  int32: Int32Array,
  uint8: Uint8Array,
} as const;

const DTYPE_ENCODINGS: Record<string, readonly string[]> = {
  float32: ['float32', 'float64'],
  int32: ['int32'],
  bool: ['uint8'],
};

/**
 * Rebuilds a state written by `serializeState` on `rt` (on its default backend, or `backend`).
 * The JSON may have gone through `JSON.stringify`/`JSON.parse`. A truncated payload, a tensor
 * record that does not fit its shape, or a malformed tree throws an `InvalidArgumentError`
 * naming the state path; nothing is left allocated after a failure. The tensors are kept
 * (`rt.keep`), like the state `applyGradients` returns.
 *
 * @example
 * const state = deserializeState(rt, { json: JSON.parse(readFileSync('opt.json', 'utf8')), payload: readFileSync('opt.bin') });
 */
export function deserializeState<S extends OptState = OptState>(
  rt: Runtime,
  serialized: SerializedState,
  options: { backend?: string } = {},
): S {
  const op = 'deserializeState';
  assertLittleEndian(op);
  const { json, payload } = serialized ?? {};
  if (json?.format !== 'descent-optimizer-state') {
    throw new InvalidArgumentError(
      op,
      `not a serialized optimizer state (format ${JSON.stringify(json?.format)})`,
    );
  }
  if (json.version !== 1)
    throw new InvalidArgumentError(op, `unsupported version ${json.version}, expected 1`);
  if (!(payload instanceof Uint8Array)) throw new InvalidArgumentError(op, 'payload must be a Uint8Array');
  if (payload.byteLength !== json.payloadBytes) {
    throw new InvalidArgumentError(
      op,
      `payload has ${payload.byteLength} bytes, the state expects ${json.payloadBytes} (truncated or from another state)`,
    );
  }
  if (!Array.isArray(json.tensors)) throw new InvalidArgumentError(op, 'the state lists no tensors');
  json.tensors.forEach((r, i) => {
    checkRecord(op, r, i, payload.byteLength);
  });
  const made: Tensor[] = [];
  const used = new Set<number>();
  const decode = (v: JsonValue, path: string): OptState => {
    if (v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') return v;
    if (Array.isArray(v)) return v.map((x, i) => decode(x, join(path, String(i))));
    if (typeof v !== 'object') throw new InvalidArgumentError(op, `state at "${path}" is ${typeof v}`);
    const obj = v as { readonly [key: string]: JsonValue };
    if ('$tensor' in obj) {
      const i = obj.$tensor;
      const r = typeof i === 'number' ? json.tensors[i] : undefined;
      if (!r || used.has(i as number)) {
        throw new InvalidArgumentError(
          op,
          `state at "${path || '(root)'}" refers to tensor ${JSON.stringify(i)}, which ${r ? 'is used twice' : 'does not exist'}`,
        );
      }
      used.add(i as number);
      const bytes = payload.slice(r.offset, r.offset + r.byteLength);
      const data = new ARRAYS[r.encoding](bytes.buffer);
      const t = rt.tensor(
        data,
        r.shape,
        r.dtype,
        options.backend !== undefined ? { backend: options.backend } : {},
      );
      made.push(rt.keep(t));
      return t;
    }
    if ('$number' in obj) {
      const n = Number(obj.$number);
      if (
        typeof obj.$number !== 'string' ||
        Number.isFinite(n) ||
        (Number.isNaN(n) && obj.$number !== 'NaN')
      ) {
        throw new InvalidArgumentError(
          op,
          `state at "${path}" has a bad non-finite number ${JSON.stringify(obj.$number)}`,
        );
      }
      return n;
    }
    return Object.fromEntries(
      Object.entries(obj).map(([k, x]) => {
        const key = k.startsWith('$$') ? k.slice(1) : k;
        if (key.startsWith('$') && key === k) {
          throw new InvalidArgumentError(op, `state at "${path}" has an unknown marker "${k}"`);
        }
        // Never parameter paths; they reach a prototype when the state is merged or assigned.
        if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
          throw new InvalidArgumentError(op, `state at "${path || '(root)'}" has a forbidden key "${key}"`);
        }
        return [key, decode(x, join(path, key))];
      }),
    );
  };
  try {
    return decode(json.state, '') as S;
  } catch (err) {
    for (const t of made) t.dispose();
    throw err;
  }
}

function checkRecord(op: string, r: SerializedTensor, i: number, bytes: number): void {
  const at = `tensor ${i} (state "${r?.path}")`;
  if (!r || typeof r !== 'object') throw new InvalidArgumentError(op, `${at} has no record`);
  const allowed = DTYPE_ENCODINGS[r.dtype];
  if (!allowed) throw new InvalidArgumentError(op, `${at} has unknown dtype ${JSON.stringify(r.dtype)}`);
  if (!allowed.includes(r.encoding)) {
    throw new InvalidArgumentError(
      op,
      `${at}: dtype ${r.dtype} cannot be stored as ${JSON.stringify(r.encoding)}`,
    );
  }
  if (!Array.isArray(r.shape) || !r.shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new InvalidArgumentError(op, `${at} has a bad shape ${JSON.stringify(r.shape)}`);
  }
  const want = sizeOf(r.shape) * ARRAYS[r.encoding].BYTES_PER_ELEMENT;
  if (r.byteLength !== want) {
    throw new InvalidArgumentError(
      op,
      `${at}: shape [${r.shape.join(',')}] needs ${want} bytes, the record says ${r.byteLength}`,
    );
  }
  if (!Number.isInteger(r.offset) || r.offset < 0 || r.offset + r.byteLength > bytes) {
    throw new InvalidArgumentError(
      op,
      `${at} lies at bytes ${r.offset}..${r.offset + r.byteLength}, beyond the ${bytes}-byte payload (truncated?)`,
    );
  }
}

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}/${key}` : key;
}
