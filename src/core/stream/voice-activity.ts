/** Level of a stretch of audio in dB relative to full scale (RMS); -Infinity for digital silence. */
export function levelDbfs(samples: Float32Array): number {
  if (samples.length === 0) return Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return 10 * Math.log10(sum / samples.length);
}

/**
 * Energy-based voice activity: a stretch is speech when its level reaches the threshold. -45 dBFS
 * sits above a quiet room through a laptop microphone (-60 to -50) and well below speech at arm's
 * length (-35 to -15); users with a noisy room raise it.
 */
export const DEFAULT_VOICE_THRESHOLD_DB = -45;

export function isVoiced(levelDb: number, thresholdDb: number): boolean {
  return levelDb >= thresholdDb;
}
