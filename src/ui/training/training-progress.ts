/** Overall progress of a run in batches, and the time left at the pace so far (an upper bound when early stopping may end it sooner). */
export function trainingProgress(
  position: { epoch: number; batch: number } | null,
  epochs: number,
  batchesPerEpoch: number,
  elapsedSeconds: number,
): { done: number; total: number; etaSeconds: number | null } {
  const total = Math.max(1, epochs * batchesPerEpoch);
  const done = position === null ? 0 : Math.min(total, (position.epoch - 1) * batchesPerEpoch + position.batch + 1);
  const etaSeconds = done === 0 ? null : (elapsedSeconds / done) * (total - done);
  return { done, total, etaSeconds };
}
