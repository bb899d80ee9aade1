import {
  compose,
  gaussianNoise,
  randomCrop,
  randomErasing,
  randomHorizontalFlip,
  randomRotation,
  randomTranslation,
  randomZoom,
  type Transform,
} from '@descent/augment';
import { UsageError } from './train-args';

const TRANSFORMS: Record<string, { arg: 'number' | 'none'; make: (v: number) => Transform }> = {
  rotate: { arg: 'number', make: (degrees) => randomRotation({ degrees }) },
  translate: { arg: 'number', make: (f) => randomTranslation({ heightFactor: f, widthFactor: f }) },
  zoom: { arg: 'number', make: (factor) => randomZoom({ factor }) },
  noise: { arg: 'number', make: (std) => gaussianNoise({ std }) },
  crop: { arg: 'number', make: (padding) => randomCrop({ size: 28, padding }) },
  erase: { arg: 'none', make: () => randomErasing() },
  flip: { arg: 'none', make: () => randomHorizontalFlip() },
};

/**
 * An augmentation pipeline from `--augment`: comma-separated `name=value` items (`rotate=10`
 * degrees, `translate=0.1`, `zoom=0.1`, `noise=0.05` std, `crop=2` padding) and bare names
 * (`erase`, `flip`), applied in that order.
 *
 * @example
 * parseAugment('rotate=10,translate=0.1'); // compose([randomRotation({ degrees: 10 }), randomTranslation(...)])
 */
export function parseAugment(spec: string): Transform {
  const steps = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const [name, value] = item.split('=') as [string, string | undefined];
      const t = TRANSFORMS[name];
      if (!t)
        throw new UsageError(
          `--augment: unknown transform "${name}" (known: ${Object.keys(TRANSFORMS).join(', ')})`,
        );
      if (t.arg === 'none') {
        if (value !== undefined) throw new UsageError(`--augment: ${name} takes no value`);
        return t.make(0);
      }
      const n = Number(value);
      if (value === undefined || value.trim() === '' || !Number.isFinite(n) || n < 0)
        throw new UsageError(`--augment: ${name} needs a non-negative number, as ${name}=0.1`);
      return t.make(n);
    });
  if (steps.length === 0) throw new UsageError('--augment: no transforms given');
  return compose(steps);
}
