/**
 * soxr's MULT32: one input sample in its 32.32 fixed-point clock. soxr steps its polyphase stage in
 * this clock, and so also judges a ratio rational when it is one to within the clock's resolution.
 */
export const MULT32 = 4294967296;

/** A position or step in the clock, as a whole part and a fraction in [0, MULT32). */
export interface FixedPoint {
  readonly whole: number;
  readonly fraction: number;
}

/** `value` input samples in the clock, rounded to the nearest tick as soxr does. */
export function toFixedPoint(value: number): FixedPoint {
  const ticks = value * MULT32 + 0.5;
  const whole = Math.floor(ticks / MULT32);
  return { whole, fraction: Math.floor(ticks - whole * MULT32) };
}
