import { VarianceScaling } from './variance-scaling';

/**
 * He (Kaiming) normal: truncated normal with std √(2 / fanIn), for ReLU networks.
 *
 * @example
 * new Dense({ units: 4, kernelInitializer: new HeNormal() }); // or kernelInitializer: 'heNormal'
 */
export class HeNormal extends VarianceScaling {
  override readonly className = 'heNormal';
  constructor() {
    super({ scale: 2, mode: 'fanIn', distribution: 'truncatedNormal' });
  }
  override getConfig() {
    return {};
  }
}
