import { type DType, describeValue, InvalidArgumentError } from '@descent/core';
import { type HostTensor, hostTensor } from './host-tensor';

/**
 * Numeric columns read from a CSV file: each selected column as float64 values (categorical
 * columns as class ids, with their categories in order of first appearance).
 *
 * @example
 * const table = await readCsv('iris.csv', { categorical: ['species'] });
 * const x = table.select(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']); // float32 [150, 4]
 * const y = table.select('species', 'int32');                                              // int32 [150]
 */
export class CsvTable {
  constructor(
    /** Column names (from the header, or `'0'`, `'1'`, ... without one), in file order. */
    readonly columns: readonly string[],
    /** Number of data rows (the header excluded). */
    readonly rowCount: number,
    private readonly values: readonly Float64Array[],
    /** For each categorical column, its categories: id `i` is `categories[column][i]`. */
    readonly categories: Readonly<Record<string, readonly string[]>>,
  ) {
    const bad = (msg: string): never => {
      throw new InvalidArgumentError('CsvTable', msg);
    };
    if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string'))
      bad(`expected columns to be an array of names, got ${describeValue(columns)}`);
    if (!Number.isInteger(rowCount) || rowCount < 0)
      bad(`expected rowCount to be a non-negative integer, got ${describeValue(rowCount)}`);
    if (
      !Array.isArray(values) ||
      values.length !== columns.length ||
      !values.every((v) => v instanceof Float64Array && v.length === rowCount)
    ) {
      bad(
        `expected values to be ${columns.length} Float64Arrays of ${rowCount} rows, got ${describeValue(values)}`,
      );
    }
    if (categories === null || typeof categories !== 'object' || Array.isArray(categories))
      bad(`expected categories to be an object of category lists, got ${describeValue(categories)}`);
  }

  /** One column's values. */
  column(name: string): Float64Array {
    return this.values[this.indexOf(name)]!;
  }

  /**
   * Columns as a host tensor: one name gives `[rows]`, a list `[rows, k]` (row-major), in
   * `dtype` (float32 by default; int32 for class ids).
   */
  select(names: string | readonly string[], dtype: DType = 'float32'): HostTensor {
    if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool')
      throw new InvalidArgumentError(
        'CsvTable.select',
        `expected dtype 'float32', 'int32' or 'bool', got ${describeValue(dtype)}`,
      );
    const list = typeof names === 'string' ? [names] : names;
    if (!Array.isArray(list) || list.length === 0)
      throw new InvalidArgumentError(
        'CsvTable.select',
        'expected a column name or a non-empty list of names',
      );
    const cols = list.map((n) => this.column(n));
    const k = cols.length;
    const out = new Float64Array(this.rowCount * k);
    for (let r = 0; r < this.rowCount; r++) for (let c = 0; c < k; c++) out[r * k + c] = cols[c]![r]!;
    if (dtype === 'int32') {
      list.forEach((n, c) => {
        const bad = cols[c]!.findIndex((v) => !Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31);
        if (bad >= 0)
          throw new InvalidArgumentError(
            'CsvTable.select',
            `column "${n}" row ${bad} holds ${cols[c]![bad]}, which is not an int32`,
          );
      });
    }
    return hostTensor(out, typeof names === 'string' ? [this.rowCount] : [this.rowCount, k], dtype);
  }

  private indexOf(name: string): number {
    const i = this.columns.indexOf(name);
    if (i < 0)
      throw new InvalidArgumentError('CsvTable', `no column "${name}" (columns: ${this.columns.join(', ')})`);
    return i;
  }
}
