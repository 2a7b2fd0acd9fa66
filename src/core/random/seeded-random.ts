/** mulberry32's state step: its state is a counter, so draw k + 1 depends only on seed + (k + 1)·STEP. */
const STEP = 0x6d2b79f5;

/**
 * A small, fast, seedable random source (mulberry32), so that splits and augmentations are the
 * same for the same seed on every machine and in every worker.
 */
export class SeededRandom {
  /** Kept as int32 bits (a small integer to V8, so stores do not box a double). */
  private state: number;
  private spareGaussian: number | null = null;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    const s = (this.state + STEP) | 0;
    this.state = s;
    return (mix(s) >>> 0) / 4294967296;
  }

  /**
   * The generator's state as int32 bits, for a kernel that draws the same stream itself (draw k + 1
   * is mulberry32's output of state + (k + 1)·0x6d2b79f5); `skip` then moves past what it drew.
   */
  stateWord(): number {
    return this.state;
  }

  /** Moves the stream on by `count` draws (count < 2^31), as that many calls of next() would. */
  skip(count: number): void {
    this.state = (this.state + Math.imul(count, STEP)) | 0;
  }

  /** Integer in [0, bound). */
  nextInt(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  /** Standard normal, by the Box-Muller transform (pairs are cached). */
  gaussian(): number {
    if (this.spareGaussian !== null) {
      const spare = this.spareGaussian;
      this.spareGaussian = null;
      return spare;
    }
    const u = 1 - this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareGaussian = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }

  /** Fisher-Yates shuffle in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** An independent stream derived from this seed and a label, e.g. one per file and augmentation. */
  static derive(seed: number, label: string): SeededRandom {
    let h = (seed ^ 0x9e3779b9) >>> 0;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
    return new SeededRandom(h);
  }
}

/** mulberry32's output function of a state, as int32 bits. */
function mix(state: number): number {
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return t ^ (t >>> 14);
}
