// Test-only: the team's corpora as file names (src/fixtures/corpora-file-list.txt), labelled.
import { readFileSync } from 'node:fs';
import { fixturePath } from '../../fixtures/fixtures';
import { isLabelled } from './file-labelling';
import { labelDatasetFiles, type LabelledPath } from './label-dataset-files';

/** The 3,135 paths: RAVDESS actors 1-20, half of TESS, EMO-DB. */
export function corporaPaths(): string[] {
  return readFileSync(fixturePath('corpora-file-list.txt'), 'utf8').split('\n').filter((line) => line !== '');
}

export interface CorpusFile {
  readonly path: string;
  readonly label: string;
  readonly speaker: string | null;
  readonly source: string;
}

/** Every path labelled; throws if any has no label, so tests can rely on it. */
export function labelledCorpora(): CorpusFile[] {
  return labelDatasetFiles(corporaPaths()).files.map(({ path, labelling }: LabelledPath) => {
    if (!isLabelled(labelling)) throw new Error(`${path}: ${labelling.problem}`);
    return { path, label: labelling.label, speaker: labelling.speaker, source: labelling.source };
  });
}
