import type { DatasetProgress } from './protocol';

/** Reports at most this often: enough for a smooth bar, few enough messages to cost nothing. */
const REPORT_INTERVAL_MS = 100;

type Step = 'read' | 'decoded' | 'featurised' | 'skipped' | 'fromCache';

/**
 * Counts a dataset load's steps and hands a snapshot, with an estimate of the time left, to
 * `report` no more than ten times a second.
 */
export class DatasetProgressCounter {
  #counts = { read: 0, decoded: 0, featurised: 0, skipped: 0, fromCache: 0 };
  #entriesTotal = 0;
  #startedAt: number;
  #lastReportAt = -Infinity;
  readonly #report: (progress: DatasetProgress) => void;
  readonly #now: () => number;

  constructor(report: (progress: DatasetProgress) => void, now: () => number = () => performance.now()) {
    this.#report = report;
    this.#now = now;
    this.#startedAt = now();
  }

  addEntries(count: number): void {
    this.#entriesTotal += count;
    this.#maybeReport();
  }

  count(step: Step): void {
    this.#counts[step]++;
    this.#maybeReport();
  }

  snapshot(): DatasetProgress {
    return { entriesTotal: this.#entriesTotal, ...this.#counts, etaSeconds: this.#etaSeconds() };
  }

  #etaSeconds(): number | null {
    const done = this.#counts.featurised + this.#counts.skipped;
    if (done === 0) return null;
    const elapsedSeconds = (this.#now() - this.#startedAt) / 1000;
    return (elapsedSeconds / done) * Math.max(0, this.#entriesTotal - done);
  }

  #maybeReport(): void {
    const now = this.#now();
    if (now - this.#lastReportAt < REPORT_INTERVAL_MS) return;
    this.#lastReportAt = now;
    this.#report(this.snapshot());
  }
}
