import { periodicHann } from '../features/hann-window';

const windows = new Map<number, Float64Array>();

/** scipy's periodic Hann window of `size` (librosa's window='hann'), built once per size; read only. */
export function sharedPeriodicHann(size: number): Float64Array {
  let window = windows.get(size);
  if (!window) {
    window = periodicHann(size);
    windows.set(size, window);
  }
  return window;
}
