export { CsvTable } from './csv-table';
export type {
  Batch,
  Batched,
  DatasetSource,
  Example,
  Field,
  IterationContext,
  ShuffleOptions,
} from './dataset';
export { Dataset } from './dataset';
export { CsvFormatError, EmptyDatasetError, IdxFormatError } from './errors';
export type { ArrayColumn, ExampleOf } from './from-arrays';
export { fromArrays } from './from-arrays';
export { fromGenerator } from './from-generator';
export { fromTensors } from './from-tensors';
export type { HostTensor } from './host-tensor';
export { hostTensor, isHostTensor } from './host-tensor';
export type { Mnist, MnistExample, MnistOptions } from './mnist';
export { mnist } from './mnist';
export type { CsvOptions } from './parse-csv';
export { parseCsv } from './parse-csv';
export { readCsv } from './read-csv';
export type { IdxArray, IdxType } from './read-idx';
export { parseIdx, readIdx } from './read-idx';
export type { SplitOptions } from './train-validation-split';
export { trainValidationSplit } from './train-validation-split';
