// Training speed of the thesis CNN (182 × 40 MFCC, 7 classes, batch 32) in headless Chromium, on
// every backend the app can start (wasm 1 thread, wasm on all threads, WebGL, WebGPU): samples/s
// (median of the timed epochs, warm-up excluded), ms per batch, tensor counts; then the wall time of
// 16 epochs of a thesis-size set (3,640 clips × 3 variants) on the fastest, measured or extrapolated.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { printTable, type Row, writeResults } from './_report';
import type { BenchMeasurement, BenchOutcome, BenchRequest } from './browser/bench-protocol';
import { median } from './browser/median';
import { buildBenchPage } from './browser/runner/build-bench-page';
import { ChromiumSession } from './browser/runner/chromium-session';
import { serveStatic } from './browser/runner/serve-static';

const THESIS_SAMPLES = 3640 * 3;
const TARGET_EPOCHS = 16;

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got ${process.env[name]}`);
  return value;
}

interface Config {
  readonly label: string;
  readonly request: BenchRequest;
}

// SwiftShader's WebGL takes most of a minute per batch of 32 here: one warm-up and one timed batch.
// SwiftShader's WebGPU runs out of buffer memory after about 20 batches here: 3 epochs of 4.
// PROFILE=N: after training, N tf.profile'd steps on wasm, printed by kernel and by kernel + shapes.
// KERNELS=N: then the heaviest kernels one by one, fastest of N calls (bench/browser/kernel-timings.ts).
const wasm = { samples: envInt('WASM_SAMPLES', 1024), warmupEpochs: 1, timedEpochs: envInt('WASM_EPOCHS', 3), profileSteps: envInt('PROFILE', 0), kernelRuns: envInt('KERNELS', 0) };
const webgl = { samples: envInt('WEBGL_SAMPLES', 32), warmupEpochs: 1, timedEpochs: envInt('WEBGL_EPOCHS', 1), threads: 1 };
const webgpu = { samples: envInt('WEBGPU_SAMPLES', 128), warmupEpochs: 1, timedEpochs: envInt('WEBGPU_EPOCHS', 2), threads: 1 };
const CONFIGS: Config[] = [
  { label: 'wasm, 1 thread', request: { backend: 'wasm', threads: 1, ...wasm } },
  { label: 'wasm, hardwareConcurrency threads (as the app)', request: { backend: 'wasm', threads: 0, ...wasm } },
  { label: 'webgl', request: { backend: 'webgl', ...webgl } },
  { label: 'webgpu', request: { backend: 'webgpu', ...webgpu } },
];
const only = process.env.ONLY?.split(',');
const FULL_EPOCHS = envInt('FULL_EPOCHS', 3);

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const round = (x: number, digits = 1) => +x.toFixed(digits);

function speedRow(label: string, outcome: BenchOutcome, loadAfter: string): Row {
  if (outcome.kind !== 'measured') return { config: label, status: outcome.kind === 'skipped' ? `skipped: ${outcome.reason}` : `failed: ${outcome.message}`, load: loadAfter };
  const m = outcome.measurement;
  return {
    config: label,
    backend: m.backend.name,
    threads: m.backend.threads,
    device: m.backend.device,
    'samples/epoch': m.samples,
    'timed epochs': m.epochs.filter((e) => !e.warmup).length,
    'samples/s': round(m.samplesPerSecond),
    'ms/batch': round(m.msPerBatch, 0),
    'loss by epoch': m.epochs.map((e) => e.loss.toFixed(3)).join(', '),
    tensors: `${m.tensorsBefore} → ${m.tensorsAfter}${m.tensorsAfter > m.tensorsBefore ? ' GREW' : ''}`,
    load: loadAfter,
    ...(m.readbackProblem !== null && { status: `INVALID, wrong readback: ${m.readbackProblem}` }),
  };
}

/** Wall time of TARGET_EPOCHS: the measured epochs, plus the median later epoch for the rest. */
function thesisRunRow(label: string, m: BenchMeasurement, loadAfter: string): Row {
  const walls = m.epochs.map((e) => e.wallMs / 1000);
  const steady = walls.length > 1 ? median(walls.slice(1)) : walls[0];
  const measured = walls.reduce((a, b) => a + b, 0);
  const total = walls.length >= TARGET_EPOCHS ? measured : measured + (TARGET_EPOCHS - walls.length) * steady;
  return {
    config: label,
    'samples/epoch': m.samples,
    'epochs run': walls.length,
    'epoch wall s': walls.map((w) => w.toFixed(0)).join(', '),
    'samples/s': m.epochs.map((e) => e.samplesPerSecond.toFixed(1)).join(', '),
    [`${TARGET_EPOCHS} epochs, min`]: round(total / 60),
    how: walls.length >= TARGET_EPOCHS ? 'measured' : `extrapolated: ${walls.length} measured + ${TARGET_EPOCHS - walls.length} × ${steady.toFixed(0)} s`,
    'data gen s': round(m.dataMs / 1000),
    tensors: `${m.tensorsBefore} → ${m.tensorsAfter}`,
    load: loadAfter,
  };
}

function fastest(results: { config: Config; outcome: BenchOutcome }[]): { config: Config; measurement: BenchMeasurement } | undefined {
  let best: { config: Config; measurement: BenchMeasurement } | undefined;
  for (const { config, outcome } of results) {
    if (outcome.kind === 'measured' && outcome.measurement.readbackProblem === null && (best === undefined || outcome.measurement.samplesPerSecond > best.measurement.samplesPerSecond)) best = { config, measurement: outcome.measurement };
  }
  return best;
}

const benchDir = process.env.SER_BENCH_DIR ?? join(process.cwd(), 'bench');
const outDir = join(benchDir, '.build/browser');
const loadAtStart = load();
console.log(`load average at start: ${loadAtStart}`);
await buildBenchPage(join(benchDir, 'browser'), outDir);
const server = await serveStatic(outDir);

/** Each run gets a browser of its own, so none inherits another's GPU process and its memory. */
async function runInFreshBrowser(label: string, request: BenchRequest): Promise<{ outcome: BenchOutcome; chromium: string }> {
  const session = await ChromiumSession.open(server.url);
  try {
    return { outcome: await session.run(label, request), chromium: session.version };
  } finally {
    await session.close();
  }
}

try {
  console.log(`page at ${server.url}`);
  const results: { config: Config; outcome: BenchOutcome; load: string }[] = [];
  let chromium = '';
  for (const config of CONFIGS.filter((c) => only === undefined || only.includes(c.request.backend))) {
    console.log(`\n${config.label}: ${config.request.samples} samples, ${config.request.warmupEpochs} warm-up + ${config.request.timedEpochs} timed epochs`);
    const run = await runInFreshBrowser(config.label, config.request);
    chromium = run.chromium;
    results.push({ config, outcome: run.outcome, load: load() });
  }
  const speedRows = results.map((r) => speedRow(r.config.label, r.outcome, r.load));
  for (const { config, outcome } of results) {
    const kernels = outcome.kind === 'measured' ? outcome.measurement.kernels : undefined;
    if (kernels !== undefined) printTable(`${config.label}: kernels one by one, fastest of ${config.request.kernelRuns} calls`, kernels.map((k) => ({ kernel: k.kernel, ms: k.ms, 'GFLOP/s': k.gflops || '' })));
    const profile = outcome.kind === 'measured' ? outcome.measurement.profile : undefined;
    if (profile === undefined) continue;
    const share = (ms: number) => `${((100 * ms) / profile.kernelMs).toFixed(1)}%`;
    printTable(`${config.label}: kernel time of a step (tf.profile, mean of ${config.request.profileSteps} steps): ${profile.kernelMs} ms of kernels; unprofiled, ${profile.stepMs} ms per step (median), ${profile.fastestStepMs} ms (fastest), ${(32000 / profile.fastestStepMs).toFixed(0)} samples/s at the fastest`, profile.byKernel.map((r) => ({ kernel: r.name, 'ms/step': r.msPerStep, share: share(r.msPerStep) })));
    printTable(`${config.label}: the largest kernels by input shapes`, profile.byShape.map((r) => ({ 'kernel and input shapes': r.name, 'ms/step': r.msPerStep, share: share(r.msPerStep) })));
  }
  printTable(`Thesis CNN training in headless Chromium ${chromium}, batch 32, synthetic 182 × 40 data (warm-up epoch excluded; load average 1/5/15 min)`, speedRows);

  const winner = fastest(results);
  const thesisRows: Row[] = [];
  let thesisRun: BenchOutcome | undefined;
  if (winner !== undefined && FULL_EPOCHS > 0) {
    const request: BenchRequest = { ...winner.config.request, profileSteps: 0, kernelRuns: 0, samples: THESIS_SAMPLES, warmupEpochs: 1, timedEpochs: FULL_EPOCHS - 1 };
    console.log(`\nthesis-size set on the fastest (${winner.config.label}): ${THESIS_SAMPLES} samples, ${FULL_EPOCHS} epoch(s) measured`);
    thesisRun = (await runInFreshBrowser(winner.config.label, request)).outcome;
    if (thesisRun.kind === 'measured') thesisRows.push(thesisRunRow(winner.config.label, thesisRun.measurement, load()));
    else thesisRows.push(speedRow(winner.config.label, thesisRun, load()));
    printTable(`Wall time of ${TARGET_EPOCHS} epochs of ${THESIS_SAMPLES} samples (3,640 clips × 3 variants) on the fastest backend (first epoch includes the warm-up)`, thesisRows);
  }
  writeResults('train-browser', { chromium, loadAverage: { start: loadAtStart, end: load() }, rows: speedRows, thesisRows, results, thesisRun });
} finally {
  await server.close();
}
