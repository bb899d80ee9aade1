import type { Backend, Kernel, KernelArgs } from '../backend';
import type { Plugin } from '../plugin';
import { philoxUniform } from '../rng/philox';
import { sizeOf } from '../shape';
import type { DType, Shape, TensorInfo, TypedArray } from '../types';

/**
 * A deliberately tiny third-party-style backend for core's own tests (core cannot depend on
 * @descent/backend-cpu): equal-shape add/mul, fill and randomUniform only.
 */
export class MiniBackend implements Backend {
  private readonly live = new Set<{ values: TypedArray }>();
  constructor(readonly name: string) {}
  write(values: TypedArray, shape: Shape, dtype: DType): TensorInfo {
    const dataId = { values: values.slice() };
    this.live.add(dataId);
    return { dataId, shape, dtype };
  }
  values(info: TensorInfo): TypedArray {
    return (info.dataId as { values: TypedArray }).values;
  }
  async read(info: TensorInfo): Promise<TypedArray> {
    return this.values(info).slice();
  }
  readSync(info: TensorInfo): TypedArray {
    return this.values(info).slice();
  }
  free(info: TensorInfo): void {
    this.live.delete(info.dataId as { values: TypedArray });
  }
  memory() {
    let bytes = 0;
    for (const d of this.live) bytes += d.values.byteLength;
    return { bytes, buffers: this.live.size };
  }
}

const make = (b: MiniBackend, out: KernelArgs['out'], values: Float32Array) =>
  b.write(values, out.shape, out.dtype);

function elementwise(op: string, backend: string, f: (a: number, b: number) => number): Kernel {
  return {
    op,
    backend,
    fn: ({ inputs, backend: b, out }: KernelArgs<unknown, MiniBackend>) => {
      const [x, y] = inputs.map((i) => b.values(i));
      return make(
        b,
        out,
        Float32Array.from(x!, (v, i) => f(v, y!.length === 1 ? y![0]! : y![i]!)),
      );
    },
  };
}

/** A plugin registering a MiniBackend under `name` with its few kernels. */
export function miniBackend(name = 'mini', pluginName = `mini-${name}`): Plugin {
  return {
    name: pluginName,
    version: '0.0.0',
    install(ctx) {
      ctx.registerBackend(name, { packageName: 'mini', create: () => new MiniBackend(name) });
      ctx.registerKernels([
        elementwise('add', name, (a, b) => a + b),
        elementwise('mul', name, (a, b) => a * b),
        {
          op: 'fill',
          backend: name,
          fn: ({ attrs, backend: b, out }: KernelArgs<{ value: number }, MiniBackend>) =>
            make(b, out, new Float32Array(sizeOf(out.shape)).fill(attrs.value)),
        },
        {
          op: 'randomUniform',
          backend: name,
          fn: ({
            attrs,
            backend: b,
            out,
          }: KernelArgs<{ key: [number, number]; counter: number }, MiniBackend>) =>
            make(b, out, philoxUniform(attrs.key, attrs.counter, new Float32Array(sizeOf(out.shape)))),
        },
      ]);
    },
  };
}
