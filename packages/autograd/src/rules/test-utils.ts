import { cpuBackend } from '@descent/backend-cpu';
import {
  add,
  createRuntime,
  floor,
  less,
  mul,
  neg,
  type OpRecord,
  type Runtime,
  randomNormal,
  randomUniform,
  type Shape,
  type Tensor,
  where,
} from '@descent/core';
import { autograd } from '../autograd-plugin';
import { gradientRules } from '../gradient-rules';

/**
 * Fused ops of core that take no gradient: an optimizer step and backward kernels. Under a tape
 * they run as their composites.
 */
export const fusedWithoutRules: readonly string[] = ['adamUpdate', 'reluGrad', 'softmaxCrossEntropyGrad'];

/** Ops whose rules return no gradient at all: bool/int outputs, or no inputs. */
export const nonDifferentiableOps = [
  'argmax',
  'equal',
  'fill',
  'greater',
  'greaterEqual',
  'isFinite',
  'isNaN',
  'less',
  'lessEqual',
  'logicalAnd',
  'logicalNot',
  'logicalOr',
  'notEqual',
  'oneHot',
  'randomUniform',
] as const;

/**
 * A float64 CPU runtime with autograd whose rules also note, in `exercised`, every op whose
 * backward ran: tests use it to prove each rule was gradient-checked.
 */
export function referenceRuntime(seed: number): { rt: Runtime; exercised: Set<string> } {
  const exercised = new Set<string>();
  const rt = createRuntime({ plugins: [cpuBackend({ precision: 'float64' }), autograd()], seed });
  rt.use({
    name: 'rule-usage',
    version: '0',
    install: (ctx) => {
      for (const [op, rule] of Object.entries(gradientRules)) {
        const backward: typeof rule.backward = (dy, c) => {
          exercised.add(op);
          return rule.backward(dy, c);
        };
        ctx.register('gradient', op, { ...rule, backward }, { replace: true });
      }
    },
  });
  return { rt, exercised };
}

/** Seeded random inputs on `rt`, each from a domain chosen to stay clear of kinks and poles. */
export function sampler(rt: Runtime) {
  const uniform = (shape: Shape, min: number, max: number) => randomUniform(rt, shape, { min, max });
  return {
    normal: (shape: Shape) => randomNormal(rt, shape),
    uniform,
    /** |x| in [min, max] with a random sign. */
    awayFromZero: (shape: Shape, min = 0.2, max = 2): Tensor => {
      const m = uniform(shape, min, max);
      return where(less(uniform(shape, 0, 1), 0.5), m, neg(m));
    },
    /** k + f with integer k and f in [0.1, 0.4]: away from integers and half-integers. */
    fractional: (shape: Shape): Tensor =>
      add(floor(mul(randomNormal(rt, shape), 3)), uniform(shape, 0.1, 0.4)),
  };
}

/** The attrs core resolved for the op `run` calls last (e.g. a conv or pool), read off the op hook. */
export function attrsOf<A>(rt: Runtime, run: () => Tensor): A {
  let attrs: unknown;
  const stop = rt.onOp((r: OpRecord) => {
    attrs = r.attrs;
  });
  try {
    rt.tidy(run);
  } finally {
    stop();
  }
  return attrs as A;
}
