// The studio's whole training recipe on ../shared/corpora (RAVDESS actors 1-20, half of TESS,
// EMO-DB; the 7 thesis labels), exactly as the Train page runs it but in Node: load the ZIP,
// split by speaker with RAVDESS actors held out for validation and test, augment the training
// side, standardise, train the thesis CNN on wasm, score the held-out actors. Development
// machines only (the corpora are not in the project). Settings from the environment:
// VALIDATION=15,16 TEST=17,18,19,20 EPOCHS=40 PATIENCE=8 MONITOR=uar MIN_EPOCHS=10 SMOOTHING=0 AVERAGING=0.999 MASKING=0
// COPIES=4 KINDS=noise,stretch,pitch,shift SEED=1 BATCH=32
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { buildDatasetReport, selectUsableItems, splitDataset } from '../src/core/dataset';
import { DEFAULT_FEATURE_CONFIG } from '../src/core/features/feature-config';
import { FeatureExtractor } from '../src/core/features/feature-extractor';
import { useWasmBackend } from '../src/core/model/use-wasm-backend';
import { LocalFeaturiser } from '../workers/features/featuriser';
import { loadDataset } from '../workers/load-dataset';
import type { TrainRequest } from '../workers/protocol';
import { prepareTrainingData } from '../workers/training-data/prepare-training-data';
import { runTraining } from '../workers/training/run-training';
import { printTable, type Row, writeResults } from './_report';
import { corporaZip, recipeFromEnvironment, scoreRows } from './_training';

const env = (name: string, fallback: string) => process.env[name] ?? fallback;
const actors = (list: string) => list.split(',').map((actor) => `ravdess:${actor.trim().padStart(2, '0')}`);
const { settings: SETTINGS, plan: PLAN } = recipeFromEnvironment();
const HOLD_OUT = { validation: actors(env('VALIDATION', '15,16')), test: actors(env('TEST', '17,18,19,20')) };

async function main(): Promise<void> {
  const zip = corporaZip();
  if (zip === null) return console.log('../shared/corpora is not here: nothing to train on (development machines only).');
  const featuriser = new LocalFeaturiser(new FeatureExtractor(DEFAULT_FEATURE_CONFIG));
  let t = performance.now();
  const load = await loadDataset([new File([await openAsBlob(zip)], 'corpora.zip')], featuriser);
  const loadSeconds = (performance.now() - t) / 1000;
  const report = buildDatasetReport(load.items);
  const { usable } = selectUsableItems(load.items, { mapping: report.mapping, minDurationSeconds: report.minDurationSeconds });
  const split = splitDataset(usable, { kind: 'speaker', fractions: { train: 1, validation: 0, test: 0 }, seed: SETTINGS.seed, holdOutSpeakers: HOLD_OUT });
  const labels = report.labels.map(({ label }) => label);
  const refs = (indices: readonly number[]) => indices.map((i) => ({ path: usable[i].path, label: labels.indexOf(usable[i].label) }));
  const sides = { train: refs(split.trainIndices), validation: refs(split.validationIndices), test: refs(split.testIndices) };
  console.log(`loaded ${usable.length} usable files in ${loadSeconds.toFixed(1)} s; train ${sides.train.length}, validation ${sides.validation.length} (${HOLD_OUT.validation}), test ${sides.test.length} (${HOLD_OUT.test})`);

  t = performance.now();
  const data = await prepareTrainingData(sides, PLAN, SETTINGS.seed, { ...load, featuriser });
  const prepareSeconds = (performance.now() - t) / 1000;
  console.log(`prepared ${data.train.labels.length} training rows (${data.copiesComputed} copies) in ${prepareSeconds.toFixed(1)} s`);

  // From the project root (npm run bench runs there), not from the bundle's folder.
  await useWasmBackend({ wasmPaths: join(process.cwd(), 'node_modules/@tensorflow/tfjs-backend-wasm/dist/') });
  const request: TrainRequest = {
    type: 'train',
    id: 1,
    data,
    labels,
    settings: SETTINGS,
    context: { sources: ['corpora.zip'], splitKind: 'speaker', splitSeed: SETTINGS.seed, augmentationCopies: PLAN.copies, augmentationKinds: PLAN.settings.kinds, files: { train: sides.train.length, validation: sides.validation.length, test: sides.test.length }, trainFilesPerLabel: {}, speakers: [], trainingSpeakers: [] },
  };
  const epochs: Row[] = [];
  const outcome = await runTraining(request, { name: 'wasm', threads: 1, reason: 'Node' }, {
    report: (response) => {
      if (response.type !== 'training-epoch') return;
      const f = response.figures;
      const row = { epoch: f.epoch, loss: f.loss.toFixed(3), acc: f.accuracy.toFixed(3), 'val loss': f.validationLoss?.toFixed(3) ?? '', 'val acc': f.validationAccuracy?.toFixed(3) ?? '', 'val UAR': f.validationUar?.toFixed(3) ?? '', 's': f.seconds.toFixed(1), 'samples/s': Math.round(f.samplesPerSecond) };
      epochs.push(row);
      console.log(JSON.stringify(row));
    },
    signal: new AbortController().signal,
    resumable: false,
    keepCheckpoint: async () => {},
    saveModel: async () => ({ saved: false, problem: 'not kept by the benchmark' }),
  });
  if (outcome === 'cancelled') throw new Error('cancelled');
  const scores = [...scoreRows('validation', outcome.validation), ...scoreRows('test', outcome.test)];
  printTable(`Held-out RAVDESS actors, best epoch ${outcome.bestEpoch} of ${outcome.epochsRun}`, scores);
  writeResults('train-corpora', { settings: SETTINGS, augmentation: PLAN, holdOut: HOLD_OUT, loadSeconds, prepareSeconds, trainSeconds: outcome.seconds, epochs, scores, bestEpoch: outcome.bestEpoch, confusion: { validation: outcome.validation?.matrix, test: outcome.test?.matrix } });
}

await main();
