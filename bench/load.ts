// `npm run bench -- load`: the studio under load, in headless Chromium on the production build.
// 1. A 10,000-file ZIP, made here from the 15 real utterances of src/fixtures/speech with light
//    variation (gain, a few milliseconds of shift, a little noise, so no two files are the same),
//    is loaded on the Train page and trains one epoch; the tab's memory (the renderer process, which
//    runs the page and its workers) is sampled every second and must stay under 2 GB.
// 2. 1,000 files are predicted on the Predict page with a PerformanceObserver on long tasks.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeAudioFile } from '../src/core/audio/decode-audio-file';
import { conformAudio } from '../src/core/audio/load-audio';
import { encodeWav16 } from '../src/core/audio/wav-writer';
import { SeededRandom } from '../src/core/random/seeded-random';
import { writeStoredZip } from '../src/core/zip/zip-writer';
import { printTable, type Row, writeResults } from './_report';
import { serveStatic } from './browser/runner/serve-static';
import { CHROMIUM_EXECUTABLE, HEADLESS_CHROMIUM_ARGS, loadChromium } from '../scripts/headless-chromium';

const root = join(process.env.SER_BENCH_DIR ?? '.', '..');
const FILES = Number(process.env.LOAD_FILES ?? 10_000);
const PREDICT_FILES = Number(process.env.LOAD_PREDICT_FILES ?? 1000);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

if (!existsSync(join(root, 'dist/index.html')) || process.env.LOAD_BUILD === '1') {
  const built = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** The real utterances, mono at 22,050 Hz, and their names. */
async function utterances(): Promise<{ name: string; samples: Float32Array; rate: number }[]> {
  const dir = join(root, 'src/fixtures/speech');
  return Promise.all(readdirSync(dir).filter((name) => name.endsWith('.wav')).map(async (name) => {
    // At 22,050 Hz, the rate of the shared corpora: 10,000 clips then fit in a ZIP under 2 GB.
    const audio = conformAudio(await decodeAudioFile(new Uint8Array(readFileSync(join(dir, name))), name), 22050);
    return { name, samples: audio.samples, rate: audio.sampleRate };
  }));
}

/** `count` varied copies, named so the labels still read from the corpus conventions. */
async function variedFiles(count: number): Promise<{ path: string; data: Uint8Array }[]> {
  const sources = await utterances();
  const random = new SeededRandom(10_000);
  return Array.from({ length: count }, (_, index) => {
    const source = sources[index % sources.length];
    const gain = 0.5 + random.next();
    const shift = Math.floor(random.next() * 0.02 * source.rate);
    const varied = new Float32Array(source.samples.length);
    for (let i = 0; i < varied.length; i++) varied[i] = gain * (source.samples[(i + shift) % source.samples.length] + 0.002 * random.gaussian());
    const take = String(index).padStart(5, '0');
    // Spread over 20 RAVDESS actors and both TESS speakers, so a speaker split has speakers to split.
    const actor = String(1 + (index % 20)).padStart(2, '0');
    const name = source.name.startsWith('03-') ? source.name.replace(/-\d\d\.wav$/, `-${actor}.wav`) : source.name.replace(/^OAF/, index % 2 === 0 ? 'OAF' : 'YAF');
    return { path: `copy-${take}/${name}`, data: encodeWav16(varied, source.rate) };
  });
}

/** Resident memory of the browser's renderer processes (the tab, its workers), in bytes. */
function rendererBytes(browserPid: number): number {
  const out = execFileSync('ps', ['-eo', 'pid,ppid,rss,args'], { encoding: 'utf8' });
  // split(/\s+/, 4) would drop the rest of the command line, where --type=renderer is.
  const rows = out.trim().split('\n').slice(1).map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/)!.slice(1));
  const children = new Set<number>([browserPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of rows) if (children.has(Number(ppid)) && !children.has(Number(pid))) (children.add(Number(pid)), (grew = true));
  }
  return rows.filter(([pid, , , args]) => children.has(Number(pid)) && args.includes('--type=renderer')).reduce((sum, [, , rss]) => sum + Number(rss) * 1024, 0);
}

