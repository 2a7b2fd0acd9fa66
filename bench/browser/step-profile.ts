import * as tf from '@tensorflow/tfjs';
import { BatchBuilder, disposeBatch } from '../../src/core/model/batch-builder';
import { dropoutLayerCount } from '../../src/core/model/forward-pass';
import { createThesisCnn } from '../../src/core/model/thesis-cnn';
import { trainStep } from '../../src/core/model/training-step';
import { syntheticFeatures } from './synthetic-features';

export interface ProfileRow {
  name: string;
  msPerStep: number;
}

export interface StepProfile {
  /** Wall time of an unprofiled step (median, and fastest: what a busy shared machine disturbs least), and the kernel time tf.profile sums for one. */
  stepMs: number;
  fastestStepMs: number;
  kernelMs: number;
  byKernel: ProfileRow[];
  byShape: ProfileRow[];
}

const CLASSES = 7;
const BATCH = 32;

/**
 * Kernel time of a training step of the thesis CNN (batch 32), by kernel and by kernel + input
 * shapes: mean of `steps` tf.profile'd steps after 3 warm-up steps. The gap between stepMs and
 * kernelMs is what runs outside kernels (tape, optimizer bookkeeping, batch building).
 */
export async function profileTrainingStep(steps: number): Promise<StepProfile> {
  const model = createThesisCnn({ numClasses: CLASSES, seed: 1 });
  const data = new BatchBuilder(syntheticFeatures(BATCH, CLASSES), [182, 40], CLASSES, undefined);
  const indices = Array.from({ length: BATCH }, (_, i) => i);
  const optimizer = tf.train.adam(0.001);
  const seeds = new Array(dropoutLayerCount(model)).fill(1);
  const step = () => {
    const batch = data.build(indices);
    trainStep(model, optimizer, batch, seeds);
    disposeBatch(batch);
  };
  try {
    for (let i = 0; i < 3; i++) step();
    const walls: number[] = [];
    for (let i = 0; i < Math.max(2 * steps, 10); i++) {
      const start = performance.now();
      step();
      walls.push(performance.now() - start);
    }
    walls.sort((a, b) => a - b);
    const byName = new Map<string, number>();
    const byShape = new Map<string, number>();
    for (let i = 0; i < steps; i++) {
      const profile = await tf.profile(step);
      for (const k of profile.kernels) {
        const ms = Number(k.kernelTimeMs) / steps;
        byName.set(k.name, (byName.get(k.name) ?? 0) + ms);
        const key = `${k.name} ${k.inputShapes.map((s) => `[${s?.join(',')}]`).join(' ')}`;
        byShape.set(key, (byShape.get(key) ?? 0) + ms);
      }
    }
    const rows = (map: Map<string, number>, limit: number): ProfileRow[] =>
      [...map].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, ms]) => ({ name, msPerStep: +ms.toFixed(2) }));
    return {
      stepMs: +walls[Math.floor(walls.length / 2)].toFixed(1),
      fastestStepMs: +walls[0].toFixed(1),
      kernelMs: +[...byName.values()].reduce((a, b) => a + b, 0).toFixed(1),
      byKernel: rows(byName, 20),
      byShape: rows(byShape, 20),
    };
  } finally {
    model.dispose();
    optimizer.dispose();
  }
}
