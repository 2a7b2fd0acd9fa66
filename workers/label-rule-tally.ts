import type { LabelledPath, LabelSource } from '../src/core/dataset';
import type { LabelRuleTally } from './protocol';

const RULE_NAMES: Record<LabelSource, string> = {
  manifest: 'label manifest (CSV/TSV)',
  ravdess: 'RAVDESS name',
  tess: 'TESS name',
  savee: 'SAVEE name',
  'crema-d': 'CREMA-D name',
  emodb: 'EMO-DB name',
  folder: 'emotion folder',
  thesis: 'thesis short name',
};

/** How many files each rule labelled, with the first such file's path as the example, most used first. */
export function tallyLabelRules(files: readonly LabelledPath[]): LabelRuleTally[] {
  const tallies = new Map<LabelSource, { files: number; example: string }>();
  for (const { path, labelling } of files) {
    if (!('label' in labelling)) continue;
    const tally = tallies.get(labelling.source);
    if (tally) tally.files++;
    else tallies.set(labelling.source, { files: 1, example: path });
  }
  return [...tallies]
    .map(([source, { files, example }]) => ({ rule: RULE_NAMES[source], files, example }))
    .sort((a, b) => b.files - a.files || a.rule.localeCompare(b.rule));
}
