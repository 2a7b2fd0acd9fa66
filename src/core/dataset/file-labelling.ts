/** Which rule gave a file its label. */
export type LabelSource = 'manifest' | 'ravdess' | 'tess' | 'savee' | 'crema-d' | 'emodb' | 'folder' | 'thesis';

/** A file's label and speaker, and the rule that decided them. */
export interface FileLabel {
  readonly label: string;
  /** Namespaced by corpus (`ravdess:01`, `emodb:03`), so two corpora never share a speaker by accident; null when unknown. */
  readonly speaker: string | null;
  readonly source: LabelSource;
  /** What decided, for users: `RAVDESS name (emotion 05, actor 01)`, `folder "Train/Angry"`, `manifest "labels.csv", line 4`. */
  readonly rule: string;
}

/** Why a file has no label, as a sentence for users. */
export interface FileLabelProblem {
  readonly problem: string;
}

export type FileLabelling = FileLabel | FileLabelProblem;

export function isLabelled(labelling: FileLabelling): labelling is FileLabel {
  return 'label' in labelling;
}
