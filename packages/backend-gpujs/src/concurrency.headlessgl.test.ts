import { autograd, valueAndGrad } from '@descent/autograd';
import { cpuBackend } from '@descent/backend-cpu';
import {
  add,
  createRuntime,
  matmul,
  mean,
  mul,
  type Runtime,
  randomNormal,
  relu,
  square,
  sub,
  type Tensor,
} from '@descent/core';
import { describe, expect, it } from 'vitest';
import { gpujsBackend } from './index';

type Params = { w1: Tensor; w2: Tensor };

/** A 2-layer regression MLP with plain SGD, written with core ops; one step at a time. */
function trainer(rt: Runtime) {
  rt.seed(11);
  const x = rt.keep(randomNormal(rt, [32, 6]));
  const y = rt.keep(randomNormal(rt, [32, 1]));
  let params: Params = {
    w1: rt.keep(randomNormal(rt, [6, 8], { std: 0.5 })),
    w2: rt.keep(randomNormal(rt, [8, 1], { std: 0.5 })),
  };
  const lossOf = (p: Params) => mean(square(sub(matmul(relu(matmul(x, p.w1)), p.w2), y)));
  return async (): Promise<number> => {
    const { value, grads } = valueAndGrad(lossOf)(params);
    const next = rt.tidy(() => ({
      w1: sub(params.w1, mul(grads.w1, 0.05)),
      w2: sub(params.w2, mul(grads.w2, 0.05)),
    }));
    rt.dispose([params, grads]);
    params = { w1: rt.keep(next.w1), w2: rt.keep(next.w2) };
    const loss = (await value.data())[0]!;
    value.dispose();
    return loss;
  };
}

async function losses(step: () => Promise<number>, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await step());
  return out;
}

describe('concurrency', () => {
  it('a CPU runtime and a gpu.js runtime training interleaved in one process do not interfere', async () => {
    const alone = {
      cpu: await losses(trainer(createRuntime({ plugins: [cpuBackend(), autograd()] })), 20),
      gpu: await losses(
        trainer(createRuntime({ plugins: [gpujsBackend({ mode: 'headlessgl' }), autograd()] })),
        20,
      ),
    };
    const cpu = trainer(createRuntime({ plugins: [cpuBackend(), autograd()] }));
    const gpu = trainer(createRuntime({ plugins: [gpujsBackend({ mode: 'headlessgl' }), autograd()] }));
    const together = { cpu: [] as number[], gpu: [] as number[] };
    for (let i = 0; i < 20; i++) {
      // Both steps in flight at once: their awaits interleave on the event loop.
      const [c, g] = await Promise.all([cpu(), gpu()]);
      together.cpu.push(c);
      together.gpu.push(g);
    }
    expect(together.cpu).toEqual(alone.cpu);
    expect(together.gpu).toEqual(alone.gpu);
    expect(alone.cpu.at(-1)!).toBeLessThan(alone.cpu[0]!);
  });

  it('interleaved async data() calls each return their own tensor', async () => {
    const rt = createRuntime({ plugins: [gpujsBackend({ mode: 'headlessgl' })] });
    const ts = Array.from({ length: 24 }, (_, i) =>
      add(rt.tensor(Float32Array.from({ length: 5 + i }, (_, j) => i * 100 + j)), 0.5),
    );
    const reads = await Promise.all(
      ts.map((t, i) => (i % 2 ? t.data() : Promise.resolve().then(() => t.data()))),
    );
    reads.forEach((values, i) => {
      expect(Array.from(values)).toEqual(Array.from({ length: 5 + i }, (_, j) => i * 100 + j + 0.5));
    });
  });
});
