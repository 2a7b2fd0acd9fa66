import type { KernelTiming } from './kernel-timings';
import type { StepProfile } from './step-profile';
// The messages between the Node runner, the bench page and its worker (all structured-clonable).

export type BenchBackend = 'wasm' | 'webgl' | 'webgpu';

export interface BenchRequest {
  readonly backend: BenchBackend;
  /** wasm only: threads to start; 0 means navigator.hardwareConcurrency. */
  readonly threads: number;
  /** Synthetic samples of the thesis shape (182 × 40) per epoch. */
  readonly samples: number;
  /** Untimed epochs first (shader compilation, allocation, JIT), then the timed ones. */
  readonly warmupEpochs: number;
  readonly timedEpochs: number;
  /** tf.profile'd training steps after the training (0: none): where a step's time goes. */
  readonly profileSteps?: number;
  /** wasm: time the heaviest kernels one by one after the training, fastest of this many calls (0: no). */
  readonly kernelRuns?: number;
}

export interface BackendFacts {
  /** tf.getBackend() once started. */
  readonly name: string;
  /** What the bench asked for, and what the backend reports it runs (wasm: getThreadsCount()). */
  readonly requestedThreads: number;
  readonly threads: number;
  readonly hardwareConcurrency: number;
  /** The WebGPU adapter, the WebGL renderer, or what the wasm backend runs on. */
  readonly device: string;
  readonly crossOriginIsolated: boolean;
}

export interface EpochTiming {
  readonly epoch: number;
  readonly warmup: boolean;
  /** The epoch's mean training loss: same seed and data, so backends that compute alike agree. */
  readonly loss: number;
  /** trainModel's own figure: samples over the epoch's batch loop. */
  readonly samplesPerSecond: number;
  readonly trainMs: number;
  /** From the previous epoch's end to this one's, checkpoint included: what a user waits. */
  readonly wallMs: number;
  /** tf.memory() at the epoch's end, after its checkpoint. */
  readonly tensors: number;
  readonly gpuBytesAllocated: number | null;
}

export interface BenchMeasurement {
  readonly backend: BackendFacts;
  readonly samples: number;
  readonly dataMs: number;
  readonly epochs: readonly EpochTiming[];
  /** Median over the timed epochs. */
  readonly samplesPerSecond: number;
  /** Median over the timed epochs' batches (building the batch tensors included). */
  readonly msPerBatch: number;
  readonly tensorsBefore: number;
  readonly tensorsAfter: number;
  /** Checked after training (checking first changes how WebGPU fares): null when reads are right. */
  readonly readbackProblem: string | null;
  /** With request.profileSteps > 0: kernel time per step, by kernel and by kernel + shapes. */
  readonly profile?: StepProfile;
  /** With request.kernelRuns > 0. */
  readonly kernels?: KernelTiming[];
}

export type BenchOutcome =
  | { readonly kind: 'measured'; readonly measurement: BenchMeasurement }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'failed'; readonly message: string };

export type WorkerMessage = { readonly kind: 'progress'; readonly text: string } | { readonly kind: 'done'; readonly outcome: BenchOutcome };

/** What the bench page puts on `window` for the runner to call. */
export interface BenchPageApi {
  runBench(request: BenchRequest): Promise<BenchOutcome>;
}
