import { cpuBackend } from '@descent/backend-cpu';
import { add, flattenParams, mapParams, mul, type ParamTree, type Tensor } from '@descent/core';
import { optimizerConformanceChecks, type TransformUnderTest } from '@descent/testing';
import { describe, expect, it } from 'vitest';
import { chain } from './chain';
import type { GradientTransform } from './gradient-transform';
import { adam, deserializeState, serializeState, sgd, skipNonFinite } from './index';
import { scale } from './transforms/scale';

// The kit must catch what it claims to check: each broken transform below fails its check.
const library = { serializeState, deserializeState, skipNonFinite };

async function failures(make: () => TransformUnderTest): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const check of optimizerConformanceChecks({
    name: 'broken',
    make,
    plugins: () => [cpuBackend()],
    library,
  })) {
    try {
      await check.run();
    } catch (err) {
      out[check.name] = (err as Error).message;
    }
  }
  return out;
}

const ok: () => GradientTransform = () => sgd({ learningRate: 0.1 });

describe('the optimizer conformance kit catches broken transforms', () => {
  it('a correct optimizer passes every check', async () => {
    expect(await failures(ok)).toEqual({});
  });

  it('an update that leaks a temporary', async () => {
    const leaky = (): TransformUnderTest => ({
      init: () => ({}),
      update: (g) => {
        mapParams('leak', g, (t) => mul(t, 2)); // made and dropped
        return [mapParams('leak', g, (t) => mul(t, -0.1)), {}];
      },
    });
    const f = await failures(leaky);
    expect(Object.keys(f)).toContain(
      'update keeps paths, shapes and dtypes, frees its temporaries and leaves its inputs alone',
    );
    expect(Object.values(f).join()).toMatch(
      /expected \d+ \(those before plus its updates and new state\); temporaries not freed/,
    );
  });

  it('an apply that disagrees with update', async () => {
    const sgdLike = (): GradientTransform => sgd({ learningRate: 0.1 });
    const wrongStep = (): TransformUnderTest => ({
      ...sgdLike(),
      // Twice the step update then applyUpdates takes.
      apply: (params, g, state) => {
        const [u, next] = sgdLike().update(g, state, params);
        const p = mapParams('wrong', params, (t, path) =>
          t.runtime.tidy(() =>
            add(t, mul(flattenParams('wrong', u).find((l) => l.path === path)!.tensor, 2)),
          ),
        );
        for (const { tensor } of flattenParams('wrong', u)) tensor.dispose();
        return [p, next];
      },
    });
    expect(Object.values(await failures(wrongStep)).join()).toMatch(
      /apply: parameter .* update then add gives/,
    );
    const adamOk = (): GradientTransform => adam({ learningRate: 0.1 });
    expect(adamOk().apply, 'adam() has the fused apply').toBeTypeOf('function');
    expect(await failures(adamOk)).toEqual({});
  });

  it('an update that hands back its input tensors', async () => {
    const identity = (): TransformUnderTest => ({ init: () => ({}), update: (g) => [g, {}] });
    expect(Object.values(await failures(identity)).join()).toMatch(/returned an input tensor as is/);
  });

  it('an update that disposes the old state', async () => {
    const consuming = (): TransformUnderTest => ({
      init: (p) => ({
        m: Object.fromEntries(flattenParams('c', p).map(({ path, tensor }) => [path, mul(tensor, 0)])),
      }),
      update: (g, s: { m: Record<string, Tensor> }) => {
        const m = Object.fromEntries(
          flattenParams('c', g).map(({ path, tensor }) => {
            const next = add(s.m[path]!, tensor);
            s.m[path]!.dispose(); // breaks the contract: the caller owns the old state
            return [path, next];
          }),
        );
        return [scaled(g), { m }];
      },
    });
    const f = await failures(consuming);
    expect(
      f['update keeps paths, shapes and dtypes, frees its temporaries and leaves its inputs alone'],
    ).toMatch(/update disposed one of its inputs/);
  });

  it('state kept by position, not by path', async () => {
    const positional = (): TransformUnderTest => ({
      init: (p) => ({ m: flatValues(p).map((t) => mul(t, 0)) }),
      update: (g, s: { m: Tensor[] }) => {
        const gs = flatValues(g);
        const m = s.m.map((t, i) => add(mul(t, 0.9), gs[i]!));
        return [mapParams('p', g, (t) => mul(t, -0.1)), { m }];
      },
    });
    expect(Object.keys(await failures(positional))).toContain(
      'state is keyed by parameter path, not position',
    );
  });

  it('state that is not plain data, or hidden in a closure', async () => {
    const mapState = (): TransformUnderTest => ({
      init: () => ({ m: new Map() }),
      update: (g, s) => [scaled(g), s],
    });
    expect(Object.values(await failures(mapState)).join()).toMatch(/state must be plain data/);
    const closure = (): TransformUnderTest => {
      let calls = 0; // hidden state: a restored copy starts from 0 again
      return { init: () => ({}), update: (g) => [mapParams('h', g, (t) => mul(t, -0.1 * ++calls)), {}] };
    };
    expect(Object.keys(await failures(closure))).toContain(
      'state round-trips through serialization into a new runtime and goes on identically',
    );
  });

  it('an optimizer that climbs', async () => {
    const f = await failures(() => chain(scale(0.01)));
    expect(Object.keys(f)).toEqual(['it decreases a convex quadratic without leaking per step']);
  });
});

function flatValues(tree: ParamTree): Tensor[] {
  const out: Tensor[] = [];
  mapParams('flat', tree, (t) => {
    out.push(t);
    return t;
  });
  return out;
}

function scaled(g: ParamTree): ParamTree {
  return mapParams('s', g, (t) => mul(t, -0.1));
}
