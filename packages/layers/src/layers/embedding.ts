import { cast, gather, type Tensor } from '@descent/core';
import type { InitializerSpec } from '../initializers/initializer';
import { checkShapeArg } from '../internal/check-layer';
import { entryConfig, initConfig } from '../internal/config';
import { posInt } from '../internal/options';
import { type InputSpec, Layer, type LayerArgs, type LayerConfig } from '../layer';
import type { ConstraintSpec, RegularizerSpec } from '../regularizer';
import type { SymbolicShape } from '../types';

export interface EmbeddingArgs extends LayerArgs {
  /** Vocabulary size: ids are in [0, inputDim). */
  inputDim: number;
  /** Size of each vector. */
  outputDim: number;
  /** Default `uniform` in ±0.05, as Keras. */
  embeddingsInitializer?: InitializerSpec;
  /** Penalty on the embedding matrix (default none). */
  embeddingsRegularizer?: RegularizerSpec | null;
  /** Constraint on the embedding matrix (default none). */
  embeddingsConstraint?: ConstraintSpec | null;
}

/**
 * Looks ids up in a table `embeddings` of shape `[inputDim, outputDim]`: int32 (or integral
 * float32) ids of any shape `[n, ...]` give `[n, ..., outputDim]`. Its gradient is a
 * scatter-add into the rows used.
 *
 * @example
 * new Embedding({ inputDim: 1000, outputDim: 16 }).call(rt.tensor(new Int32Array([1, 5, 9]), [1, 3])); // [1, 3, 16]
 */
export class Embedding extends Layer<{
  /** The vectors, `[inputDim, outputDim]`. */
  embeddings: Tensor;
}> {
  readonly className = 'Embedding';
  /** Vocabulary size: ids run from 0 to `inputDim - 1`. */
  readonly inputDim: number;
  /** Size of each vector. */
  readonly outputDim: number;
  private readonly args: EmbeddingArgs;

  constructor(args: EmbeddingArgs) {
    super(args);
    this.args = args;
    this.inputDim = posInt('Embedding', 'inputDim', args?.inputDim);
    this.outputDim = posInt('Embedding', 'outputDim', args.outputDim);
  }

  protected override inputSpec(): InputSpec {
    return { minRank: 1, dtypes: ['int32', 'float32'] };
  }

  protected override build(): void {
    const a = this.args;
    this.addWeight('embeddings', [this.inputDim, this.outputDim], {
      initializer: a.embeddingsInitializer ?? 'uniform',
      regularizer: a.embeddingsRegularizer,
      constraint: a.embeddingsConstraint,
    });
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    checkShapeArg(this, inputShape);
    return [...inputShape, this.outputDim];
  }

  protected forward(x: Tensor, w: { embeddings: Tensor }): Tensor {
    return gather(w.embeddings, x.dtype === 'int32' ? x : cast(x, 'int32'), 0);
  }

  override getConfig(): LayerConfig {
    const a = this.args;
    return {
      ...super.getConfig(),
      inputDim: this.inputDim,
      outputDim: this.outputDim,
      embeddingsInitializer: initConfig(a.embeddingsInitializer ?? 'uniform'),
      embeddingsRegularizer: entryConfig(a.embeddingsRegularizer),
      embeddingsConstraint: entryConfig(a.embeddingsConstraint),
    };
  }
}
