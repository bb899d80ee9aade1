import { readdirSync } from 'node:fs';
import { fusedOps, primitiveOps } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { cpuFusedKernels } from './cpu-fused-kernels';
import { cpuKernels } from './cpu-kernels';

const kebab = (op: string) => op.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const kernelFiles = readdirSync(new URL('./kernels/', import.meta.url)).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
);

describe('cpuKernels', () => {
  const computed = primitiveOps.filter((def) => !def.view).map((def) => def.name);

  it.each(computed)('has a CPU kernel for primitive op %s', (op) => {
    expect(cpuKernels.filter((k) => k.op === op && k.backend === 'cpu')).toHaveLength(1);
  });

  it('has no kernel for a view op, nor for an op core does not define', () => {
    const ops = new Set(computed);
    expect(cpuKernels.map((k) => k.op).filter((op) => !ops.has(op))).toEqual([]);
    expect(cpuKernels).toHaveLength(computed.length);
  });

  it('has fused kernels only for fused ops of core, one each', () => {
    const fused = cpuFusedKernels.map((k) => k.op);
    expect(fused.filter((op) => !fusedOps.some((d) => d.name === op))).toEqual([]);
    expect(new Set(fused).size).toBe(fused.length);
  });

  it('keeps one kernel per file, named after its op in kebab-case', () => {
    const ops = [...computed, ...cpuFusedKernels.map((k) => k.op)];
    expect(kernelFiles.sort()).toEqual(ops.map((op) => `${kebab(op)}.ts`).sort());
  });
});
