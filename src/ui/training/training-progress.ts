/**
 * Overall progress of a run in batches, and the time left at the pace since this page started it
 * (`elapsedSeconds`, during which the batches after `firstBatch` were done): an upper bound when
 * early stopping may end the run sooner.
 */
export function trainingProgress(
  position: { epoch: number; batch: number } | null,
  epochs: number,
  batchesPerEpoch: number,
  elapsedSeconds: number,
  firstBatch = 0,
): { done: number; total: number; etaSeconds: number | null } {
  const total = Math.max(1, epochs * batchesPerEpoch);
  const done = position === null ? firstBatch : Math.min(total, (position.epoch - 1) * batchesPerEpoch + position.batch + 1);
  const doneHere = done - firstBatch;
  const etaSeconds = doneHere <= 0 ? null : (elapsedSeconds / doneHere) * (total - done);
  return { done, total, etaSeconds };
}
