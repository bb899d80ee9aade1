import { FILL_MODES, type FillMode, INTERPOLATIONS, type Interpolation } from '../ops/affine-resample';
import { parseChoice, parseNumber } from './options';

/** How a geometric transform samples: interpolation and what lies outside the image. */
export interface SamplingOptions {
  /** Default 'bilinear'. */
  interpolation?: Interpolation;
  /** Default 'constant' (torchvision's behaviour; Keras defaults to 'reflect'). */
  fillMode?: FillMode;
  /** What `constant` fill reads; default 0. */
  fillValue?: number;
}

export function parseSampling(
  name: string,
  options: SamplingOptions,
  defaults: { interpolation?: Interpolation } = {},
): Required<SamplingOptions> {
  return {
    interpolation: parseChoice(
      name,
      'interpolation',
      options.interpolation,
      INTERPOLATIONS,
      defaults.interpolation ?? 'bilinear',
    ),
    fillMode: parseChoice(name, 'fillMode', options.fillMode, FILL_MODES, 'constant'),
    fillValue: parseNumber(name, 'fillValue', options.fillValue, 0),
  };
}
