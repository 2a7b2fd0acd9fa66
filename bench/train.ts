// Training speed of the thesis CNN (182 × 40 MFCC, 7 classes) at batch 32, Node (V8), one thread:
// samples/s on the wasm backend (SIMD, with our kernels) and on the cpu backend for reference,
// warm-up epoch excluded, median and best of the timed epochs; and where a wasm step's time goes.
// EPOCHS and SAMPLES (wasm), CPU_SAMPLES (cpu) override the sizes. MODEL=tdnn measures the TDNN
// for new speakers on 182 × 128 log-mel bands instead.
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { BatchBuilder, disposeBatch } from '../src/core/model/batch-builder';
import { dropoutLayerCount } from '../src/core/model/forward-pass';
import { createTdnn } from '../src/core/model/tdnn';
import { createThesisCnn } from '../src/core/model/thesis-cnn';
import { trainModel } from '../src/core/model/train-model';
import { trainStep } from '../src/core/model/training-step';
import type { LabelledFeatures } from '../src/core/model/training-types';
import { useWasmBackend } from '../src/core/model/use-wasm-backend';
import { SeededRandom } from '../src/core/random/seeded-random';
import { printTable, type Row, writeResults } from './_report';

const BATCH = 32;
const CLASSES = 7;
const MODEL = process.env.MODEL === 'tdnn' ? 'tdnn' : 'thesis-cnn';
const SHAPE: [number, number] = MODEL === 'tdnn' ? [182, 128] : [182, 40];
const createModel = () => (MODEL === 'tdnn' ? createTdnn({ numClasses: CLASSES, seed: 1, inputShape: SHAPE }) : createThesisCnn({ numClasses: CLASSES, seed: 1 }));
const root = join(process.env.SER_BENCH_DIR ?? join(process.cwd(), 'bench'), '..');
const wasmPaths = join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/');

function syntheticData(count: number): LabelledFeatures {
  const random = new SeededRandom(1);
  const features = Float32Array.from({ length: count * SHAPE[0] * SHAPE[1] }, () => random.gaussian() * 10);
  return { features, labels: Int32Array.from({ length: count }, (_, i) => i % CLASSES) };
}

interface Speed { median: number; best: number; epochs: number[] }

/** samples/s of each timed epoch (the first `warmUpEpochs` are not counted). */
async function trainingSpeed(samples: number, timedEpochs: number, warmUpEpochs = 1): Promise<Speed> {
  const model = createModel();
  const perEpoch: number[] = [];
  await trainModel(model, syntheticData(samples), {
    batchSize: BATCH, epochs: timedEpochs + warmUpEpochs, learningRate: 0.001, seed: 1,
    onEpochEnd: (metrics) => {
      const warmUp = metrics.epoch < warmUpEpochs;
      console.log(`  ${tf.getBackend()} epoch ${metrics.epoch}${warmUp ? ' (warm-up)' : ''}: ${metrics.samplesPerSecond.toFixed(1)} samples/s`);
      if (!warmUp) perEpoch.push(metrics.samplesPerSecond);
    },
  });
  model.dispose();
  const sorted = [...perEpoch].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], best: sorted[sorted.length - 1], epochs: perEpoch };
}

/** Kernel time of one profiled training step (after warm-up), summed by kernel and by kernel + shape. */
async function stepProfile(): Promise<{ byKernel: Row[]; byLayer: Row[]; totalMs: number }> {
  const model = createModel();
  const data = new BatchBuilder(syntheticData(BATCH), SHAPE, CLASSES, undefined);
  const indices = Array.from({ length: BATCH }, (_, i) => i);
  const optimizer = tf.train.adam(0.001);
  const step = () => {
    const batch = data.build(indices);
    trainStep(model, optimizer, batch, new Array(dropoutLayerCount(model)).fill(1));
    disposeBatch(batch);
  };
  for (let i = 0; i < 3; i++) step();
  const profiles = [];
  for (let i = 0; i < 5; i++) profiles.push(await tf.profile(step));
  model.dispose();
  optimizer.dispose();
  const byName = new Map<string, number>();
  const byShape = new Map<string, number>();
  for (const profile of profiles) {
    for (const k of profile.kernels) {
      const ms = Number(k.kernelTimeMs) / profiles.length;
      byName.set(k.name, (byName.get(k.name) ?? 0) + ms);
      const key = `${k.name} ${k.inputShapes.map((s) => `[${s?.join(',')}]`).join(' ')}`;
      byShape.set(key, (byShape.get(key) ?? 0) + ms);
    }
  }
  const totalMs = [...byName.values()].reduce((a, b) => a + b, 0);
  const rows = (map: Map<string, number>, label: string, limit: number): Row[] =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, ms]) => ({ [label]: name, 'ms/step': +ms.toFixed(2), share: `${((100 * ms) / totalMs).toFixed(1)}%` }));
  return { byKernel: rows(byName, 'kernel', 20), byLayer: rows(byShape, 'kernel and input shapes', 16), totalMs };
}

const wasmEpochs = Number(process.env.EPOCHS ?? 5);
const wasmSamples = Number(process.env.SAMPLES ?? 640);
await useWasmBackend({ wasmPaths });
const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
const wasm = await trainingSpeed(wasmSamples, wasmEpochs);
const profile = await stepProfile();
await tf.setBackend('cpu');
// The cpu backend takes minutes per batch of 32: one batch, no warm-up epoch (its first batch
// warms the JIT up within a step that long anyway).
// CPU_SAMPLES=0 skips it (a quicker loop for kernel work).
const cpuSamples = Number(process.env.CPU_SAMPLES ?? 32);
const cpu: Speed = cpuSamples > 0 ? await trainingSpeed(cpuSamples, 1, 0) : { median: NaN, best: NaN, epochs: [] };

const load = `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores at the end`;
const rows: Row[] = [
  { backend: `wasm (SIMD ${simd ? 'on' : 'off'}, 1 thread, our kernels)`, 'samples/s median': +wasm.median.toFixed(1), 'samples/s best': +wasm.best.toFixed(1), 'timed epochs': wasm.epochs.length, 'samples/epoch': wasmSamples },
  { backend: 'cpu (plain JS)', 'samples/s median': +cpu.median.toFixed(1), 'samples/s best': +cpu.best.toFixed(1), 'timed epochs': cpu.epochs.length, 'samples/epoch': cpuSamples },
];
printTable(`${MODEL === 'tdnn' ? 'TDNN' : 'Thesis CNN'} training, batch ${BATCH}, ${SHAPE.join(' × ')} input, ${CLASSES} classes, synthetic data (warm-up epoch excluded; ${load})`, rows);
printTable(`wasm: kernel time of one training step by kernel (tf.profile, mean of 5 steps: ${profile.totalMs.toFixed(1)} ms of kernels)`, profile.byKernel);
printTable('wasm: the largest kernels by input shapes (per layer)', profile.byLayer);
writeResults(MODEL === 'tdnn' ? 'train-tdnn' : 'train', { model: MODEL, load, rows, wasmEpochSamplesPerSecond: wasm.epochs, cpuEpochSamplesPerSecond: cpu.epochs, profile });
