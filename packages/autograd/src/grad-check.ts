import {
  checkFunction,
  checkOptions,
  checkRuntime,
  checkTensor,
  describeValue,
  InvalidArgumentError,
  mul,
  type Runtime,
  randomNormal,
  sum,
  type Tensor,
} from '@descent/core';
import { valueAndGrad } from './value-and-grad';

/** Options of `gradCheck`. */
export interface GradCheckOptions {
  /**
   * Where to evaluate, e.g. a runtime on `cpuBackend({ precision: 'float64' })` for float64
   * finite differences. Default: the inputs' runtime.
   */
  runtime?: Runtime;
  /** Finite-difference step (default 1e-6 in float64, 1e-2 in float32). */
  eps?: number;
  /** |analytic - numeric| ≤ atol + rtol·|numeric| for every element (defaults by precision). */
  rtol?: number;
  /** Absolute tolerance (see `rtol`). */
  atol?: number;
}

/** What `gradCheck` found. */
export interface GradCheckReport {
  /** Whether every element is within tolerance. */
  ok: boolean;
  /** Largest |analytic - numeric| - rtol·|numeric| over all elements, and where it is. */
  worst: {
    /** Which input (by position). */
    input: number;
    /** The element's flat index in that input. */
    index: number;
    /** The gradient autograd computed there. */
    analytic: number;
    /** The finite-difference estimate. */
    numeric: number;
    /** The excess over the tolerance's relative part: `|analytic - numeric| - rtol·|numeric|`. */
    error: number;
  };
  /** Number of elements compared. */
  checked: number;
  /** A one-line summary, naming the worst element when the check fails. */
  message: string;
}

/**
 * Compares the gradients autograd computes for `f` with central finite differences
 * (f(x + h) - f(x - h)) / 2h, element by element. A non-scalar `f` is reduced with a fixed
 * random cotangent, so the whole Jacobian is exercised. Exported for users testing their
 * own rules.
 *
 * @example
 * const rt64 = createRuntime({ plugins: [cpuBackend({ precision: 'float64' }), autograd()], seed: 0 });
 * const report = gradCheck((x) => sum(tanh(x)), [rt64.tensor([0.1, -2, 3])], { runtime: rt64 });
 * report.ok; // true, else report.message names the worst element
 */
export function gradCheck(
  f: (...inputs: Tensor[]) => Tensor,
  inputs: readonly Tensor[],
  options: GradCheckOptions = {},
): GradCheckReport {
  checkFunction('gradCheck', 'f', f);
  if (!Array.isArray(inputs) || inputs.length === 0) {
    throw new InvalidArgumentError(
      'gradCheck',
      `expected inputs to be a non-empty array of Tensors, got ${describeValue(inputs)}`,
    );
  }
  for (const [i, t] of inputs.entries()) checkTensor('gradCheck', `inputs[${i}]`, t);
  checkOptions('gradCheck', options);
  if (options.runtime !== undefined) checkRuntime('gradCheck', 'options.runtime', options.runtime);
  for (const key of ['eps', 'rtol', 'atol'] as const) {
    const v = options[key];
    if (
      v !== undefined &&
      !(typeof v === 'number' && v >= 0 && Number.isFinite(v) && (key !== 'eps' || v > 0))
    ) {
      throw new InvalidArgumentError(
        'gradCheck',
        `expected options.${key} to be a finite number ${key === 'eps' ? '> 0' : '>= 0'}, got ${describeValue(v)}`,
      );
    }
  }
  const home = inputs[0]!.runtime;
  const rt = options.runtime ?? home;
  const f64 = rt.backend().precision === 'float64';
  const eps = options.eps ?? (f64 ? 1e-6 : 1e-2);
  const rtol = options.rtol ?? (f64 ? 1e-6 : 2e-2);
  const atol = options.atol ?? (f64 ? 1e-8 : 1e-3);
  const values = inputs.map((t) => Float64Array.from(t.dataSync()));
  // Float64 values go to the backend as they are; a float32 backend rounds them on write.
  const make = (vals: Float64Array, i: number) => rt.tensor(vals, inputs[i]!.shape, 'float32');

  return rt.tidy(() => {
    const xs = values.map(make);
    const probe = f(...xs);
    const cotangent = rt.keep(randomNormal(rt, probe.shape));
    const scalar = (...ins: Tensor[]) => sum(mul(f(...ins), cotangent));
    const { value, grads } = valueAndGrad((ps: Tensor[]) => scalar(...ps))(xs);
    value.dispose();
    const analytic = grads.map((g) => g.dataSync());
    const evalAt = (vals: Float64Array[]): number => rt.tidy(() => scalar(...vals.map(make)).dataSync()[0]!);

    let worst = { input: -1, index: -1, analytic: 0, numeric: 0, error: Number.NEGATIVE_INFINITY };
    let checked = 0;
    values.forEach((v, i) => {
      for (let j = 0; j < v.length; j++) {
        const x0 = v[j]!;
        v[j] = x0 + eps;
        const up = evalAt(values);
        v[j] = x0 - eps;
        const down = evalAt(values);
        v[j] = x0;
        const numeric = (up - down) / (2 * eps);
        const a = analytic[i]![j]!;
        const error = Math.abs(a - numeric) - rtol * Math.abs(numeric);
        checked++;
        if (!(error <= worst.error) || Number.isNaN(error))
          worst = { input: i, index: j, analytic: a, numeric, error };
      }
    });
    cotangent.dispose();
    const ok = checked === 0 || worst.error <= atol;
    const message = ok
      ? `gradCheck passed: ${checked} elements within rtol ${rtol}, atol ${atol}`
      : `gradCheck failed at input ${worst.input}, flat index ${worst.index}: analytic ${worst.analytic}, numeric ${worst.numeric} (rtol ${rtol}, atol ${atol}, eps ${eps})`;
    return { ok, worst, checked, message };
  });
}
