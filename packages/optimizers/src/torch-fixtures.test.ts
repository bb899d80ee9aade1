import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime, flattenParams, type Runtime } from '@descent/core';
import { afterAll, describe, expect, it } from 'vitest';
import { applyGradients } from './apply-gradients';
import { namedOptimizers } from './optimizers-plugin';
import { disposeState } from './state/dispose-state';
import { fixtures, type OptimizerCase, paramTree, scheduleFrom } from './test-utils/fixtures';

// Descent runs on the float64 reference backend here: in float32, 20 steps of rounding (about
// 6e-8 per operation, amplified by the divisions of adaptive methods) land near 1e-6 relative,
// so float32 could not show agreement to 1e-6; the float32 run below is checked at 1e-4.
const rt64 = createRuntime({ plugins: [cpuBackend({ precision: 'float64' })] });
const rt32 = createRuntime({ plugins: [cpuBackend()] });

const RTOL = 1e-6;
// Absolute floor: both sides compute in float64, so each step adds rounding of about 1e-16 times
// the parameters' magnitude (≤ 3). Summed over 20 steps of a few dozen operations that is well
// under 1e-13, and 1e-12 only matters for an element that passes within 1e-6 of zero, where a
// relative error says nothing.
const ATOL = 1e-12;

/** Runs a fixture case and returns the worst relative error over all steps and elements. */
function run(rt: Runtime, c: OptimizerCase): { worst: number; worstAt: string; failures: string[] } {
  const make = namedOptimizers[c.optimizer]!;
  const options = c.schedule ? { ...c.options, learningRate: scheduleFrom(c.schedule) } : c.options;
  const tx = make(options);
  let params = paramTree(
    rt,
    Object.fromEntries(Object.entries(fixtures.params).map(([k, v]) => [k, v.data])),
  );
  let state = tx.init(params);
  let worst = 0;
  let worstAt = '';
  const failures: string[] = [];
  fixtures.grads.forEach((g, step) => {
    const grads = paramTree(rt, g);
    const next = applyGradients(tx, params, grads, state);
    rt.dispose([grads, params]);
    ({ params, state } = next);
    for (const { path, tensor } of flattenParams('test', params)) {
      const got = tensor.dataSync();
      const want = c.trajectory[step]![path]!;
      want.forEach((e, i) => {
        const a = got[i]!;
        const rel = Math.abs(a - e) / Math.abs(e);
        if (rel > worst) {
          worst = rel;
          worstAt = `step ${step + 1}, ${path}[${i}]`;
        }
        if (!(Math.abs(a - e) <= ATOL + RTOL * Math.abs(e)))
          failures.push(`step ${step + 1} ${path}[${i}]: ${a} vs ${e}`);
      });
    }
  });
  rt.dispose(params);
  disposeState(state);
  return { worst, worstAt, failures };
}

const report: string[] = [];
const report32: string[] = [];

describe('20 steps against PyTorch (float64 reference backend, 1e-6 relative)', () => {
  for (const c of fixtures.optimizers.filter((c) => !c.torch113)) {
    it(`${c.name}: ${c.torch}`, () => {
      const before = rt64.memory().numTensors;
      const { worst, worstAt, failures } = run(rt64, c);
      report.push(`${c.name.padEnd(56)} ${worst.toExponential(2)} (${worstAt})`);
      expect(failures.slice(0, 5), `elements off by more than ${RTOL} relative`).toEqual([]);
      expect(rt64.memory().numTensors, 'every tensor the run made was freed').toBe(before);
    });
  }

  it("differs from torch 1.13's NAdam only by its known mu_product bug", () => {
    const buggy = fixtures.optimizers.find((c) => c.torch113)!;
    const { worst } = run(rt64, buggy);
    // The fixture script checks the documented rule with torch's product reproduces torch to
    // 1e-13; descent follows the documented rule, so it lands measurably elsewhere.
    expect(worst).toBeGreaterThan(1e-4);
  });

  it('covers every named optimizer', () => {
    const covered = new Set(fixtures.optimizers.map((c) => c.optimizer));
    expect(Object.keys(namedOptimizers).filter((n) => !covered.has(n))).toEqual([]);
  });

  // REPORT_ERRORS=1 prints the measured errors (for the issue notes); never a skipped test.
  afterAll(() => {
    if (process.env.REPORT_ERRORS) console.log(`max relative error per case:\n${report.join('\n')}`);
  });
});

describe('the same 20 steps on the float32 CPU backend (1e-4 relative)', () => {
  for (const c of fixtures.optimizers.filter((c) => !c.torch113)) {
    it(c.name, () => {
      const { worst } = run(rt32, c);
      report32.push(`${c.name.padEnd(56)} ${worst.toExponential(2)}`);
      expect(worst).toBeLessThan(1e-4);
    });
  }

  afterAll(() => {
    if (process.env.REPORT_ERRORS)
      console.log(`float32, max relative error per case:\n${report32.join('\n')}`);
  });
});
