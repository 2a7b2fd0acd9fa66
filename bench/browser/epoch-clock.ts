import type { BatchMetrics, EpochMetrics } from '../../src/core/model/training-types';
import type { EpochTiming } from './bench-protocol';
import { describeMemory, memoryNote } from './memory-note';

const PROGRESS_EVERY_MS = 15_000;

/** Collects trainModel's callbacks into epoch wall times and timed batch times, with sparse progress. */
export class EpochClock {
  readonly epochs: EpochTiming[] = [];
  readonly timedBatchMs: number[] = [];
  private epochStart = performance.now();
  private lastProgress = performance.now();

  constructor(
    private readonly warmupEpochs: number,
    private readonly progress: (text: string) => void,
  ) {}

  batchEnded(metrics: BatchMetrics): void {
    if (metrics.epoch >= this.warmupEpochs) this.timedBatchMs.push(metrics.ms);
    if (performance.now() - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = performance.now();
    this.progress(`  epoch ${metrics.epoch + 1}, batch ${metrics.batch + 1}/${metrics.batchesPerEpoch}: ${metrics.ms.toFixed(0)} ms; ${describeMemory(memoryNote())}`);
  }

  epochEnded(metrics: EpochMetrics): void {
    const now = performance.now();
    const warmup = metrics.epoch < this.warmupEpochs;
    const memory = memoryNote();
    this.epochs.push({ epoch: metrics.epoch, warmup, loss: metrics.loss, samplesPerSecond: metrics.samplesPerSecond, trainMs: metrics.trainMs, wallMs: now - this.epochStart, ...memory });
    this.epochStart = now;
    this.lastProgress = now;
    this.progress(`  epoch ${metrics.epoch + 1}${warmup ? ' (warm-up)' : ''}: ${metrics.samplesPerSecond.toFixed(1)} samples/s, ${(metrics.trainMs / 1000).toFixed(1)} s, loss ${metrics.loss.toFixed(4)}; ${describeMemory(memory)}`);
  }
}
