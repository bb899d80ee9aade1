import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime } from '@descent/core';
import { runInputValidationSweep, runMethodValidationSweep } from '@descent/testing';
import { afterAll, describe } from 'vitest';
import * as api from './index';

const rt = createRuntime({ plugins: [cpuBackend()] });
const t = rt.tensor([1, 2, 3]);
afterAll(() => t.dispose());
const ds = () => api.fromArrays({ x: new Float32Array([1, 2, 3, 4]) });

describe('every export of @descent/data validates its input', () => {
  runInputValidationSweep(api, {
    CsvFormatError: { none: 'an error class' },
    EmptyDatasetError: { none: 'an error class' },
    IdxFormatError: { none: 'an error class' },
    isHostTensor: { none: 'a predicate: any value is an answer (false)' },
    CsvTable: [
      {
        what: 'columns a string',
        call: () => new api.CsvTable('a' as never, 0, [], {}),
        message: /expected columns to be an array of names, got the string "a"/,
      },
      {
        what: 'a negative row count',
        call: () => new api.CsvTable(['a'], -1, [new Float64Array(0)], {}),
        message: /expected rowCount to be a non-negative integer, got the number -1/,
      },
      {
        what: 'values not matching the columns',
        call: () => new api.CsvTable(['a', 'b'], 1, [new Float64Array(1)], {}),
        message: /expected values to be 2 Float64Arrays of 1 rows, got an array/,
      },
      {
        what: 'categories null',
        call: () => new api.CsvTable([], 0, [], null as never),
        message: /expected categories to be an object of category lists, got null/,
      },
    ],
    Dataset: [
      {
        what: 'no source',
        call: () => new api.Dataset(undefined as never),
        message: /the source must have an iterate\(ctx\) function/,
      },
      {
        what: 'a source without iterate',
        call: () => new api.Dataset({ size: 1 } as never),
        message: /iterate/,
      },
    ],
    fromArrays: [
      {
        what: 'a string',
        call: () => api.fromArrays('x' as never),
        message: /expected an object of named columns/,
      },
      { what: 'no columns', call: () => api.fromArrays({}), message: /expected at least one column/ },
      {
        what: 'columns of different lengths',
        call: () => api.fromArrays({ a: new Float32Array(2), b: new Float32Array(3) }),
        message: /columns must share their first axis/,
      },
    ],
    fromGenerator: [
      {
        what: 'an array',
        call: () => api.fromGenerator([1, 2] as never),
        message: /expected a function that returns an iterator/,
      },
      {
        what: 'options a number',
        call: () => api.fromGenerator(function* () {}, 3 as never),
        message: /expected options to be an object, got the number 3/,
      },
      {
        what: 'a negative size',
        call: () => api.fromGenerator(function* () {}, { size: -2 }),
        message: /expected options.size to be a non-negative integer or Infinity, got the number -2/,
      },
    ],
    fromTensors: [
      {
        what: 'a tensor',
        call: () => api.fromTensors(t as never),
        message: /expected an object of named tensors/,
      },
      {
        what: 'a column of numbers',
        call: () => api.fromTensors({ x: [1, 2] as never }),
        message: /column "x" is object, expected a Tensor/,
      },
    ],
    hostTensor: [
      {
        what: 'undefined values',
        call: () => api.hostTensor(undefined as never),
        message: /expected values to be an array or a typed array, got undefined/,
      },
      { what: 'a string', call: () => api.hostTensor('123' as never), message: /got the string "123"/ },
      {
        what: 'a shape that does not fit',
        call: () => api.hostTensor([1, 2, 3], [2, 2]),
        message: /shape \[2,2\] needs 4 values, got 3/,
      },
      {
        what: 'an unknown dtype',
        call: () => api.hostTensor([1], [1], 'float64' as never),
        message: /unknown dtype "float64"/,
      },
    ],
    mnist: [
      {
        what: 'options null',
        call: () => api.mnist(null as never),
        message: /expected options to be an object, got null/,
      },
      {
        what: 'a numeric dir',
        call: () => api.mnist({ dir: 7 as never }),
        message: /expected options.dir to be a directory path, got the number 7/,
      },
    ],
    parseCsv: [
      {
        what: 'a number for the text',
        call: () => api.parseCsv(5 as never),
        message: /expected text, got number/,
      },
      {
        what: 'options null',
        call: () => api.parseCsv('a\n1', null as never),
        message: /expected options to be an object, got null/,
      },
      {
        what: 'a two-character delimiter',
        call: () => api.parseCsv('a\n1', { delimiter: ';;' }),
        message: /delimiter/,
      },
      {
        what: 'an unknown column',
        call: () => api.parseCsv('a\n1', { columns: ['b'] }),
        message: /no column "b" \(columns: a\)/,
        error: api.CsvFormatError,
        names: '<CSV text>',
      },
    ],
    readCsv: [
      {
        what: 'a number path',
        call: () => api.readCsv(1 as never),
        message: /expected a file path, got number/,
      },
      {
        what: 'options a string',
        call: () => api.readCsv('a.csv', 'x' as never),
        message: /expected options to be an object, got the string "x"/,
      },
      {
        what: 'a missing file',
        call: () => api.readCsv('/nonexistent/descent-missing.csv'),
        message: /descent-missing\.csv/,
        error: api.CsvFormatError,
        names: 'descent-missing.csv',
      },
    ],
    parseIdx: [
      {
        what: 'an array of bytes',
        call: () => api.parseIdx([0, 0, 8, 1] as never),
        message: /expected a Uint8Array, got object/,
      },
      {
        what: 'options null',
        call: () => api.parseIdx(new Uint8Array(4), null as never),
        message: /expected options to be an object, got null/,
      },
      {
        what: 'a truncated header',
        call: () => api.parseIdx(new Uint8Array([0, 0])),
        message: /byte/,
        error: api.IdxFormatError,
        names: '<IDX bytes>',
      },
    ],
    readIdx: [
      {
        what: 'undefined path',
        call: () => api.readIdx(undefined as never),
        message: /expected a file path, got undefined/,
      },
      {
        what: 'a missing file',
        call: () => api.readIdx('/nonexistent/descent-missing-idx'),
        message: /descent-missing-idx/,
        error: api.IdxFormatError,
        names: 'descent-missing-idx',
      },
    ],
    trainValidationSplit: [
      {
        what: 'an array for the dataset',
        call: () => api.trainValidationSplit([1] as never, { validation: 0.5 }),
        message: /expected a Dataset/,
      },
      {
        what: 'no options',
        call: () => api.trainValidationSplit(ds(), undefined as never),
        message: /validation must be a fraction in \(0, 1\) or a whole count, got undefined/,
      },
      {
        what: 'a fraction of 1.5',
        call: () => api.trainValidationSplit(ds(), { validation: 1.5 }),
        message: /got 1.5/,
      },
    ],
  });
});

