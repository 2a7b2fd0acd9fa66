import { describe, expect, it } from 'vitest';
import { formatByteSize } from './byte-size';

describe('formatByteSize', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [999, '999 bytes'],
    [1300, '1.3 kB'],
    [999_600, '1 MB'],
    [12_345_678, '12 MB'],
    [4e9, '4 GB'],
    [5.25e9, '5.3 GB'],
    [Number.POSITIVE_INFINITY, 'an impossibly large size'],
  ])('%d bytes read as %s', (bytes, text) => {
    expect(formatByteSize(bytes)).toBe(text);
  });
});
