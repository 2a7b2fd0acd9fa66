import { describe, expect, it } from 'vitest';
import { roundHalfEven } from './round-half-even';

describe("roundHalfEven (Python's round)", () => {
  it('takes ties to the even neighbour', () => {
    const cases: [number, number][] = [[0.5, 0], [1.5, 2], [2.5, 2], [3.5, 4], [-0.5, 0], [-1.5, -2], [-2.5, -2], [92610.5, 92610], [92611.5, 92612]];
    for (const [value, expected] of cases) expect(roundHalfEven(value) === expected, `round(${value})`).toBe(true);
  });

  it('rounds everything else to the nearest integer', () => {
    const cases: [number, number][] = [[0.49999999999999994, 0], [1.4, 1], [1.6, 2], [-1.4, -1], [-1.6, -2], [7, 7], [115762.5000001, 115763]];
    for (const [value, expected] of cases) expect(roundHalfEven(value), `round(${value})`).toBe(expected);
  });
});
