// k-fold cross-validation by speaker with the app's own code (the Train page's recipe, in Node on
// wasm): the folds of `speakerFolds` (stratified by corpus and label; a corpus of fewer speakers
// than folds, TESS, trains in every fold), each fold trained with early stopping and calibration on
// its inner validation speakers and scored on its own speakers, which choose nothing.
// Prints each fold and the mean ± sd of UAR and accuracy, the pooled confusion matrix and per-class
// recall over folds, and writes bench/results/train-folds-TAG.json. With BASELINE=TAG2 it also
// prints the paired difference against that earlier run on the same folds.
// ZIP=path (default: ../shared/corpora zipped) FOLDS=5 TAG=default, and the recipe's settings as
// bench train-corpora takes them (EPOCHS, PATIENCE, COPIES, KINDS, SEED, ...).
import { existsSync, openAsBlob, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildDatasetReport, selectUsableItems, speakerFolds } from '../src/core/dataset';
import type { DatasetSplit } from '../src/core/dataset';
import { DEFAULT_FEATURE_CONFIG } from '../src/core/features/feature-config';
import { FeatureExtractor } from '../src/core/features/feature-extractor';
import { classificationReport } from '../src/core/metrics';
import { crossValidationSummary } from '../src/core/metrics/cross-validation-summary';
import { formatMeanSd, meanSd, pairedDifference } from '../src/core/metrics/fold-summary';
import { useWasmBackend } from '../src/core/model/use-wasm-backend';
import { LocalFeaturiser } from '../workers/features/featuriser';
import { loadDataset } from '../workers/load-dataset';
import type { TrainRequest } from '../workers/protocol';
import { prepareTrainingData } from '../workers/training-data/prepare-training-data';
import { runTraining } from '../workers/training/run-training';
import { printTable, type Row, writeResults } from './_report';
import { corporaZip, recipeFromEnvironment } from './_training';

const FOLDS = Number(process.env.FOLDS ?? '5');
const TAG = process.env.TAG ?? 'default';
const { settings, plan } = recipeFromEnvironment();

interface FoldResult {
  readonly fold: number;
  readonly testSpeakers: readonly string[];
  readonly validationSpeakers: readonly string[];
  readonly uar: number;
  readonly accuracy: number;
  readonly ece: number | null;
  readonly bestEpoch: number;
  readonly seconds: number;
  readonly matrix: readonly (readonly number[])[];
}

async function main(): Promise<void> {
  const zip = process.env.ZIP ?? corporaZip();
  if (zip === null || !existsSync(zip)) return console.log('No dataset: set ZIP=path, or run where ../shared/corpora is (development machines only).');
  const featuriser = new LocalFeaturiser(new FeatureExtractor(DEFAULT_FEATURE_CONFIG));
  const load = await loadDataset([new File([await openAsBlob(zip)], basename(zip))], featuriser);
  const report = buildDatasetReport(load.items);
  const { usable } = selectUsableItems(load.items, { mapping: report.mapping, minDurationSeconds: report.minDurationSeconds });
  const folds = speakerFolds(usable, { folds: FOLDS, seed: settings.seed });
  for (const warning of folds.warnings) console.log(warning);
  const labels = report.labels.map(({ label }) => label);
  await useWasmBackend({ wasmPaths: join(process.cwd(), 'node_modules/@tensorflow/tfjs-backend-wasm/dist/') });

  const results: FoldResult[] = [];
  for (const [fold, split] of folds.folds.entries()) {
    results.push(await trainFold(fold, split, usable, labels, { ...load, featuriser }));
    const last = results.at(-1)!;
    console.log(`fold ${fold + 1}/${FOLDS}: UAR ${(last.uar * 100).toFixed(1)}%, accuracy ${(last.accuracy * 100).toFixed(1)}%, ECE ${last.ece?.toFixed(3) ?? '-'}, best epoch ${last.bestEpoch}, ${Math.round(last.seconds)} s; tested on ${last.testSpeakers.join(' ')}`);
  }
  printReport(results, labels);
}

