import type { FeatureConfig } from '../../src/core/features/feature-config';
import type { FeatureExtractor } from '../../src/core/features/feature-extractor';
import type { ClipFeatures, ClipJob } from './clip-job';
import { featuriseClip } from './featurise-clip';

/** Something that turns clip jobs into features: here, in this thread, or on a pool of workers. */
export interface Featuriser {
  /** How many jobs it works on at once: callers keep about this many (or twice as many) in flight. */
  readonly capacity: number;
  /** The parameters every feature it makes is computed with. */
  readonly config: FeatureConfig;
  featurise(job: ClipJob): Promise<ClipFeatures>;
  dispose(): void;
}

/** Featurises in the calling thread, one job at a time: Node tests, and machines with one core. */
export class LocalFeaturiser implements Featuriser {
  readonly capacity = 1;
  readonly #extractor: FeatureExtractor;

  constructor(extractor: FeatureExtractor) {
    this.#extractor = extractor;
  }

  get config(): FeatureConfig {
    return this.#extractor.config;
  }

  featurise(job: ClipJob): Promise<ClipFeatures> {
    return featuriseClip(job, this.#extractor);
  }

  dispose(): void {}
}
