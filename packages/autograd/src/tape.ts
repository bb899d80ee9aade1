import {
  add,
  DTypeError,
  fmtShape,
  InvalidArgumentError,
  type OpRecord,
  type Runtime,
  shapesEqual,
  type Tensor,
  zerosLike,
} from '@descent/core';
import type { GradientRule } from './gradient-rule';

interface TapeEntry {
  readonly op: string;
  readonly rule: GradientRule;
  /** Identity of each input (data not held) and whether it depended on a source. */
  readonly inputs: readonly Tensor[];
  readonly onPath: readonly boolean[];
  readonly output: Tensor;
  readonly attrs: unknown;
  /** Handles the tape holds for backward, released by `dispose`. */
  readonly saved: readonly (Tensor | undefined)[];
  readonly savedOutput: Tensor | undefined;
}

const active = new WeakMap<Runtime, Tape[]>();

/** Tapes recording on a runtime now, innermost last. */
export function activeTapes(rt: Runtime): readonly Tape[] {
  return active.get(rt) ?? [];
}

/**
 * Records, for ops that depend on the sources, what their gradient rules need, and runs
 * them backwards. Records only ops on a path from a source; keeps only what rules save.
 */
export class Tape {
  private readonly entries: TapeEntry[] = [];
  private readonly onPath = new Set<Tensor>();
  private paused = 0;
  private readonly cleanups: (() => void)[] = [];
  private stopListening: (() => void) | undefined;

  constructor(
    readonly rt: Runtime,
    sources: readonly Tensor[],
  ) {
    for (const s of sources) this.onPath.add(s);
  }

  /** Starts recording every op of the runtime. */
  start(): void {
    let tapes = active.get(this.rt);
    if (!tapes) active.set(this.rt, (tapes = []));
    tapes.push(this);
    // Fused ops with a gradient rule are recorded whole (their kernels run); others as composites.
    this.stopListening = this.rt.onOp((r) => this.onOp(r), {
      acceptsFused: (def) => this.rt.registry.find('gradient', def.name) !== undefined,
    });
  }

  stop(): void {
    this.stopListening?.();
    const tapes = active.get(this.rt);
    tapes?.splice(tapes.indexOf(this), 1);
  }

  /** Runs `fn` without recording on this tape. */
  pause<T>(fn: () => T): T {
    this.paused++;
    try {
      return fn();
    } finally {
      this.paused--;
    }
  }

  private onOp({ op, inputs, attrs, output }: OpRecord): void {
    this.record(op.name, this.rt.registry.get('gradient', op.name), inputs, attrs, output);
  }

  /** Adds an entry if some input depends on a source (custom gradients use this directly). */
  record(op: string, rule: GradientRule, inputs: readonly Tensor[], attrs: unknown, output: Tensor): void {
    if (this.paused || rule.constant) return;
    const onPath = inputs.map((t) => this.onPath.has(t));
    if (!onPath.includes(true)) return;
    const keep = rule.save?.inputs;
    const saved = inputs.map((t, i) => (keep === 'all' || keep?.includes(i) ? this.rt.retain(t) : undefined));
    const savedOutput = rule.save?.output ? this.rt.retain(output) : undefined;
    this.entries.push({ op, rule, inputs, onPath, output, attrs, saved, savedOutput });
    this.onPath.add(output);
  }

  /**
   * dL/dsource for each source, given dL/doutput = `seed`. Sources the output does not depend
   * on get zeros. Call inside a `tidy`: intermediate gradients are left to it.
   */
  backward(output: Tensor, seed: Tensor, sources: readonly Tensor[]): Tensor[] {
    return this.pause(() => {
      const grads = new Map<Tensor, Tensor>([[output, seed]]);
      for (let k = this.entries.length - 1; k >= 0; k--) {
        const e = this.entries[k]!;
        const dy = grads.get(e.output);
        if (!dy) continue;
        const ctx = {
          inputs: e.saved,
          output: e.savedOutput,
          attrs: e.attrs as Record<string, unknown>,
          inputShapes: e.inputs.map((t) => t.shape),
          inputDtypes: e.inputs.map((t) => t.dtype),
          needs: e.onPath,
        };
        const gs = e.rule.backward(dy, ctx);
        e.inputs.forEach((input, i) => {
          const g = gs[i];
          if (!g || !e.onPath[i]) return;
          if (input.dtype !== 'float32') {
            throw new DTypeError(
              e.op,
              'float32',
              input.dtype,
              'differentiated input (gradients cannot flow through int or bool tensors)',
            );
          }
          if (!shapesEqual(g.shape, input.shape)) {
            throw new InvalidArgumentError(
              e.op,
              `gradient rule returned shape ${fmtShape(g.shape)} for input ${i} of shape ${fmtShape(input.shape)}`,
            );
          }
          const prev = grads.get(input);
          grads.set(input, prev ? add(prev, g) : g);
        });
      }
      // Fresh handles, so no two results (nor the caller's seed) share a tensor object.
      return sources.map((s) => {
        const g = grads.get(s);
        return g ? this.rt.view(g) : zerosLike(s);
      });
    });
  }

  /** Runs `fn` when the tape is disposed (custom gradients release what they saved). */
  onDispose(fn: () => void): void {
    this.cleanups.push(fn);
  }

  /** Releases every value the tape held. */
  dispose(): void {
    for (const fn of this.cleanups.splice(0)) fn();
    for (const e of this.entries) {
      for (const t of e.saved) t?.dispose();
      e.savedOutput?.dispose();
    }
    this.entries.length = 0;
    this.onPath.clear();
  }
}
