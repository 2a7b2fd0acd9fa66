/** Below this peak (-60 dBFS) a clip holds no voice worth predicting: digital silence or a dead microphone. */
export const SILENCE_PEAK = 0.001;

/** Whether no sample of the clip reaches -60 dBFS. */
export function isSilent(samples: Float32Array): boolean {
  for (const sample of samples) if (Math.abs(sample) >= SILENCE_PEAK) return false;
  return true;
}

export const SILENT_CLIP_REASON = 'it is silent (no sample reaches -60 dBFS), so there is no voice to predict';
