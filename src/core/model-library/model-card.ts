import type { MaskingOptions } from '../model/spec-augment';
import type { EvaluationMetrics } from './evaluation-metrics';
import type { ModelMetadata } from './model-metadata';

/** What a model card says beyond the metadata: where the data came from and who was held out. */
export interface ModelCardContext {
  /** One line per corpus: name, what was used, licence, citation. */
  readonly data: readonly string[];
  readonly validationSpeakers: readonly string[];
  readonly testSpeakers: readonly string[];
  /** What happened to labels the model has no class for (calm, boredom) and why. */
  readonly labelNotes: readonly string[];
  readonly licence: string;
  /** How to reproduce it: the command and its settings. */
  readonly reproduce: string;
  /** What may flatter the held-out figures, and checks made elsewhere: a section of its own when given. */
  readonly trust?: readonly string[];
  /** Scores per group of held-out speakers (per corpus), when measured. */
  readonly groups?: readonly {
    readonly group: string;
    readonly files: number;
    readonly uar: number;
    readonly accuracy: number;
    readonly ece?: number;
    readonly answered?: number;
    readonly answeredAccuracy?: number;
  }[];
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** A model card in Markdown: data and licences, split, per-class metrics and confusion matrices, features, training. */
export function modelCardMarkdown(metadata: ModelMetadata, context: ModelCardContext): string {
  const { training, featureConfig: config } = metadata;
  const lines = [
    `# Model card: ${metadata.name}`,
    '',
    `The thesis's 1-D CNN (Conv1D 256/128/64, kernel 5, BatchNorm, MaxPool 2, Dropout 0.3, Dense 64 with L2, softmax) over ${metadata.labels.length} emotions: ${metadata.labels.join(', ')}. Trained in the browser by SER Studio ${metadata.appVersion} on ${metadata.createdAt.slice(0, 10)}.`,
    '',
    '## Data and licences',
    '',
    ...context.data.map((line) => `- ${line}`),
    '',
    `Licence of this model: ${context.licence}`,
    '',
    ...context.labelNotes.map((line) => `- ${line}`),
    '',
    'Training files per emotion (before augmentation): ' + Object.entries(metadata.dataset.filesPerLabel).map(([label, count]) => `${label} ${count}`).join(', ') + '.',
    '',
    '## Split (speaker-independent)',
    '',
    `- Validation speakers (early stopping chose the epoch on them, so their figures lean optimistic): ${context.validationSpeakers.join(', ') || 'none'}.`,
    `- Test speakers (never seen in training, nor used to choose the epoch): ${context.testSpeakers.join(', ') || 'none'}.`,
    `- Every other speaker trained. Split kind ${metadata.split.kind}, seed ${metadata.split.seed}.`,
    '',
    ...(context.groups && context.groups.length > 0
      ? [
          '## Per corpus, held-out speakers',
          '',
          '| speakers | files | UAR | accuracy | calibration error (ECE) | answered (not "unsure") | accuracy of answers |',
          '| --- | --- | --- | --- | --- | --- | --- |',
          ...context.groups.map((group) => `| ${group.group} | ${group.files} | ${percent(group.uar)} | ${percent(group.accuracy)} | ${group.ece?.toFixed(3) ?? '-'} | ${group.answered === undefined ? '-' : percent(group.answered)} | ${group.answeredAccuracy === undefined ? '-' : percent(group.answeredAccuracy)} |`),
          '',
        ]
      : []),
    ...calibrationSection(metadata),
    ...(context.trust && context.trust.length > 0 ? ['## How far to trust these figures', '', ...context.trust.map((line) => `- ${line}`), ''] : []),
    ...(metadata.metrics.test ? metricsSection('Test (held-out speakers)', metadata.metrics.test, metadata.labels) : []),
    ...metricsSection('Validation (held-out speakers)', metadata.metrics.validation, metadata.labels),
    '## Features',
    '',
    `${config.modelInput === 'log-mel' ? `librosa-compatible log-mel spectrogram in dB: ${config.nMels} bands` : `librosa-compatible MFCC: ${config.nMfcc} coefficients`} × ${config.fixedLength === null ? 'the whole clip' : `${Math.round(((config.fixedLength / config.hopLength) + 1))} frames (${(config.fixedLength / config.sampleRate).toFixed(1)} s)`} at ${config.sampleRate} Hz; n_fft ${config.nFft}, hop ${config.hopLength}, ${config.nMels} ${config.melScale} mel bands, top_db ${config.topDb}. Inputs standardised per bin with the training set's mean and standard deviation (in the metadata). Longer clips are predicted over 4.2 s windows every 2.1 s, probabilities averaged.`,
    '',
    '## Training',
    '',
    `${training.epochsRun} of up to ${training.epochsAsked} epochs, batch ${training.batchSize}, Adam at ${training.learningRate}, class weights ${training.classWeights ? 'on' : 'off'}, ${averagingText(training.weightAveraging)}, ${maskingText(training.masking)}, ${training.augmentation.copies} augmented ${training.augmentation.copies === 1 ? 'copy' : 'copies'} per training clip (${training.augmentation.kinds.join(', ') || 'none'}); ${Math.round(metadata.trainingSeconds / 60)} min on the ${metadata.backend} backend.`,
    '',
    '## Reproduce',
    '',
    context.reproduce,
    '',
  ];
  return lines.join('\n');
}

function metricsSection(title: string, metrics: EvaluationMetrics, labels: readonly string[]): string[] {
  const total = metrics.classes.reduce((sum, scores) => sum + scores.support, 0);
  return [
    `## ${title}`,
    '',
    `${total} files: unweighted average recall **${percent(metrics.unweightedAverageRecall)}**, accuracy ${percent(metrics.accuracy)}, macro-F1 ${percent(metrics.macroF1)}.`,
    '',
    '| emotion | precision | recall | F1 | files |',
    '| --- | --- | --- | --- | --- |',
    ...metrics.classes.map((scores) => `| ${scores.label} | ${percent(scores.precision)} | ${percent(scores.recall)} | ${percent(scores.f1)} | ${scores.support} |`),
    '',
    'Confusion matrix (true emotion in rows, predicted in columns):',
    '',
    `| true \\ predicted | ${labels.join(' | ')} |`,
    `| --- | ${labels.map(() => '---').join(' | ')} |`,
    ...metrics.confusionMatrix.map((row, index) => `| ${labels[index]} | ${row.join(' | ')} |`),
    '',
  ];
}

function calibrationSection({ calibration }: ModelMetadata): string[] {
  if (calibration === undefined) return [];
  const fit = calibration.validation;
  return [
    '## Confidence',
    '',
    `Probabilities are calibrated by temperature scaling (T = ${calibration.temperature.toFixed(3)}), fitted on the ${fit.clips} validation clips: their expected calibration error (10 bins) went from ${fit.eceBefore.toFixed(3)} to ${fit.eceAfter.toFixed(3)}. A clip whose top probability is below ${percent(calibration.unsureBelow)} is answered "unsure" with its two likeliest emotions: the lowest threshold at which the validation clips still answered were right ${percent(fit.targetAccuracy)} of the time (there: ${percent(fit.answered)} answered, ${percent(fit.answeredAccuracy)} of them right). Clips the speech check finds no voice in (noise, tones, clicks, music) are answered "no speech found".`,
    '',
  ];
}

function averagingText(decay: number | undefined): string {
  return decay ? `the weights averaged over training steps (exponential moving average, decay ${decay} per step)` : 'no weight averaging';
}

function maskingText(masking: MaskingOptions | null | undefined): string {
  if (!masking) return 'no masking';
  return `SpecAugment masking (${masking.coefficientMasks} bands of up to ${masking.maxCoefficients} coefficients and ${masking.frameMasks} spans of up to ${masking.maxFrames} frames per sample)`;
}
