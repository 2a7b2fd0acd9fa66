import type { FeatureConfig } from '../../core/features/feature-config';
import { formatDuration } from './audio-facts';

// Durations closer than this are "the same" on screen, where they are shown to 0.01 s.
const TOLERANCE_SECONDS = 0.005;

/** How the audio fills the window the features cover: the thesis's 4.2 s, or the whole clip. */
export interface ClipWindow {
  /** Seconds the features cover. */
  readonly seconds: number;
  /** Where the audio ends, as a fraction of the window, when silence was added after it; else null. */
  readonly audioEnds: number | null;
  /** "4.2 s", "the first 4.2 s of 5.31 s" or "4.2 s, silence after 2.57 s". */
  readonly description: string;
}

export function clipWindow(config: FeatureConfig, frames: number, duration: number): ClipWindow {
  const seconds = (config.fixedLength ?? frames * config.hopLength) / config.sampleRate;
  const window = `${seconds.toFixed(1)} s`;
  if (duration > seconds + TOLERANCE_SECONDS) {
    return { seconds, audioEnds: null, description: `the first ${window} of ${formatDuration(duration)}` };
  }
  if (duration < seconds - TOLERANCE_SECONDS) {
    return { seconds, audioEnds: duration / seconds, description: `${window}, silence after ${formatDuration(duration)}` };
  }
  return { seconds, audioEnds: null, description: window };
}
