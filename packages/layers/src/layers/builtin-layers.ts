import type { LayerFactory } from '../layer';
import { Sequential } from '../models/sequential';
import { Activation, type ActivationArgs } from './activation';
import { AvgPool2D } from './avg-pool2d';
import { BatchNormalization } from './batch-normalization';
import { Conv2D, type Conv2DArgs } from './conv2d';
import { Dense, type DenseArgs } from './dense';
import { Dropout, type DropoutArgs } from './dropout';
import { Embedding, type EmbeddingArgs } from './embedding';
import { Flatten } from './flatten';
import { GlobalAveragePooling2D } from './global-average-pooling2d';
import { LayerNormalization } from './layer-normalization';
import { MaxPool2D } from './max-pool2d';
import { Reshape, type ReshapeArgs } from './reshape';

/** Every built-in layer class by registered name (kind `layer`); `layers()` registers these. */
export const builtinLayers: Readonly<Record<string, LayerFactory>> = {
  Dense: (c) => new Dense(c as unknown as DenseArgs),
  Conv2D: (c) => new Conv2D(c as unknown as Conv2DArgs),
  MaxPool2D: (c) => new MaxPool2D(c),
  AvgPool2D: (c) => new AvgPool2D(c),
  GlobalAveragePooling2D: (c) => new GlobalAveragePooling2D(c),
  Flatten: (c) => new Flatten(c),
  Reshape: (c) => new Reshape(c as unknown as ReshapeArgs),
  Dropout: (c) => new Dropout(c as unknown as DropoutArgs),
  BatchNormalization: (c) => new BatchNormalization(c),
  LayerNormalization: (c) => new LayerNormalization(c),
  Embedding: (c) => new Embedding(c as unknown as EmbeddingArgs),
  Activation: (c) => new Activation(c as unknown as ActivationArgs),
  Sequential: Sequential.fromConfig,
};
