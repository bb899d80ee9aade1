import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvFormatError } from './errors';
import { fromArrays } from './from-arrays';
import { parseCsv } from './parse-csv';
import { readCsv } from './read-csv';

const dir = mkdtempSync(join(tmpdir(), 'descent-csv-'));
const IRIS = `sepal_length,sepal_width,petal_length,petal_width,species
5.1,3.5,1.4,0.2,setosa
7.0,3.2,4.7,1.4,versicolor

6.3,3.3,6.0,2.5,virginica
4.9,3.0,1.4,.2,setosa
`;

describe('readCsv', () => {
  it('reads a header, selects columns, parses numbers and maps categories', async () => {
    const path = join(dir, 'iris.csv');
    writeFileSync(path, IRIS);
    const table = await readCsv(path, {
      columns: ['petal_length', 'petal_width', 'species'],
      categorical: ['species'],
    });
    expect(table.columns).toEqual(['petal_length', 'petal_width', 'species']);
    expect(table.rowCount).toBe(4);
    expect(table.categories).toEqual({ species: ['setosa', 'versicolor', 'virginica'] });
    const x = table.select(['petal_length', 'petal_width']);
    expect(x.shape).toEqual([4, 2]);
    expect(Array.from(x.data)).toEqual([1.4, 0.2, 4.7, 1.4, 6, 2.5, 1.4, 0.2].map(Math.fround));
    const y = table.select('species', 'int32');
    expect(y.dtype).toBe('int32');
    expect(Array.from(y.data)).toEqual([0, 1, 2, 0]);
    expect(fromArrays({ x, y }).size).toBe(4);
  });

  it('handles quotes, CRLF, comments, no header, other delimiters and NA values', () => {
    const t = parseCsv('# comment\r\n"1",  "x,""y"""\r\nNA,z\r\n', {
      header: false,
      comment: '#',
      naValues: ['NA'],
      columns: [0],
    });
    expect(t.columns).toEqual(['0']);
    expect(t.rowCount).toBe(2);
    expect(Array.from(t.column('0'))).toEqual([1, Number.NaN]);
    const semi = parseCsv('a;b\n1;"multi\nline"\n2;x\n', { delimiter: ';', columns: ['a'] });
    expect(Array.from(semi.column('a'))).toEqual([1, 2]);
  });

  it('names the file, the line and the column of a cell that is not a number', async () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'a,b\n1,2\n\n3,abc\n');
    const err = await readCsv(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CsvFormatError);
    expect(err).toMatchObject({ file: path, line: 4, column: 'b', code: 'CSV_FORMAT' });
    expect((err as Error).message).toBe(`${path} line 4, column "b": "abc" is not a number`);
    for (const cell of ['', ' ', '0x1f', 'Infinity', '1,5']) {
      expect(() => parseCsv(`a\n"${cell}"\n`, { name: 'cells.csv' }), cell).toThrow(
        /cells\.csv line 2, column "a"/,
      );
    }
  });

  it('names the line of a row with the wrong number of fields, an unknown column, an open quote', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n', { name: 'f.csv' })).toThrow(
      'f.csv line 3: the row has 1 field, the header has 2',
    );
    expect(() => parseCsv('a,b\n1,2\n', { name: 'f.csv', columns: ['c'] })).toThrow(
      /f\.csv: no column "c" \(columns: a, b\)/,
    );
    expect(() => parseCsv('a,b\n1,"2\n', { name: 'f.csv' })).toThrow(
      'f.csv line 2: a quoted field is never closed',
    );
    expect(() => parseCsv('', { name: 'empty.csv' })).toThrow('empty.csv: the file has no rows');
  });
});
