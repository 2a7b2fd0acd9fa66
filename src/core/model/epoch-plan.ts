import { SeededRandom } from '../random/seeded-random';

/**
 * The random choices of one epoch, derived from (seed, epoch) alone, so a run resumed at any
 * epoch draws exactly what an uninterrupted run would: the sample order, then the dropout seeds.
 */
export class EpochPlan {
  readonly order: number[];
  /** Draws the masks of SpecAugment, a stream of its own so that masking leaves the order and dropout alone. */
  readonly maskRandom: SeededRandom;
  private readonly random: SeededRandom;

  constructor(seed: number, epoch: number, sampleCount: number) {
    this.random = SeededRandom.derive(seed, `train-epoch-${epoch}`);
    this.maskRandom = SeededRandom.derive(seed, `train-masks-${epoch}`);
    this.order = this.random.shuffle(Array.from({ length: sampleCount }, (_, i) => i));
  }

  /** Fresh seeds for each dropout layer of the next step. */
  dropoutSeeds(count: number): number[] {
    return Array.from({ length: count }, () => this.random.nextInt(0x7fffffff));
  }
}
