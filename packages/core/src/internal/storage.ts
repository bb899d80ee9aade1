import type { Backend } from '../backend';
import type { DType, TensorInfo } from '../types';

/** Data on a backend shared by every tensor that views it (reshape); freed at refs 0. */
export class Storage {
  refs = 0;
  constructor(
    readonly backend: Backend,
    readonly info: TensorInfo,
    readonly bytes: number,
  ) {}
}

export const BYTES_PER_ELEMENT: Record<DType, number> = { float32: 4, int32: 4, bool: 1 };
