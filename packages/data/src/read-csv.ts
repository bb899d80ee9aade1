import { checkOptions, InvalidArgumentError } from '@descent/core';
import type { CsvTable } from './csv-table';
import { CsvFormatError } from './errors';
import { readFileBytes } from './internal/read-file';
import { type CsvOptions, parseCsv } from './parse-csv';

/**
 * Reads a CSV file (Node) into numeric columns: see `parseCsv` for the options. Errors name the
 * file, the line and the column.
 *
 * @example
 * const table = await readCsv('iris.csv', { categorical: ['species'] });
 * const ds = fromArrays({ x: table.select(['sepal_length', 'petal_length']), y: table.select('species', 'int32') });
 */
export async function readCsv(path: string, options: Omit<CsvOptions, 'name'> = {}): Promise<CsvTable> {
  if (typeof path !== 'string')
    throw new InvalidArgumentError('readCsv', `expected a file path, got ${typeof path}`);
  checkOptions('readCsv', options);
  let bytes: Uint8Array;
  try {
    bytes = await readFileBytes(path);
  } catch (e) {
    throw new CsvFormatError(path, 0, `cannot read the file: ${(e as Error).message}`);
  }
  return parseCsv(new TextDecoder().decode(bytes), { ...options, name: path });
}
