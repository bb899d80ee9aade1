import type { DType, Runtime, Tensor } from '@descent/core';
import raw from '../../fixtures/torch-fixtures.json';
import { type ConformanceCase, custom, type TensorSpec, value } from './case';
import type { Tolerance } from './expect-close';

/** One entry of `fixtures/torch-fixtures.json` (written by `fixtures/make_fixtures.py`). */
export interface FixtureEntry {
  readonly family: string;
  readonly op: string;
  readonly name: string;
  // biome-ignore lint/suspicious/noExplicitAny: attributes differ per op; each adapter reads its own.
  readonly attrs: Record<string, any>;
  readonly inputs: readonly RawSpec[];
  readonly expected: RawSpec;
}

interface RawSpec {
  readonly dtype: DType;
  readonly shape: number[];
  readonly data: (number | 'nan' | 'inf' | '-inf')[];
}

/** How a family runs the fixture entries of one op, and how closely it must match. */
export interface FixtureAdapter {
  // biome-ignore lint/suspicious/noExplicitAny: see FixtureEntry.attrs.
  run(xs: Tensor[], attrs: Record<string, any>, rt: Runtime): Tensor;
  tol: Tolerance;
}

const file = raw as unknown as { torch: string; entries: FixtureEntry[] };

/** Version of PyTorch that produced the fixtures. */
export const fixtureTorchVersion: string = file.torch;

const SPECIAL: Record<string, number> = { nan: Number.NaN, inf: Infinity, '-inf': -Infinity };

function decode(s: RawSpec): TensorSpec {
  return {
    dtype: s.dtype,
    shape: s.shape,
    data: s.data.map((v) => (typeof v === 'number' ? v : SPECIAL[v]!)),
  };
}

/** The fixture entries of a family. */
export function fixtureEntries(family: string): FixtureEntry[] {
  return file.entries.filter((e) => e.family === family);
}

/**
 * Value cases for every fixture entry of `family`, run through the family's adapters. An
 * entry whose op has no adapter becomes a failing case, so no fixture is silently unused.
 */
export function fixtureCases(family: string, adapters: Record<string, FixtureAdapter>): ConformanceCase[] {
  return fixtureEntries(family).map((e) => {
    const adapter = adapters[e.op];
    const name = `torch: ${e.name}`;
    if (!adapter) {
      return custom(e.op, name, () => {
        throw new Error(`fixture op "${e.op}" of family "${family}" has no adapter`);
      });
    }
    return value(
      e.op,
      name,
      e.inputs.map(decode),
      (xs, rt) => adapter.run(xs, e.attrs, rt),
      decode(e.expected),
      adapter.tol,
    );
  });
}
