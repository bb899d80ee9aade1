import { VarianceScaling } from './variance-scaling';

/**
 * Glorot (Xavier) uniform: ±√(6 / (fanIn + fanOut)). The default kernel initializer of Dense and Conv2D.
 *
 * @example
 * new Dense({ units: 4, kernelInitializer: new GlorotUniform() }); // or kernelInitializer: 'glorotUniform'
 */
export class GlorotUniform extends VarianceScaling {
  override readonly className = 'glorotUniform';
  constructor() {
    super({ scale: 1, mode: 'fanAvg', distribution: 'uniform' });
  }
  override getConfig() {
    return {};
  }
}
