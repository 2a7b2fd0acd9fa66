import { describe, expect, it } from 'vitest';
import { SampleRing } from './sample-ring';

const ramp = (from: number, count: number) => Float32Array.from({ length: count }, (_, i) => from + i);

describe('SampleRing', () => {
  it('hands over every sample in order across many wraps', () => {
    const ring = new SampleRing(SampleRing.allocate(8, true));
    const got: number[] = [];
    let next = 0;
    for (let round = 0; round < 50; round++) {
      const size = 1 + (round % 5);
      expect(ring.write(ramp(next, size))).toBe(size);
      next += size;
      got.push(...ring.read(round % 3 === 0 ? 2 : undefined));
    }
    got.push(...ring.read());
    expect(got).toEqual(Array.from({ length: next }, (_, i) => i));
    expect(ring.dropped).toBe(0);
  });

  it('drops and counts what does not fit, never overwriting unread samples', () => {
    const ring = new SampleRing(SampleRing.allocate(4, false));
    expect(ring.write(ramp(0, 3))).toBe(3);
    expect(ring.write(ramp(3, 3))).toBe(1);
    expect(ring.dropped).toBe(2);
    expect(ring.available).toBe(4);
    expect(Array.from(ring.read())).toEqual([0, 1, 2, 3]);
    expect(ring.write(ramp(10, 2))).toBe(2);
    expect(Array.from(ring.read())).toEqual([10, 11]);
  });

  it('stays right when the 32-bit counters wrap', () => {
    const buffer = SampleRing.allocate(16, true);
    const header = new Int32Array(buffer, 0, 4);
    header[0] = header[1] = 2 ** 31 - 5;
    const ring = new SampleRing(buffer);
    const got: number[] = [];
    for (let i = 0; i < 10; i++) {
      ring.write(ramp(i * 3, 3));
      got.push(...ring.read());
    }
    expect(got).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('refuses a capacity that is not a power of two', () => {
    expect(() => new SampleRing(new ArrayBuffer(16 + 4 * 6))).toThrow(RangeError);
  });
});