describe('every method of Dataset and CsvTable validates its input', () => {
  const ctx = /expected the iteration context to be an object, got/;
  runMethodValidationSweep('Dataset', api.Dataset.prototype, {
    at: [
      {
        what: 'an index past the end',
        call: () => ds().at(4),
        message: /index 4 is out of range for 4 elements/,
      },
      { what: 'a fractional index', call: () => ds().at(0.5), message: /out of range/ },
      {
        what: 'no random access',
        call: () =>
          ds()
            .filter(() => true)
            .at(0),
        message: /no random access/,
      },
    ],
    iterate: [
      { what: 'a string context', call: () => ds().iterate('x' as never), message: ctx },
      {
        what: 'a tensor for the runtime',
        call: () => ds().iterate({ runtime: t as never }),
        message: /expected ctx.runtime to be a Runtime, got a Tensor/,
      },
    ],
    map: [{ what: 'a string', call: () => ds().map('x' as never), message: /expected a function/ }],
    filter: [
      { what: 'undefined', call: () => ds().filter(undefined as never), message: /expected a function/ },
    ],
    batch: [
      { what: 'size 0', call: () => ds().batch(0), message: /size must be a positive integer, got 0/ },
      {
        what: 'options a number',
        call: () => ds().batch(2, 1 as never),
        message: /expected options to be an object, got the number 1/,
      },
    ],
    shuffle: [
      {
        what: 'options null',
        call: () => ds().shuffle(null as never),
        message: /expected options to be an object, got null/,
      },
      {
        what: 'a zero buffer',
        call: () => ds().shuffle({ bufferSize: 0 }),
        message: /bufferSize must be a positive integer, got 0/,
      },
      {
        what: 'a negative seed',
        call: () => ds().shuffle({ seed: -1 }),
        message: /seed must be a non-negative integer, got -1/,
      },
    ],
    take: [
      {
        what: 'a negative count',
        call: () => ds().take(-1),
        message: /count must be a non-negative integer, got the number -1/,
      },
    ],
    skip: [
      {
        what: 'a string count',
        call: () => ds().skip('2' as never),
        message: /count must be a non-negative integer, got the string "2"/,
      },
    ],
    repeat: [
      {
        what: 'null',
        call: () => ds().repeat(null as never),
        message: /count must be a non-negative integer or Infinity, got null/,
      },
      { what: 'a fraction', call: () => ds().repeat(1.5), message: /got 1.5/ },
    ],
    prefetch: [
      {
        what: 'NaN',
        call: () => ds().prefetch(Number.NaN),
        message: /count must be a non-negative integer, got the number NaN/,
      },
    ],
    toArray: [
      {
        what: 'a runtime for the context',
        call: () => ds().toArray(rt as never),
        message: /expected the iteration context to be an object, got a Runtime/,
      },
    ],
    forEach: [
      {
        what: 'no function',
        call: () => ds().forEach(undefined as never),
        message: /expected fn to be a function, got undefined/,
      },
      { what: 'a number context', call: () => ds().forEach(() => {}, 1 as never), message: ctx },
    ],
  });
  const table = () => api.parseCsv('a,b\n1,2\n3,4\n');
  runMethodValidationSweep('CsvTable', api.CsvTable.prototype, {
    column: [
      {
        what: 'an unknown name',
        call: () => table().column('c'),
        message: /no column "c" \(columns: a, b\)/,
      },
    ],
    select: [
      {
        what: 'no names',
        call: () => table().select([]),
        message: /expected a column name or a non-empty list of names/,
      },
      {
        what: 'an unknown dtype',
        call: () => table().select('a', 'float64' as never),
        message: /expected dtype 'float32', 'int32' or 'bool', got the string "float64"/,
      },
    ],
    indexOf: { none: 'private: reached through column and select' },
  });
});
