import type { FileLabelling } from './file-labelling';

/** Why a file takes no part in training and evaluation. */
export type SkipKind = 'not-audio' | 'undecodable' | 'no-label' | 'dropped-label' | 'too-short';

export interface SkipReason {
  readonly kind: SkipKind;
  /** A sentence for users. */
  readonly message: string;
}

/** One file of a dataset, as the report, the label mapping and the split see it. */
export interface DatasetItem {
  /** Entry path inside its ZIP; prefixed with the ZIP's name once datasets are merged. */
  readonly path: string;
  readonly label: string | null;
  readonly speaker: string | null;
  readonly durationSeconds: number | null;
  /** `audioFingerprint` of the decoded samples: equal for exact duplicates. */
  readonly fingerprint: string | null;
  readonly skipped?: SkipReason;
}

/** What decoding a file found. */
export interface AudioFacts {
  readonly durationSeconds: number;
  readonly fingerprint: string;
}

/** An item from a file's labelling and its decoding: the audio's facts, or why it could not be used. */
export function datasetItem(path: string, labelling: FileLabelling, audio: AudioFacts | SkipReason): DatasetItem {
  const facts = 'kind' in audio ? { durationSeconds: null, fingerprint: null } : audio;
  if (!('label' in labelling)) {
    const skipped = 'kind' in audio ? audio : { kind: 'no-label' as const, message: labelling.problem };
    return { path, label: null, speaker: null, ...facts, skipped };
  }
  const item = { path, label: labelling.label, speaker: labelling.speaker, ...facts };
  return 'kind' in audio ? { ...item, skipped: audio } : item;
}
