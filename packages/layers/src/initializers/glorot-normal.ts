import { VarianceScaling } from './variance-scaling';

/**
 * Glorot (Xavier) normal: truncated normal with std √(2 / (fanIn + fanOut)).
 *
 * @example
 * new Dense({ units: 4, kernelInitializer: new GlorotNormal() }); // or kernelInitializer: 'glorotNormal'
 */
export class GlorotNormal extends VarianceScaling {
  override readonly className = 'glorotNormal';
  constructor() {
    super({ scale: 1, mode: 'fanAvg', distribution: 'truncatedNormal' });
  }
  override getConfig() {
    return {};
  }
}
