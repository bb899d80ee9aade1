import { VarianceScaling } from './variance-scaling';

/**
 * He (Kaiming) uniform: ±√(6 / fanIn), for ReLU networks.
 *
 * @example
 * new Dense({ units: 4, kernelInitializer: new HeUniform() }); // or kernelInitializer: 'heUniform'
 */
export class HeUniform extends VarianceScaling {
  override readonly className = 'heUniform';
  constructor() {
    super({ scale: 2, mode: 'fanIn', distribution: 'uniform' });
  }
  override getConfig() {
    return {};
  }
}
