/** How far preparing a training set has come. */
export interface TrainingDataProgress {
  /** Training clips whose augmented copies are needed, and how many of them are done. */
  readonly clipsTotal: number;
  readonly clipsDone: number;
  /** Augmented copies computed now, and taken from the feature cache. */
  readonly copiesComputed: number;
  readonly copiesFromCache: number;
  /** Seconds still to go at the pace so far; null until there is a pace. */
  readonly etaSeconds: number | null;
}

const REPORT_INTERVAL_MS = 100;

/** Counts the work and reports a snapshot at most ten times a second. */
export class TrainingDataProgressCounter {
  #clipsTotal = 0;
  #clipsDone = 0;
  #copiesComputed = 0;
  #copiesFromCache = 0;
  #lastReportAt = -Infinity;
  readonly #startedAt: number;
  readonly #report: (progress: TrainingDataProgress) => void;
  readonly #now: () => number;

  constructor(report: (progress: TrainingDataProgress) => void, now: () => number = () => performance.now()) {
    this.#report = report;
    this.#now = now;
    this.#startedAt = now();
  }

  start(clips: number): void {
    this.#clipsTotal = clips;
    this.#maybeReport(true);
  }

  clipDone(computed: number, fromCache: number): void {
    this.#clipsDone++;
    this.#copiesComputed += computed;
    this.#copiesFromCache += fromCache;
    this.#maybeReport(this.#clipsDone === this.#clipsTotal);
  }

  snapshot(): TrainingDataProgress {
    return {
      clipsTotal: this.#clipsTotal,
      clipsDone: this.#clipsDone,
      copiesComputed: this.#copiesComputed,
      copiesFromCache: this.#copiesFromCache,
      etaSeconds: this.#etaSeconds(),
    };
  }

  #etaSeconds(): number | null {
    if (this.#clipsDone === 0) return null;
    const elapsed = (this.#now() - this.#startedAt) / 1000;
    return (elapsed / this.#clipsDone) * (this.#clipsTotal - this.#clipsDone);
  }

  #maybeReport(always: boolean): void {
    const now = this.#now();
    if (!always && now - this.#lastReportAt < REPORT_INTERVAL_MS) return;
    this.#lastReportAt = now;
    this.#report(this.snapshot());
  }
}
