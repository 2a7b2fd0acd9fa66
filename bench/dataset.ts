// Dataset preparation speed, Node (V8): clips/s for decode + resample to 22 050 Hz + fix length +
// three variants (original, noise at 20 dB SNR, pitch shift +2) to MFCC, on one thread and on one
// worker_thread per core, with a per-step breakdown and the ratio to librosa (29 clips/s on one
// thread for the same work, from the Datasets issue). Then peak memory while loadDataset reads a
// stored ZIP of ../shared/corpora (development machines only; skipped otherwise, or with MEMORY=0).
// One file is both the benchmark and its worker (it checks isMainThread).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openAsBlob, readdirSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { decodeAudioFile } from '../src/core/audio/decode-audio-file';
import { conformAudio } from '../src/core/audio/load-audio';
import { addNoiseAtSnr, pitchShift } from '../src/core/augment';
import { DEFAULT_FEATURE_CONFIG } from '../src/core/features/feature-config';
import { FeatureExtractor } from '../src/core/features/feature-extractor';
import { fixLength } from '../src/core/features/fix-length';
import { SeededRandom } from '../src/core/random/seeded-random';
import { fixturePath, readFixture } from '../src/fixtures/fixtures';
import { LocalFeaturiser } from '../workers/features/featuriser';
import { loadDataset } from '../workers/load-dataset';
import { printTable, type Row, writeResults } from './_report';

const LIBROSA_CLIPS_PER_S = 29;
const TARGET_RATE = 22050;
const CLIP = DEFAULT_FEATURE_CONFIG.fixedLength ?? 92_672;
const STEPS = ['decode', 'resample', 'fix length', 'noise 20 dB', 'pitch +2', '3x MFCC'] as const;
type Step = (typeof STEPS)[number];
const WARMUP_CLIPS = Number(process.env.WARMUP ?? 30);
const TIMED_CLIPS = Number(process.env.CLIPS ?? 300);

interface Clip {
  readonly name: string;
  readonly bytes: Uint8Array;
}

interface RunResult {
  readonly clips: number;
  readonly ms: number;
  /** Process CPU time (user + system) over the run: this thread's work when it runs alone, less exposed to other load on a shared machine. */
  readonly cpuMs: number;
  /** Wall-clock start and end (performance.timeOrigin + now), to combine workers. */
  readonly start: number;
  readonly end: number;
  readonly stepMs: Record<Step, number>;
  /** Process CPU time per step: this thread's when it runs alone (the main-thread run). */
  readonly stepCpuMs: Record<Step, number>;
  readonly backend: string;
  readonly checksum: number;
}

function speechClips(): Clip[] {
  const names = readdirSync(fixturePath('speech'))
    .filter((name) => name.endsWith('.wav') && (name.startsWith('03-01-') || name.startsWith('OAF_')))
    .sort();
  return names.map((name) => ({ name, bytes: readFixture(`speech/${name}`) }));
}

/**
 * Process CPU time, ms, on the main thread only: there it is this thread's (the one-thread run has no
 * workers), while in a worker_thread process.cpuUsage() cost ~3 ms a call on this machine, which the
 * per-step wall times would absorb.
 */
const cpuMs = () => {
  if (!isMainThread) return 0;
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** The whole per-clip pipeline, timing each step; returns a checksum so nothing is optimised away. */
async function processClip(clip: Clip, extractor: FeatureExtractor, random: SeededRandom, stepMs: Record<Step, number>, stepCpuMs: Record<Step, number>): Promise<number> {
  let t = performance.now();
  let cpu = cpuMs();
  const lap = (step: Step) => {
    const now = performance.now();
    const cpuNow = cpuMs();
    stepMs[step] += now - t;
    stepCpuMs[step] += cpuNow - cpu;
    t = now;
    cpu = cpuNow;
  };
  const decoded = await decodeAudioFile(clip.bytes, clip.name);
  lap('decode');
  const conformed = conformAudio(decoded, TARGET_RATE);
  lap('resample');
  const original = fixLength(conformed.samples, CLIP);
  lap('fix length');
  const noisy = addNoiseAtSnr(original, 20, random);
  lap('noise 20 dB');
  const pitched = pitchShift(original, TARGET_RATE, 2);
  lap('pitch +2');
  let sum = 0;
  for (const variant of [original, noisy, pitched]) sum += extractor.extract(variant).mfcc.data[0];
  lap('3x MFCC');
  return sum;
}

async function runClips(clips: Clip[], count: number, seed: number, offset: number): Promise<RunResult> {
  const extractor = new FeatureExtractor(DEFAULT_FEATURE_CONFIG);
  const random = new SeededRandom(seed);
  const stepMs = Object.fromEntries(STEPS.map((s) => [s, 0])) as Record<Step, number>;
  const stepCpuMs = Object.fromEntries(STEPS.map((s) => [s, 0])) as Record<Step, number>;
  let checksum = 0;
  const start = performance.timeOrigin + performance.now();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < count; i++) checksum += await processClip(clips[(i + offset) % clips.length], extractor, random, stepMs, stepCpuMs);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { clips: count, ms, cpuMs: (cpu.user + cpu.system) / 1000, start, end: performance.timeOrigin + performance.now(), stepMs, stepCpuMs, backend: extractor.backend, checksum };
}

