import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type CsvRow, readCsvRows } from './csv-row-stream.js';

async function rowsOf(text: string, chunkSize = 3): Promise<CsvRow[]> {
  const chunks: Buffer[] = [];
  const bytes = Buffer.from(text);
  for (let start = 0; start < bytes.length; start += chunkSize)
    chunks.push(bytes.subarray(start, start + chunkSize));
  const rows: CsvRow[] = [];
  for await (const row of readCsvRows({ stream: Readable.from(chunks), file: 'TEST.csv' })) rows.push(row);
  return rows;
}

describe('readCsvRows', () => {
  it('reads quoted comma files with physical line numbers across multi-line fields and blank lines', async () => {
    const rows = await rowsOf('\ufeffa,b\r\n1,"x\r\ny"\r\n\r\n3,"say ""hi"", twice"\r\n');
    expect(rows).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', 'x\r\ny'], line: 2 },
      { fields: ['3', 'say "hi", twice'], line: 5 },
    ]);
  });

  it('reads Athena tab files without quoting, so double quotes stay literal', async () => {
    const rows = await rowsOf('concept_id\tconcept_name\n1\t12" "ruler\n2\t"quoted"\n');
    expect(rows.map((row) => row.fields)).toEqual([
      ['concept_id', 'concept_name'],
      ['1', '12" "ruler'],
      ['2', '"quoted"'],
    ]);
  });

  it('reports a record with the wrong number of fields at its line', async () => {
    await expect(rowsOf('a,b\n1,2\n3\n')).rejects.toThrow(
      expect.objectContaining({
        code: 'invalid_row',
        message: 'TEST.csv:3: has 1 fields but the header has 2',
      }),
    );
  });

  it('reports a quote left open', async () => {
    await expect(rowsOf('a,b\n1,"open\n')).rejects.toThrow(expect.objectContaining({ code: 'invalid_row' }));
  });

  it('yields nothing for an empty file', async () => {
    expect(await rowsOf('')).toEqual([]);
  });
});
