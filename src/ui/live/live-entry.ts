import type { LiveUpdate } from '../../core/stream/live-engine';

/** One update as the page keeps it: the worker's update, the smoothed probabilities shown, and the on-screen latency. */
export interface LiveEntry {
  readonly update: LiveUpdate;
  /** Null for silence. */
  readonly smoothed: readonly number[] | null;
  /** From the window's last sample to the label on screen, in ms; null until measured. */
  readonly latencyMs: number | null;
}
