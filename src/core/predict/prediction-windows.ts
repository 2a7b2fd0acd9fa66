/** Where one window of a clip starts and ends, in samples of the model's rate. */
export interface WindowSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * The windows a clip is predicted over: one window when the clip fits the model's window (the
 * features are then exactly those the model was trained on: the clip padded at the end); otherwise
 * windows every `hop` samples from the start, and a last one that ends where the clip ends, so
 * every sample is heard and no window is mostly padding.
 */
export function predictionWindows(length: number, window: number, hop: number): WindowSpan[] {
  if (!(window > 0) || !(hop > 0)) throw new RangeError(`Window (${window}) and hop (${hop}) must be positive.`);
  if (length <= window) return [{ start: 0, end: length }];
  const spans: WindowSpan[] = [];
  for (let start = 0; start + window < length; start += hop) spans.push({ start, end: start + window });
  spans.push({ start: length - window, end: length });
  return spans;
}
