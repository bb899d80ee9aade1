import { checkOptions, describeValue, InvalidArgumentError } from '@descent/core';
import { Dataset } from './dataset';

/**
 * A dataset from a (sync or async) generator function, called afresh for every pass, so the
 * dataset can be iterated once per epoch. Its size is unknown unless given.
 *
 * @example
 * const ds = fromGenerator(async function* () {
 *   for await (const line of readLines('data.txt')) yield parse(line);
 * });
 */
export function fromGenerator<T>(
  generator: () => Iterator<T> | AsyncIterator<T> | Iterable<T> | AsyncIterable<T>,
  options: { size?: number; batched?: boolean } = {},
): Dataset<T> {
  if (typeof generator !== 'function')
    throw new InvalidArgumentError(
      'fromGenerator',
      'expected a function that returns an iterator (a generator function)',
    );
  checkOptions('fromGenerator', options);
  if (
    options.size !== undefined &&
    !(options.size === Number.POSITIVE_INFINITY || (Number.isInteger(options.size) && options.size >= 0))
  ) {
    throw new InvalidArgumentError(
      'fromGenerator',
      `expected options.size to be a non-negative integer or Infinity, got ${describeValue(options.size)}`,
    );
  }
  return new Dataset<T>({
    ...(options.size !== undefined ? { size: options.size } : {}),
    batched: options.batched ?? false,
    iterate() {
      const g = generator();
      if (g && typeof g === 'object') {
        if (Symbol.asyncIterator in g) return (g as AsyncIterable<T>)[Symbol.asyncIterator]();
        if (Symbol.iterator in g) return (g as Iterable<T>)[Symbol.iterator]();
        if (typeof (g as Iterator<T>).next === 'function') return g as Iterator<T>;
      }
      throw new InvalidArgumentError(
        'fromGenerator',
        `the generator function returned ${typeof g}, not an iterator`,
      );
    },
  });
}
