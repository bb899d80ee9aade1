import { checkOptions, InvalidArgumentError } from '@descent/core';
import { CsvTable } from './csv-table';
import { CsvFormatError } from './errors';

/** Options of `parseCsv` and `readCsv`. */
export interface CsvOptions {
  /** The first record names the columns. Default true. */
  header?: boolean;
  /** The columns to keep, by name or 0-based index, in this order. Default all. */
  columns?: readonly (string | number)[];
  /** Columns of labels as text, mapped to class ids 0, 1, ... in order of first appearance. */
  categorical?: readonly (string | number)[];
  /** Cells read as NaN instead of failing (e.g. `['', 'NA']`). Default none. */
  naValues?: readonly string[];
  /** Field separator. Default ','. */
  delimiter?: string;
  /** Lines starting with this are skipped (e.g. '#'). */
  comment?: string;
  /** What errors call the input (readCsv passes the path). */
  name?: string;
}

// A decimal number as written in data files; Number() alone would accept '', ' ', '0x1f', 'Infinity'.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses CSV text (RFC 4180: quoted fields may hold delimiters, newlines and doubled quotes)
 * into numeric columns. Only selected columns are parsed, so text columns you do not select
 * never fail. A malformed row or a cell that is not a number throws a `CsvFormatError` naming
 * the input, the line and the column.
 *
 * @example
 * const table = parseCsv('a,b\n1,2\n3,4\n', { name: 'inline' });
 * table.select(['a', 'b']); // float32 [2, 2]
 */
export function parseCsv(text: string, options: CsvOptions = {}): CsvTable {
  checkOptions('parseCsv', options);
  const file = options.name ?? '<CSV text>';
  if (typeof text !== 'string')
    throw new InvalidArgumentError('parseCsv', `expected text, got ${typeof text}`);
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')
    throw new InvalidArgumentError(
      'parseCsv',
      `delimiter must be one character other than a quote or newline, got ${JSON.stringify(delimiter)}`,
    );
  const records = splitRecords(text, delimiter, file, options.comment);
  const hasHeader = options.header ?? true;
  const head = records[0];
  if (!head) throw new CsvFormatError(file, 0, 'the file has no rows');
  const width = head.fields.length;
  const names = hasHeader ? head.fields.map((f) => f.trim()) : head.fields.map((_, i) => String(i));
  const body = hasHeader ? records.slice(1) : records;
  const resolve = (c: string | number): number => {
    const i = typeof c === 'number' ? c : names.indexOf(c);
    if (!Number.isInteger(i) || i < 0 || i >= width)
      throw new CsvFormatError(file, 0, `no column ${JSON.stringify(c)} (columns: ${names.join(', ')})`);
    return i;
  };
  const selected = (options.columns ?? names.map((_, i) => i)).map(resolve);
  const categorical = new Set((options.categorical ?? []).map(resolve));
  const na = new Set(options.naValues ?? []);
  const values = selected.map(() => new Float64Array(body.length));
  const categories = new Map<number, Map<string, number>>();
  for (const c of categorical) categories.set(c, new Map());
  body.forEach((rec, r) => {
    if (rec.fields.length !== width)
      throw new CsvFormatError(
        file,
        rec.line,
        `the row has ${rec.fields.length} field${rec.fields.length === 1 ? '' : 's'}, the ${hasHeader ? 'header' : 'first row'} has ${width}`,
      );
    selected.forEach((c, k) => {
      const cell = rec.fields[c]!.trim();
      const cats = categories.get(c);
      if (cats) {
        let id = cats.get(cell);
        if (id === undefined) cats.set(cell, (id = cats.size));
        values[k]![r] = id;
      } else if (NUMBER.test(cell)) values[k]![r] = Number(cell);
      else if (na.has(cell)) values[k]![r] = Number.NaN;
      else
        throw new CsvFormatError(
          file,
          rec.line,
          `${JSON.stringify(cell)} is not a number${na.size ? ` (nor one of the NA values ${[...na].map((v) => JSON.stringify(v)).join(', ')})` : ''}`,
          names[c],
        );
    });
  });
  const cats: Record<string, string[]> = {};
  for (const [c, m] of categories) if (selected.includes(c)) cats[names[c]!] = [...m.keys()];
  return new CsvTable(
    selected.map((c) => names[c]!),
    body.length,
    values,
    cats,
  );
}

interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
}

function splitRecords(
  text: string,
  delimiter: string,
  file: string,
  comment: string | undefined,
): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  let atFieldStart = true;
  let sawQuote = false;
  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !sawQuote;
    const isComment = comment !== undefined && fields[0]!.startsWith(comment);
    if (!blank && !isComment) records.push({ fields, line: start });
    fields = [];
    field = '';
    atFieldStart = true;
    sawQuote = false;
  };
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && atFieldStart && field.trim() === '') {
      quoted = true;
      sawQuote = true;
      quoteLine = line;
      field = '';
      atFieldStart = false;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      field += ch;
      if (ch !== ' ' && ch !== '\t') atFieldStart = false;
    }
  }
  if (quoted) throw new CsvFormatError(file, quoteLine, 'a quoted field is never closed');
  if (field !== '' || fields.length || sawQuote) endRecord();
  return records;
}
