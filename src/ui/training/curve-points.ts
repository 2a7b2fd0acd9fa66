/** One finished epoch's figures, as Keras's `onEpochEnd` logs them. */
export interface EpochPoint {
  /** 1-based. */
  readonly epoch: number;
  readonly loss: number;
  /** Fraction correct, 0 to 1. */
  readonly accuracy: number;
  /** null when there is no validation split. */
  readonly validationLoss: number | null;
  readonly validationAccuracy: number | null;
  /** Unweighted average recall on the validation set, what early stopping watches by default; null without one. */
  readonly validationUar?: number | null;
}

/** One training batch's loss, placed on the epoch axis. */
export interface BatchPoint {
  /** Position in epochs: see `batchPosition`. */
  readonly epoch: number;
  readonly loss: number;
}

/**
 * Where a batch sits on the epoch axis: batch `batch` (0-based) of `batchesPerEpoch` in epoch
 * `epoch` (1-based) ends at epoch - 1 + (batch + 1) / batchesPerEpoch, so an epoch's last batch
 * lands on the epoch's own point.
 */
export function batchPosition(epoch: number, batch: number, batchesPerEpoch: number): number {
  return epoch - 1 + (batch + 1) / batchesPerEpoch;
}
