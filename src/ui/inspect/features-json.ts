import type { FeatureConfig } from '../../core/features/feature-config';
import type { FeatureMatrix } from '../../core/features/feature-matrix';
import type { AudioInfo } from '../../../workers/protocol';
import type { AudioAnalysis } from '../analysis/audio-analysis-client';

/** What "Download features (JSON)" saves: readable in Python as np.array(doc['mfcc']) with librosa's shape. */
export interface FeaturesDocument {
  readonly generator: 'SER Studio';
  readonly version: 1;
  readonly source: AudioInfo;
  readonly config: FeatureConfig;
  readonly layout: string;
  /** nMfcc rows x frames. */
  readonly mfcc: number[][];
  /** nMels rows x frames, in dB. */
  readonly logMel: number[][];
}

/** [bin][frame] rows from a time-major matrix: the layout librosa.feature.mfcc returns. */
export function binRows(matrix: FeatureMatrix): number[][] {
  const rows = Array.from({ length: matrix.bins }, () => new Array<number>(matrix.frames));
  for (let t = 0; t < matrix.frames; t++) {
    for (let b = 0; b < matrix.bins; b++) rows[b][t] = matrix.data[t * matrix.bins + b];
  }
  return rows;
}

export function featuresDocument(analysis: AudioAnalysis): FeaturesDocument {
  return {
    generator: 'SER Studio',
    version: 1,
    source: analysis.info,
    config: analysis.config,
    layout: 'mfcc[coefficient][frame] and logMel[band][frame] (dB), as librosa returns them',
    mfcc: binRows(analysis.mfcc),
    logMel: binRows(analysis.logMel),
  };
}

/** "clip.wav" becomes "clip.features.json". */
export function featuresFileName(fileName: string): string {
  const base = fileName.replace(/\.[^./\\]*$/, '') || 'audio';
  return `${base}.features.json`;
}