async function trainFold(fold: number, split: DatasetSplit, usable: ReturnType<typeof selectUsableItems>['usable'], labels: readonly string[], sources: Parameters<typeof prepareTrainingData>[3]): Promise<FoldResult> {
  const refs = (indices: readonly number[]) => indices.map((i) => ({ path: usable[i].path, label: labels.indexOf(usable[i].label) }));
  const sides = { train: refs(split.trainIndices), validation: refs(split.validationIndices), test: refs(split.testIndices) };
  const data = await prepareTrainingData(sides, plan, settings.seed, sources);
  const { train, validation, test } = split.summary.sides;
  const request: TrainRequest = {
    type: 'train',
    id: fold + 1,
    data,
    labels,
    settings,
    context: { sources: [], splitKind: 'speaker', splitSeed: settings.seed, augmentationCopies: plan.copies, augmentationKinds: plan.settings.kinds, files: { train: train.files, validation: validation.files, test: test.files }, trainFilesPerLabel: {}, speakers: [], trainingSpeakers: train.speakers },
  };
  const outcome = await runTraining(request, { name: 'wasm', threads: 1, reason: 'Node' }, {
    report: () => {},
    signal: new AbortController().signal,
    resumable: false,
    keepCheckpoint: async () => {},
    saveModel: async () => ({ saved: false, problem: 'not kept by the benchmark' }),
  });
  if (outcome === 'cancelled' || outcome.test === null) throw new Error(`fold ${fold + 1} has no test side`);
  return {
    fold,
    testSpeakers: test.speakers,
    validationSpeakers: validation.speakers,
    uar: outcome.test.report.unweightedAverageRecall,
    accuracy: outcome.test.report.accuracy,
    ece: outcome.test.calibration?.expectedCalibrationError ?? null,
    bestEpoch: outcome.bestEpoch,
    seconds: outcome.seconds,
    matrix: outcome.test.matrix.counts,
  };
}

function printReport(results: readonly FoldResult[], labels: readonly string[]): void {
  const summary = crossValidationSummary(results.map((result) => ({ labels, counts: result.matrix })));
  const rows: Row[] = results.map((result) => ({ fold: result.fold + 1, 'test speakers': result.testSpeakers.join(' '), UAR: (result.uar * 100).toFixed(1), accuracy: (result.accuracy * 100).toFixed(1), ECE: result.ece?.toFixed(3) ?? '-', 'best epoch': result.bestEpoch }));
  rows.push({ fold: 'mean ± sd', 'test speakers': '', UAR: formatMeanSd(summary.uar), accuracy: formatMeanSd(summary.accuracy), ECE: `${formatMeanSd(meanSd(results.flatMap((result) => result.ece ?? [])))} (×100)`, 'best epoch': '' });
  printTable(`${FOLDS}-fold cross-validation by speaker (${TAG})`, rows);
  const pooled = classificationReport(summary.pooled);
  printTable('Per emotion', summary.recall.map(({ label, recall }, index) => ({ emotion: label, 'recall over folds': formatMeanSd(recall), 'pooled recall': (pooled.classes[index].recall * 100).toFixed(1) })));
  const baseline = process.env.BASELINE;
  let difference = null;
  if (baseline) {
    const path = `${process.env.SER_BENCH_DIR ?? 'bench'}/results/train-folds-${baseline}.json`;
    const earlier = JSON.parse(readFileSync(path, 'utf8')) as { folds: FoldResult[] };
    const sameFolds = earlier.folds.every((result, fold) => result.testSpeakers.join() === results[fold]?.testSpeakers.join());
    if (!sameFolds) throw new Error(`${baseline} ran on other folds: pair runs with the same data, FOLDS and SEED`);
    difference = pairedDifference(earlier.folds.map((result) => result.uar), results.map((result) => result.uar));
    console.log(`\nUAR of ${TAG} minus ${baseline}, paired over the same folds: ${formatMeanSd(difference)} points`);
  }
  writeResults(`train-folds-${TAG}`, { settings, plan, folds: results, uar: summary.uar, accuracy: summary.accuracy, pooledConfusion: summary.pooled.counts, difference });
}

await main();
