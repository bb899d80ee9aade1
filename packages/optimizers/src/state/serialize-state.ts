import { checkOptions, Tensor, type TypedArray, UnsupportedError } from '@descent/core';
import type { OptState } from '../gradient-transform';
import { isPlainObject } from '../internal/state-tree';
import type { OptimizerRef } from '../resolve-optimizer';
import type { JsonValue, SerializedState, SerializedTensor } from './serialized-state';

/**
 * An optimizer state as a JSON-able description and one binary payload (all tensor values back
 * to back), for checkpoints. Reads every tensor (`await t.data()`, so GPU states work too).
 * Pass `optimizer` (from `optimizerRef`) to record which registered optimizer the state belongs
 * to; `restoreOptimizer` then finds it by name, or names the plugin that is missing.
 *
 * @example
 * const { json, payload } = await serializeState(state, { optimizer: optimizerRef(rt, 'adam', { learningRate: 1e-3 }) });
 * writeFileSync('opt.json', JSON.stringify(json));
 * writeFileSync('opt.bin', payload);
 */
export async function serializeState(
  state: OptState,
  options: { optimizer?: OptimizerRef } = {},
): Promise<SerializedState> {
  checkOptions('serializeState', options);
  assertLittleEndian('serializeState');
  const tensors: { tensor: Tensor; path: string }[] = [];
  const encode = (s: OptState, path: string): JsonValue => {
    if (s instanceof Tensor) {
      s.assertAlive(`serializeState (state "${path}")`);
      tensors.push({ tensor: s, path });
      return { $tensor: tensors.length - 1 };
    }
    if (typeof s === 'number') return Number.isFinite(s) ? s : { $number: String(s) };
    if (s === null || typeof s === 'string' || typeof s === 'boolean') return s;
    if (Array.isArray(s)) return s.map((v, i) => encode(v, join(path, String(i))));
    if (isPlainObject(s)) {
      return Object.fromEntries(
        Object.entries(s).map(([k, v]) => [
          k.startsWith('$') ? `$${k}` : k,
          encode(v as OptState, join(path, k)),
        ]),
      );
    }
    throw new UnsupportedError(
      'serializeState',
      `state at "${path || '(root)'}" is not plain data (${typeof s}); optimizer state holds only tensors, numbers, strings, booleans, null, arrays and plain objects`,
    );
  };
  const tree = encode(state, '');
  const arrays: TypedArray[] = [];
  for (const { tensor } of tensors) arrays.push(await tensor.data());
  const records: SerializedTensor[] = [];
  let offset = 0;
  arrays.forEach((a, i) => {
    const { tensor, path } = tensors[i]!;
    records.push({
      path,
      dtype: tensor.dtype,
      shape: [...tensor.shape],
      encoding: encodingOf(a),
      offset,
      byteLength: a.byteLength,
    });
    // Keep every record 8-byte aligned so float64 values could be viewed in place.
    offset += Math.ceil(a.byteLength / 8) * 8;
  });
  const payload = new Uint8Array(offset);
  arrays.forEach((a, i) => {
    payload.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), records[i]!.offset);
  });
  return {
    json: {
      format: 'descent-optimizer-state',
      version: 1,
      ...(options.optimizer ? { optimizer: options.optimizer } : {}),
      state: tree,
      tensors: records,
      payloadBytes: payload.byteLength,
    },
    payload,
  };
}

function encodingOf(a: TypedArray): SerializedTensor['encoding'] {
  if (a instanceof Float64Array) return 'float64';
  if (a instanceof Float32Array) return 'float32';
  if (a instanceof Int32Array) return 'int32';
  return 'uint8';
}

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}/${key}` : key;
}

/** The payload is written in the platform's byte order; every platform JS runs on today is little-endian. */
export function assertLittleEndian(op: string): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    throw new UnsupportedError(op, 'optimizer state payloads are little-endian; this platform is big-endian');
  }
}
