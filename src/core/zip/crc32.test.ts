import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';

describe('crc32', () => {
  it('gives the standard check value and zero for no bytes', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('agrees with zlib for every length around the 8-byte steps, and when continued', () => {
    const bytes = Uint8Array.from({ length: 4099 }, (_, i) => (i * 2654435761) >>> 24);
    for (const length of [1, 7, 8, 9, 15, 16, 17, 1000, 4099]) {
      expect(crc32(bytes.subarray(0, length))).toBe(zlibCrc32(bytes.subarray(0, length)));
    }
    expect(crc32(bytes.subarray(13), crc32(bytes.subarray(0, 13)))).toBe(zlibCrc32(bytes));
  });
});
