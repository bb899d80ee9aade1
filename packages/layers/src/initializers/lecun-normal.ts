import { VarianceScaling } from './variance-scaling';

/**
 * LeCun normal: truncated normal with std √(1 / fanIn), for SELU networks.
 *
 * @example
 * new Dense({ units: 4, kernelInitializer: new LecunNormal() }); // or kernelInitializer: 'lecunNormal'
 */
export class LecunNormal extends VarianceScaling {
  override readonly className = 'lecunNormal';
  constructor() {
    super({ scale: 1, mode: 'fanIn', distribution: 'truncatedNormal' });
  }
  override getConfig() {
    return {};
  }
}
