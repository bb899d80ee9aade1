import { VarianceScaling } from './variance-scaling';

/**
 * LeCun uniform: ±√(3 / fanIn), for SELU networks.
 *
 * @example
 * new Dense({ units: 4, kernelInitializer: new LecunUniform() }); // or kernelInitializer: 'lecunUniform'
 */
export class LecunUniform extends VarianceScaling {
  override readonly className = 'lecunUniform';
  constructor() {
    super({ scale: 1, mode: 'fanIn', distribution: 'uniform' });
  }
  override getConfig() {
    return {};
  }
}
