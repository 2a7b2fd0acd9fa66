import * as tf from '@tensorflow/tfjs';
import { createThesisCnn } from '../../src/core/model/thesis-cnn';
import { trainModel } from '../../src/core/model/train-model';
import type { BackendFacts, BenchMeasurement, BenchRequest } from './bench-protocol';
import { EpochClock } from './epoch-clock';
import { median } from './median';
import { syntheticFeatures } from './synthetic-features';

const CLASSES = 7;
const BATCH = 32;

/** Trains the thesis CNN (seed 1) with trainModel on synthetic data and times every epoch and batch. */
export async function measureTraining(request: BenchRequest, backend: BackendFacts, progress: (text: string) => void): Promise<Omit<BenchMeasurement, 'readbackProblem'>> {
  const dataStart = performance.now();
  const data = syntheticFeatures(request.samples, CLASSES);
  const dataMs = performance.now() - dataStart;
  progress(`${backend.name}, ${backend.threads} thread(s) of ${backend.requestedThreads} requested (hardwareConcurrency ${backend.hardwareConcurrency}, isolated: ${backend.crossOriginIsolated}), ${backend.device}: ${request.samples} samples generated in ${(dataMs / 1000).toFixed(1)} s`);
  const model = createThesisCnn({ numClasses: CLASSES, seed: 1 });
  const clock = new EpochClock(request.warmupEpochs, progress);
  const tensorsBefore = tf.memory().numTensors;
  let tensorsAfter: number;
  try {
    await trainModel(model, data, {
      batchSize: BATCH,
      epochs: request.warmupEpochs + request.timedEpochs,
      learningRate: 0.001,
      seed: 1,
      onBatchEnd: (metrics) => clock.batchEnded(metrics),
      onEpochEnd: (metrics) => clock.epochEnded(metrics),
    });
    tensorsAfter = tf.memory().numTensors;
  } finally {
    model.dispose();
  }
  const timed = clock.epochs.filter((epoch) => !epoch.warmup);
  return {
    backend,
    samples: request.samples,
    dataMs,
    epochs: clock.epochs,
    samplesPerSecond: median(timed.map((epoch) => epoch.samplesPerSecond)),
    msPerBatch: median(clock.timedBatchMs),
    tensorsBefore,
    tensorsAfter,
  };
}
