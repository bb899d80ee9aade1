import { DescentError, InvalidArgumentError, ShapeError } from '@descent/core';
import { describe, expect, it } from 'vitest';
import {
  type BadInput,
  type InputValidationEntry,
  inputValidationChecks,
  prototypeMethods,
  runInputValidationSweep,
  runMethodValidationSweep,
} from './run-input-validation-sweep';

// A tiny "package": one checked export, one that crashes inside, one constant.
const mod = {
  LIMIT: 3,
  checked(x: unknown) {
    if (typeof x !== 'number')
      throw new InvalidArgumentError('checked', `expected a number, got ${typeof x}`);
    return x;
  },
  async checkedAsync(x: unknown) {
    if (typeof x !== 'number') throw new InvalidArgumentError('checkedAsync', 'expected a number');
    return x;
  },
  crashes(x: unknown) {
    return (x as { a: { b: number } }).a.b;
  },
};
const checkedString: BadInput = { what: 'a string', call: () => mod.checked('x'), message: /got string/ };
const good: Record<string, InputValidationEntry> = {
  LIMIT: { none: 'a constant' },
  checked: [checkedString],
  checkedAsync: [
    {
      what: 'a string',
      call: () => mod.checkedAsync('x'),
      message: /expected a number/,
      error: InvalidArgumentError,
    },
  ],
  crashes: [{ what: 'null', call: () => mod.crashes(null), message: /./ }],
};

async function failures(cases: Record<string, InputValidationEntry>, m: Record<string, unknown> = mod) {
  const failed: string[] = [];
  for (const check of inputValidationChecks(m, cases)) {
    await check.run().catch(() => failed.push(check.name));
  }
  return failed;
}

describe('inputValidationChecks', () => {
  it('one completeness check, then one check per export with bad calls', () => {
    expect(inputValidationChecks(mod, good).map((c) => c.name)).toEqual([
      'every export has an entry (a new export needs its bad-input cases)',
      'checked rejects bad input with a typed error naming it',
      'checkedAsync rejects bad input with a typed error naming it',
      'crashes rejects bad input with a typed error naming it',
    ]);
  });

  it('passes typed errors naming the export, thrown or rejected', async () => {
    const { crashes: _, ...rest } = good;
    expect(await failures(rest, { LIMIT: 3, checked: mod.checked, checkedAsync: mod.checkedAsync })).toEqual(
      [],
    );
  });

  it('fails an export without an entry, and an entry without an export', async () => {
    const { checked: _, ...missing } = good;
    expect(await failures(missing)).toEqual([
      'every export has an entry (a new export needs its bad-input cases)',
      'crashes rejects bad input with a typed error naming it',
    ]);
    expect(await failures({ ...good, gone: { none: 'removed' } })).toContain(
      'every export has an entry (a new export needs its bad-input cases)',
    );
  });

  it('fails a crash inside (a TypeError), a call that does not throw, an empty entry', async () => {
    expect(await failures(good)).toEqual(['crashes rejects bad input with a typed error naming it']);
    const quiet = {
      ...good,
      crashes: [{ what: 'an object', call: () => mod.crashes({ a: { b: 1 } }), message: /./ }],
    };
    expect(await failures(quiet)).toEqual(['crashes rejects bad input with a typed error naming it']);
    expect(await failures({ ...good, crashes: [] })).toEqual([
      'crashes rejects bad input with a typed error naming it',
    ]);
  });

  it('fails the wrong error class, a message not naming the export or not matching', async () => {
    const wrongClass = { ...good, checked: [{ ...checkedString, error: ShapeError }] };
    const names = { ...good, checked: [{ ...checkedString, names: 'someone else' }] };
    const pattern = { ...good, checked: [{ ...checkedString, message: /got a Tensor/ }] };
    for (const cases of [wrongClass, names, pattern]) {
      expect(await failures(cases)).toContain('checked rejects bad input with a typed error naming it');
    }
  });
});

describe('prototypeMethods', () => {
  class Box {
    get size() {
      return 1;
    }
    open(x: number) {
      return x;
    }
    close() {}
  }
  it('lists methods, not the constructor or accessors', () => {
    expect(Object.keys(prototypeMethods(Box.prototype))).toEqual(['open', 'close']);
  });
});

describe('runInputValidationSweep registers the checks', () => {
  runInputValidationSweep(
    { LIMIT: 3, checked: mod.checked },
    { LIMIT: { none: 'a constant' }, checked: good.checked! },
  );
});

class Counter {
  add(n: unknown) {
    if (typeof n !== 'number') throw new DescentError('BAD', `add: expected a number, got ${typeof n}`);
  }
}
runMethodValidationSweep('Counter', Counter.prototype, {
  add: [{ what: 'a string', call: () => new Counter().add('1'), message: /got string/ }],
});
