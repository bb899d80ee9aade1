import { DescentError } from '@descent/core';

/**
 * An IDX file that cannot be read: bad magic, unknown element type, a header or payload of the
 * wrong size. Names the file and the byte offset where it went wrong.
 *
 * @example
 * // IdxFormatError: train-images-idx3-ubyte at byte 2: unknown IDX element type 0x07 (expected 0x08, 0x09, 0x0b, 0x0c, 0x0d or 0x0e)
 */
export class IdxFormatError extends DescentError {
  constructor(
    /** The file (or the name given to `parseIdx`). */
    readonly file: string,
    /** Byte offset in the (decompressed) file. */
    readonly offset: number,
    message: string,
  ) {
    super('IDX_FORMAT', `${file} at byte ${offset}: ${message}`);
  }
}

/**
 * A CSV file that cannot be read as asked: a row with the wrong number of fields, a cell that is
 * not a number, an unknown column. Names the file, the line (1-based, the header is line 1) and
 * the column.
 *
 * @example
 * // CsvFormatError: iris.csv line 7, column "petal_width": "abc" is not a number
 */
export class CsvFormatError extends DescentError {
  constructor(
    /** The file being read (or a description of the source). */
    readonly file: string,
    /** 1-based line where the offending record starts; 0 when the problem is not on one line. */
    readonly line: number,
    message: string,
    /** The column concerned, if any. */
    readonly column?: string,
  ) {
    const where = line > 0 ? ` line ${line}` : '';
    const col = column !== undefined ? `${where ? ',' : ''} column "${column}"` : '';
    super('CSV_FORMAT', `${file}${where}${col}: ${message}`);
  }
}

/** A dataset with no elements where some are needed (training, evaluating, splitting). */
export class EmptyDatasetError extends DescentError {
  constructor(
    /** The function that needed elements. */
    readonly op: string,
    message: string,
  ) {
    super('EMPTY_DATASET', `${op}: ${message}`);
  }
}
