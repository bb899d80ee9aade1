import { DescentError } from '@descent/core';
import { describe, expect, it } from 'vitest';

/**
 * An error class a bad call must throw an instance of (`InvalidArgumentError`, `ShapeError`, ...):
 * any constructor of `Error`s, abstract ones included.
 */
export type ErrorClass = abstract new (...args: never[]) => Error;

/** One bad call of an export, the typed error it must throw and what the message must say. */
export interface BadInput {
  /** What is wrong with the call, as the failure message says it ("a string for f"). */
  readonly what: string;
  /** Makes the bad call; it must throw, or return a promise that rejects. */
  readonly call: () => unknown;
  /** What the error message must match (besides naming the export). */
  readonly message: RegExp;
  /** The class the error must be an instance of; `DescentError` when not given. */
  readonly error?: ErrorClass;
  /** What the message must name when not the export itself (a file, a method). */
  readonly names?: string;
}

/** An export's bad calls, or why it has none (a constant, an error class, no arguments). */
export type InputValidationEntry =
  | readonly BadInput[]
  | {
      /** Why the export has no bad calls: "an error class", "a constant", "takes no arguments". */
      readonly none: string;
    };

/** One check of a sweep: its test title and a function that rejects with an assertion error when it fails. */
export interface InputValidationCheck {
  /** What the check verifies, as a test title. */
  readonly name: string;
  /** Runs the check; rejects with an assertion error when it fails. */
  run(): Promise<void>;
}

async function thrown(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (err) {
    return err;
  }
  return undefined;
}

/**
 * The checks of an input-validation sweep as plain async functions, for another test runner or
 * to show a gap is caught; `runInputValidationSweep` registers exactly these with vitest. The
 * first check fails when an export of `mod` has no entry in `cases` (or an entry names no
 * export); then one check per export with bad calls, each of which must throw (or reject with)
 * an instance of its `error` class (`DescentError` by default) whose message contains the
 * export's name (or `names`) and matches `message`.
 *
 * @example
 * import { inputValidationChecks } from '@descent/testing';
 * import * as api from './index';
 *
 * const cases = { relu6: [{ what: 'a string', call: () => api.relu6('x' as never), message: /got the string/ }] };
 * for (const check of inputValidationChecks(api, cases)) await check.run();
 */
export function inputValidationChecks(
  mod: Record<string, unknown>,
  cases: Record<string, InputValidationEntry>,
): InputValidationCheck[] {
  const checks: InputValidationCheck[] = [
    {
      name: 'every export has an entry (a new export needs its bad-input cases)',
      run: async () => {
        expect(Object.keys(mod).filter((k) => !(k in cases))).toEqual([]);
        expect(Object.keys(cases).filter((k) => !(k in mod))).toEqual([]);
      },
    },
  ];
  for (const [name, entry] of Object.entries(cases)) {
    if ('none' in entry) continue;
    checks.push({
      name: `${name} rejects bad input with a typed error naming it`,
      run: async () => {
        expect(entry.length).toBeGreaterThan(0);
        for (const bad of entry) {
          const err = await thrown(bad.call);
          expect(err, `${name}: ${bad.what} did not throw`).toBeInstanceOf(bad.error ?? DescentError);
          const msg = (err as Error).message;
          expect(msg, `${name}: ${bad.what}`).toContain(bad.names ?? name);
          expect(msg, `${name}: ${bad.what}`).toMatch(bad.message);
        }
      },
    });
  }
  return checks;
}

/**
 * Registers an input-validation sweep with vitest: every runtime export of `mod` (a package's
 * `import * as api from './index'`) must have an entry in `cases`, so a new export fails the
 * sweep until it has bad-input cases (or says why it has none); each bad call must throw, or
 * reject with, a typed error (`DescentError` unless the entry names another class) whose
 * message names the export and matches the entry's pattern, never a `TypeError` from deep
 * inside. Call it inside a `describe` or at the top level of a test file.
 *
 * @example
 * // src/input-validation.test.ts of a package
 * import { InvalidArgumentError } from '@descent/core';
 * import { runInputValidationSweep } from '@descent/testing';
 * import { describe } from 'vitest';
 * import * as api from './index';
 *
 * describe('every export validates its input', () => {
 *   runInputValidationSweep(api, {
 *     MyError: { none: 'an error class' },
 *     relu6: [
 *       {
 *         what: 'a string for x',
 *         call: () => api.relu6('x' as never),
 *         message: /expected x to be a Tensor, got the string "x"/,
 *         error: InvalidArgumentError,
 *       },
 *     ],
 *   });
 * });
 */
export function runInputValidationSweep(
  mod: Record<string, unknown>,
  cases: Record<string, InputValidationEntry>,
): void {
  for (const check of inputValidationChecks(mod, cases)) it(check.name, () => check.run());
}

/**
 * The methods of a class's prototype (not its constructor, getters or setters), by name: what
 * `runMethodValidationSweep` sweeps.
 *
 * @example
 * import { prototypeMethods } from '@descent/testing';
 * Object.keys(prototypeMethods(Dataset.prototype)); // ['map', 'batch', 'shuffle', ...]
 */
export function prototypeMethods(proto: object): Record<string, unknown> {
  const methods = Object.getOwnPropertyNames(proto).filter(
    (m) => m !== 'constructor' && typeof Object.getOwnPropertyDescriptor(proto, m)?.value === 'function',
  );
  return Object.fromEntries(methods.map((m) => [m, proto[m as keyof typeof proto]]));
}

/**
 * Registers an input-validation sweep of a class's methods with vitest, in a `describe` named
 * `label`: every method of `proto` must have an entry in `cases`, and each bad call must throw a
 * typed error naming the method, as `runInputValidationSweep` checks for a module's exports.
 *
 * @example
 * import { runMethodValidationSweep } from '@descent/testing';
 * import * as api from './index';
 *
 * runMethodValidationSweep('Dataset', api.Dataset.prototype, {
 *   batch: [{ what: 'a size of 0', call: () => ds.batch(0), message: /got 0/ }],
 *   // ... one entry per method
 * });
 */
export function runMethodValidationSweep(
  label: string,
  proto: object,
  cases: Record<string, InputValidationEntry>,
): void {
  describe(label, () => {
    runInputValidationSweep(prototypeMethods(proto), cases);
  });
}