const work = mkdtempSync(join(tmpdir(), 'ser-load-'));
const zipPath = join(work, 'load-10000.zip');
let started = performance.now();
writeInChunks(zipPath, writeStoredZip(await variedFiles(FILES)));
console.log(`made a ${FILES}-file ZIP in ${((performance.now() - started) / 1000).toFixed(1)} s`);
// Paths, not buffers: Playwright refuses more than 50 MB of buffers in one setInputFiles.
const predictFiles = (await variedFiles(PREDICT_FILES)).map(({ path, data }) => {
  const file = join(work, path.replace('/', '-'));
  writeInChunks(file, data);
  return file;
});

const server = await serveStatic(join(root, 'dist'));
const chromium = await loadChromium();
const browserServer = await chromium.launchServer({
  executablePath: CHROMIUM_EXECUTABLE,
  args: [...HEADLESS_CHROMIUM_ARGS],
});
const browser = await chromium.connect(browserServer.wsEndpoint());
const loadAtStart = load();
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, rendererBytes(browserServer.process().pid!))), 1000);
const rows: Row[] = [];
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(new URL('#/train', server.url).href);
  started = performance.now();
  await page.locator('#dataset-files').setInputFiles(zipPath);
  await page.getByText('Dataset from load-10000.zip.').waitFor({ timeout: 20 * 60_000 });
  const loadSeconds = (performance.now() - started) / 1000;
  await page.getByLabel('Augmented copies per training clip').fill('0');
  await page.getByLabel('Epochs', { exact: true }).fill('1');
  started = performance.now();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByTestId('training-summary').waitFor({ timeout: 30 * 60_000 });
  const trainSeconds = (performance.now() - started) / 1000;
  const trainPeak = peak;
  rows.push({ measure: `load ${FILES} files (decode, resample, MFCC)`, value: `${loadSeconds.toFixed(1)} s (${(FILES / loadSeconds).toFixed(0)} files/s)` });
  rows.push({ measure: 'prepare + train one epoch + evaluate', value: `${trainSeconds.toFixed(1)} s` });
  rows.push({ measure: 'tab memory peak (renderer RSS), target < 2 GB', value: `${(trainPeak / 2 ** 30).toFixed(2)} GB` });
  console.log(rows.map((row) => `  ${row.measure}: ${row.value}`).join('\n'));

  await page.goto(new URL('#/predict', server.url).href);
  await page.getByTestId('model-ready').waitFor({ timeout: 60_000 });
  await page.locator('#predict-files').setInputFiles(predictFiles);
  await page.evaluate(() => {
    const longest = { ms: 0, count: 0 };
    (window as unknown as { longTasks: typeof longest }).longTasks = longest;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => ((longest.ms = Math.max(longest.ms, entry.duration)), longest.count++))).observe({ type: 'longtask' });
  });
  started = performance.now();
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await page.getByText(`${PREDICT_FILES} of ${PREDICT_FILES} files predicted`, { exact: false }).waitFor({ timeout: 10 * 60_000 });
  const predictSeconds = (performance.now() - started) / 1000;
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: { ms: number; count: number } }).longTasks);
  rows.push({ measure: `predict ${PREDICT_FILES} files`, value: `${predictSeconds.toFixed(1)} s (${(PREDICT_FILES / predictSeconds).toFixed(0)} files/s)` });
  rows.push({ measure: 'long tasks on the page while predicting (target: none over 200 ms)', value: `${longTasks.count}, longest ${longTasks.ms.toFixed(0)} ms` });
} finally {
  clearInterval(sampler);
  await browser.close();
  await browserServer.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
printTable(`Load in headless Chromium (load at start ${loadAtStart}, end ${load()})`, rows);
writeResults('load', { loadAverage: { start: loadAtStart, end: load() }, rows });

/** writeFileSync refuses more than 2 GB in one call. */
function writeInChunks(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    for (let offset = 0; offset < bytes.length; offset += 2 ** 28) writeSync(fd, bytes, offset, Math.min(2 ** 28, bytes.length - offset));
  } finally {
    closeSync(fd);
  }
}