// ---- worker: warm up, say ready, wait for go, run, post the result ----

if (!isMainThread) {
  const { index } = workerData as { index: number };
  const port = parentPort!;
  const clips = speechClips();
  await runClips(clips, WARMUP_CLIPS, 1000 + index, index);
  port.once('message', async () => {
    port.postMessage(await runClips(clips, TIMED_CLIPS, 2000 + index, index * 7));
  });
  port.postMessage('ready');
}

function stepRows(label: string, result: RunResult, measure: 'stepMs' | 'stepCpuMs' = 'stepMs'): Row {
  const row: Row = { run: label };
  let total = 0;
  for (const step of STEPS) {
    row[step] = +(result[measure][step] / result.clips).toFixed(2);
    total += result[measure][step];
  }
  row['sum ms/clip'] = +(total / result.clips).toFixed(2);
  return row;
}

async function allCores(workers: number): Promise<RunResult[]> {
  const url = new URL(import.meta.url);
  const threads = Array.from({ length: workers }, (_, index) => new Worker(url, { workerData: { index }, env: process.env }));
  const ready = threads.map((w) => new Promise<void>((resolve, reject) => {
    w.once('message', () => resolve());
    w.once('error', reject);
  }));
  await Promise.all(ready);
  const results = threads.map((w) => new Promise<RunResult>((resolve, reject) => {
    w.once('message', (m: RunResult) => resolve(m));
    w.once('error', reject);
  }));
  for (const w of threads) w.postMessage('go');
  const out = await Promise.all(results);
  await Promise.all(threads.map((w) => w.terminate()));
  return out;
}

// ---- peak memory while loadDataset reads a stored ZIP of the corpora ----

interface MemorySample {
  rss: number;
  heapUsed: number;
  arrayBuffers: number;
}

async function corporaMemory(): Promise<Record<string, unknown> | null> {
  const benchDir = process.env.SER_BENCH_DIR ?? new URL('.', import.meta.url).pathname;
  const corporaDir = join(benchDir, '..', '../shared/corpora');
  if (process.env.MEMORY === '0') {
    console.log('\nMEMORY=0: ZIP memory measurement skipped.');
    return null;
  }
  if (!existsSync(corporaDir)) {
    console.log(`\n${corporaDir} does not exist (only development machines have it): ZIP memory measurement skipped.`);
    return null;
  }
  const workDir = join(tmpdir(), 'ser-studio-zip-bench');
  const zipPath = join(workDir, 'corpora-flac-stored.zip');
  if (!existsSync(zipPath)) {
    mkdirSync(workDir, { recursive: true });
    console.log(`building ${zipPath} (zip -0 -r -q) ...`);
    const made = spawnSync('zip', ['-0', '-r', '-q', zipPath, '.'], { cwd: corporaDir, stdio: 'inherit' });
    if (made.status !== 0) throw new Error(`zip failed (status ${made.status})`);
  }
  const zipBytes = statSync(zipPath).size;
  const extractor = new FeatureExtractor(DEFAULT_FEATURE_CONFIG);
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage();
  const peak: MemorySample = { rss: baseline.rss, heapUsed: baseline.heapUsed, arrayBuffers: baseline.arrayBuffers };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
  };
  let samples = 0;
  const timer = setInterval(() => {
    samples++;
    sample();
  }, 50);
  const t0 = performance.now();
  const blob = await openAsBlob(zipPath);
  const load = await loadDataset([new File([blob], 'corpora.zip')], new LocalFeaturiser(extractor));
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  sample();
  const { report } = load;
  const files = load.items.length;
  const MB = 1e6;
  const row: Row = {
    'ZIP MB': +(zipBytes / MB).toFixed(1),
    seconds: +seconds.toFixed(2),
    'files/s': Math.round(files / seconds),
    'baseline rss MB': +(baseline.rss / MB).toFixed(0),
    'peak rss MB': +(peak.rss / MB).toFixed(0),
    'peak heapUsed MB': +(peak.heapUsed / MB).toFixed(0),
    'peak arrayBuffers MB': +(peak.arrayBuffers / MB).toFixed(0),
    'memory samples': samples,
  };
  printTable(`loadDataset of a stored ZIP of ../shared/corpora (${zipPath}), MFCC per file, main thread, memory sampled every 50 ms`, [row]);
  const totals: Row = {
    items: files,
    'report total files': report.total.files,
    'report total seconds': +report.total.seconds.toFixed(1),
    labels: report.labels.length,
    speakers: report.speakers.length,
    skipped: report.skipped.length,
    'features kept': load.features.size,
    archives: load.archives.length,
  };
  printTable('Dataset report totals', [totals]);
  if (report.skipped.length > 0) console.log('first skipped:', report.skipped.slice(0, 3));
  return { zip: zipPath, row, totals, baseline: { rss: baseline.rss, heapUsed: baseline.heapUsed, arrayBuffers: baseline.arrayBuffers }, peak };
}

