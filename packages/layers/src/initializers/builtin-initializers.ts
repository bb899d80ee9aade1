import type { JsonValue } from '../types';
import { Constant } from './constant';
import { GlorotNormal } from './glorot-normal';
import { GlorotUniform } from './glorot-uniform';
import { HeNormal } from './he-normal';
import { HeUniform } from './he-uniform';
import type { InitializerFactory } from './initializer';
import { LecunNormal } from './lecun-normal';
import { LecunUniform } from './lecun-uniform';
import { Ones } from './ones';
import { Orthogonal } from './orthogonal';
import { RandomNormal } from './random-normal';
import { RandomUniform } from './random-uniform';
import { TruncatedNormal } from './truncated-normal';
import { VarianceScaling } from './variance-scaling';
import { Zeros } from './zeros';

type Opts = Record<string, JsonValue> | undefined;

/** Every built-in initializer by registered name; `layers()` registers these. */
export const builtinInitializers: Readonly<Record<string, InitializerFactory>> = {
  zeros: () => new Zeros(),
  ones: () => new Ones(),
  constant: (c?: Opts) => new Constant(c as ConstructorParameters<typeof Constant>[0]),
  randomUniform: (c?: Opts) => new RandomUniform(c as ConstructorParameters<typeof RandomUniform>[0]),
  uniform: (c?: Opts) => new RandomUniform(c as ConstructorParameters<typeof RandomUniform>[0]),
  randomNormal: (c?: Opts) => new RandomNormal(c as ConstructorParameters<typeof RandomNormal>[0]),
  normal: (c?: Opts) => new RandomNormal(c as ConstructorParameters<typeof RandomNormal>[0]),
  truncatedNormal: (c?: Opts) => new TruncatedNormal(c as ConstructorParameters<typeof TruncatedNormal>[0]),
  varianceScaling: (c?: Opts) => new VarianceScaling(c as ConstructorParameters<typeof VarianceScaling>[0]),
  glorotUniform: () => new GlorotUniform(),
  glorotNormal: () => new GlorotNormal(),
  heUniform: () => new HeUniform(),
  heNormal: () => new HeNormal(),
  lecunUniform: () => new LecunUniform(),
  lecunNormal: () => new LecunNormal(),
  orthogonal: (c?: Opts) => new Orthogonal(c as ConstructorParameters<typeof Orthogonal>[0]),
};
