import { foldLabel } from '../dataset/emotion-vocabulary';
import { type FileLabelling, isLabelled } from '../dataset/file-labelling';
import { labelFromName } from '../dataset/label-file';

/**
 * What a file's name, folder or manifest says its emotion is, against a model's labels: a label
 * the model knows, or one it does not (reported as it is, never guessed onto a class).
 */
export type TrueLabel =
  | { readonly kind: 'known'; readonly label: string; readonly rule: string }
  | { readonly kind: 'unknown'; readonly label: string; readonly rule: string };

/** The true label a labelling gives, onto the model's labels; null when it gives none. */
export function trueLabelFrom(labelling: FileLabelling, modelLabels: readonly string[]): TrueLabel | null {
  if (!isLabelled(labelling)) return null;
  const folded = foldLabel(labelling.label);
  const known = modelLabels.find((label) => foldLabel(label) === folded);
  return known === undefined
    ? { kind: 'unknown', label: labelling.label, rule: labelling.rule }
    : { kind: 'known', label: known, rule: labelling.rule };
}

/** The true label a path tells by its name or folder, or null when it tells none. */
export function trueLabelOf(path: string, modelLabels: readonly string[]): TrueLabel | null {
  return trueLabelFrom(labelFromName(path), modelLabels);
}