// ---- main ----

if (isMainThread) {
  const clips = speechClips();
  const rates = new Map<number, number>();
  for (const clip of clips) {
    const rate = (await decodeAudioFile(clip.bytes, clip.name)).sampleRate;
    rates.set(rate, (rates.get(rate) ?? 0) + 1);
  }
  const mix = [...rates].map(([rate, n]) => `${n} at ${rate} Hz`).join(', ');
  await runClips(clips, WARMUP_CLIPS, 1, 0);
  const single = await runClips(clips, TIMED_CLIPS, 2, 0);
  const workers = cpus().length;
  const parallel = await allCores(workers);
  const wallMs = Math.max(...parallel.map((r) => r.end)) - Math.min(...parallel.map((r) => r.start));
  const parallelClips = parallel.reduce((s, r) => s + r.clips, 0);

  const singleRate = (single.clips / single.ms) * 1000;
  const totalRate = (parallelClips / wallMs) * 1000;
  const perWorker = parallel.map((r) => (r.clips / r.ms) * 1000);
  const meanPerWorker = perWorker.reduce((a, b) => a + b, 0) / perWorker.length;
  const cpuRate = (single.clips / single.cpuMs) * 1000;
  const figures: Row[] = [
    { run: 'one thread (main)', threads: 1, clips: single.clips, 'clips/s total': +singleRate.toFixed(1), 'clips/s per worker': +singleRate.toFixed(1), 'x librosa (29/s, 1 thread)': +(singleRate / LIBROSA_CLIPS_PER_S).toFixed(2) },
    { run: 'one thread, per CPU second', threads: 1, clips: single.clips, 'clips/s total': +cpuRate.toFixed(1), 'clips/s per worker': +cpuRate.toFixed(1), 'x librosa (29/s, 1 thread)': +(cpuRate / LIBROSA_CLIPS_PER_S).toFixed(2) },
    { run: `all cores (${workers} worker_threads)`, threads: workers, clips: parallelClips, 'clips/s total': +totalRate.toFixed(1), 'clips/s per worker': +meanPerWorker.toFixed(1), 'x librosa (29/s, 1 thread)': +(meanPerWorker / LIBROSA_CLIPS_PER_S).toFixed(2) },
  ];
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(', ')} (${workers} cores; wall-clock figures need a quiet machine)`);
  printTable(`Decode + resample to 22 050 Hz + fix length ${CLIP} + 3 variants (original, noise 20 dB, pitch +2) to MFCC (${single.backend}); ${clips.length} speech fixtures: ${mix}; ${TIMED_CLIPS} clips per thread after ${WARMUP_CLIPS} warm-up`, figures);
  const steps = [stepRows('one thread', single), stepRows('one thread, CPU time', single, 'stepCpuMs'), ...parallel.map((r, i) => stepRows(`worker ${i}`, r))];
  printTable('Per step, ms per clip (3x MFCC = the three variants together)', steps);
  const memory = await corporaMemory();
  writeResults('dataset', {
    librosaClipsPerSecond: LIBROSA_CLIPS_PER_S,
    fixtures: clips.map((c) => c.name),
    sampleRates: Object.fromEntries(rates),
    clipsPerThread: TIMED_CLIPS,
    figures,
    steps,
    perWorkerClipsPerSecond: perWorker,
    memory,
  });
}
