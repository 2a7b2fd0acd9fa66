import { describe, expect, it } from 'vitest';
import { parseDelimitedText } from '../dataset/delimited-text';
import { csvText } from './csv-text';

describe('csvText', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(csvText(['file', 'p'], [['a.wav', 0.5], ['b.wav', null]])).toBe('file,p\r\na.wav,0.5\r\nb.wav,\r\n');
  });

  it('quotes commas, quotes and line breaks, and round-trips through the manifest reader', () => {
    const awkward = ['a, "b".wav', 'line\nbreak.wav', 'plain.wav'];
    const text = csvText(['file'], awkward.map((name) => [name]));
    expect(text).toContain('"a, ""b"".wav"');
    const parsed = parseDelimitedText(text, ',');
    expect(parsed.rows.slice(1).map((row) => row.fields[0])).toEqual(awkward);
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvText(['x'], [['=HYPERLINK("x")'], ['+1'], ['@a'], [-0.25]])).toBe('x\r\n"\'=HYPERLINK(""x"")"\r\n\'+1\r\n\'@a\r\n-0.25\r\n');
  });
});
