import type { SplitKind } from '../../core/dataset/split-options';
import type { ModelMetadata } from '../../core/model-library/model-metadata';
import { formatDuration } from '../dataset/format-duration';
import { formatPercent } from '../training/format-score';

/** The split kinds as the model list names them; the leaky one is flagged where it is shown. */
export const SPLIT_KIND_NAMES: Readonly<Record<SplitKind, string>> = {
  speaker: 'by speaker',
  file: 'by file',
  'random-leaky': 'random (leaky)',
};

export const LEAKY_SPLIT_NOTE = 'The random split puts the same speakers, and copies of the same clips, on both sides, so these scores are optimistic.';

/** What a model's row shows, as text. */
export interface ModelSummary {
  readonly created: string;
  readonly labels: string;
  readonly validation: string;
  readonly test: string | null;
  readonly split: string;
  readonly leaky: boolean;
  readonly trainingTime: string;
  readonly dataset: string;
}

export function summariseModel(metadata: ModelMetadata, locale?: string): ModelSummary {
  const { validation, test } = metadata.metrics;
  return {
    created: formatCreated(metadata.createdAt, locale),
    labels: metadata.labels.join(', '),
    validation: scores(validation),
    test: test === undefined ? null : scores(test),
    split: `${SPLIT_KIND_NAMES[metadata.split.kind]}, seed ${metadata.split.seed}`,
    leaky: metadata.split.kind === 'random-leaky',
    trainingTime: `${formatDuration(metadata.trainingSeconds)} on ${metadata.backend}, ${metadata.training.epochsRun} of ${metadata.training.epochsAsked} epochs`,
    dataset: describeDataset(metadata.dataset),
  };
}

function describeDataset({ filesPerLabel, speakers, sourceArchives }: ModelMetadata['dataset']): string {
  const files = Object.values(filesPerLabel).reduce((sum, count) => sum + count, 0);
  const sources = sourceArchives.length === 0 ? '' : ` from ${sourceArchives.join(', ')}`;
  return `${files} training ${files === 1 ? 'file' : 'files'}${sources}, ${speakers.length} ${speakers.length === 1 ? 'speaker' : 'speakers'}`;
}

function scores(metrics: { readonly unweightedAverageRecall: number; readonly accuracy: number }): string {
  return `UAR ${formatPercent(metrics.unweightedAverageRecall)}, accuracy ${formatPercent(metrics.accuracy)}`;
}

function formatCreated(iso: string, locale: string | undefined): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A file name from a model name: lower case, letters and digits joined by '-' ("Thesis CNN #2" → "thesis-cnn-2"). */
export function modelFileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return stem === '' ? 'model' : stem;
}
