// `npm run bench -- live`: the Live page of the production build in headless Chromium, fed by the
// fake microphone (a RAVDESS utterance then 4 s of silence, looped), for LIVE_MINUTES (10 by
// default). Measures the compute per update and the on-screen latency (from the session log), and
// the tensors and memory (page and workers, measureUserAgentSpecificMemory) every half minute,
// with their slope. The session audio is not kept, so any growth would be a leak.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseDelimitedText } from '../src/core/dataset/delimited-text';
import { printTable, type Row, writeResults } from './_report';
import { serveStatic } from './browser/runner/serve-static';
import { CHROMIUM_EXECUTABLE, HEADLESS_CHROMIUM_ARGS, loadChromium } from '../scripts/headless-chromium';

const root = join(process.env.SER_BENCH_DIR ?? '.', '..');
const MINUTES = Number(process.env.LIVE_MINUTES ?? 10);
const SAMPLE_EVERY_S = Number(process.env.LIVE_SAMPLE_S ?? 30);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

if (!existsSync(join(root, 'dist/index.html')) || process.env.LIVE_BUILD === '1') {
  console.log('building the app (vite build)…');
  const built = spawnSync(join(root, 'node_modules/.bin/vite'), ['build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

interface Sample {
  readonly seconds: number;
  readonly tensors: number;
  readonly bytes: number;
}

const chromium = await loadChromium();
const server = await serveStatic(join(root, 'dist'));
const browser = await chromium.launch({
  executablePath: CHROMIUM_EXECUTABLE,
  args: [
    ...HEADLESS_CHROMIUM_ARGS,
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${join(root, 'e2e/fixtures/live-speech-then-silence.wav')}`,
    // measureUserAgentSpecificMemory answers at once instead of at the next natural GC (up to 20 s).
    '--enable-blink-features=ForceEagerMeasureMemory',
  ],
});
const loadAtStart = load();
try {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.grantPermissions(['microphone'], { origin: server.url });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  await importFixtureModel(page);
  await page.goto(new URL("#/live", server.url).href);
  await page.getByLabel('Keep the audio to save it (up to 10 min)').uncheck();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByTestId('live-stats').waitFor({ timeout: 30_000 });
  const started = Date.now();
  const samples: Sample[] = [];
  while (Date.now() - started < MINUTES * 60_000) {
    await page.waitForTimeout(Math.min(SAMPLE_EVERY_S * 1000, MINUTES * 60_000 - (Date.now() - started)));
    samples.push({ seconds: (Date.now() - started) / 1000, ...(await measure(page)) });
    const last = samples.at(-1)!;
    console.log(`  ${last.seconds.toFixed(0)} s: ${last.tensors} tensors, ${(last.bytes / 2 ** 20).toFixed(1)} MB (page + workers), load ${load()}`);
  }
  await page.getByRole('button', { name: 'Stop' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download log (CSV)' }).click()]);
  const log = parseDelimitedText(readFileSync((await download.path())!, 'utf8'), ',').rows.map((row) => row.fields);
  const header = log[0];
  const updates = log.slice(1).map((fields) => Object.fromEntries(header.map((name, i) => [name, fields[i]])));
  const voiced = updates.filter((update) => update.voice === 'yes');
  const compute = voiced.map((update) => Number(update.compute_ms));
  const computeAll = updates.map((update) => Number(update.compute_ms));
  const latency = updates.map((update) => Number(update.latency_ms)).filter((ms) => Number.isFinite(ms) && ms > 0);
  const speechLatency = voiced.map((update) => Number(update.latency_ms)).filter((ms) => Number.isFinite(ms) && ms > 0);
  const steady = samples.filter((sample) => sample.seconds >= 60);
  const rows: Row[] = [
    { measure: 'updates', value: `${updates.length} (${voiced.length} with speech, ${updates.length - voiced.length} silence)` },
    { measure: 'compute per update with speech, ms', value: summary(compute) },
    { measure: 'compute per update, all, ms', value: summary(computeAll) },
    { measure: 'on-screen latency with speech, ms (last sample of the window → label painted)', value: summary(speechLatency) },
    { measure: 'on-screen latency, all updates, ms', value: summary(latency) },
    { measure: 'tensors, first → last sample', value: `${samples[0]?.tensors} → ${samples.at(-1)?.tensors}` },
    { measure: 'memory, first → last sample (MB)', value: `${mb(samples[0]?.bytes)} → ${mb(samples.at(-1)?.bytes)}` },
    { measure: 'memory slope after the first minute (KB/min)', value: (slope(steady) * 60 / 1024).toFixed(1) },
    { measure: 'tensor slope after the first minute (per min)', value: (slope(steady.map((s) => ({ seconds: s.seconds, bytes: s.tensors }))) * 60).toFixed(3) },
  ];
  printTable(`Live emotion, ${MINUTES} min in headless Chromium ${browser.version()}, fake microphone, hop 0.5 s (load at start ${loadAtStart}, end ${load()})`, rows);
  writeResults('live', { chromium: browser.version(), minutes: MINUTES, loadAverage: { start: loadAtStart, end: load() }, rows, samples, compute, latency, speechLatency });
} finally {
  await browser.close();
  await server.close();
}

async function importFixtureModel(page: Page): Promise<void> {
  await page.goto(new URL("#/models", server.url).href);
  await page.locator('#model-files').setInputFiles([{ name: 'thesis-cnn.zip', mimeType: 'application/zip', buffer: readFileSync(join(root, 'e2e/fixtures/models/thesis-cnn.zip')) }]);
  await page.getByText('Imported "Thesis CNN fixture"').waitFor();
}

async function measure(page: Page): Promise<{ tensors: number; bytes: number }> {
  const stats = (await page.getByTestId('live-stats').textContent()) ?? '';
  const bytes = await page.evaluate(async () => {
    const measured = await (performance as unknown as { measureUserAgentSpecificMemory(): Promise<{ bytes: number }> }).measureUserAgentSpecificMemory();
    return measured.bytes;
  });
  return { tensors: Number(stats.match(/(\d+) tensors/)?.[1] ?? Number.NaN), bytes };
}

function summary(values: readonly number[]): string {
  if (values.length === 0) return '–';
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(1)}, p95 ${at(0.95).toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)}`;
}

function mb(bytes: number | undefined): string {
  return bytes === undefined ? '–' : (bytes / 2 ** 20).toFixed(1);
}

/** Least-squares slope of bytes over seconds. */
function slope(points: readonly { seconds: number; bytes: number }[]): number {
  if (points.length < 2) return Number.NaN;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.seconds, 0) / n;
  const my = points.reduce((s, p) => s + p.bytes, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.seconds - mx) * (p.bytes - my), 0);
  const sxx = points.reduce((s, p) => s + (p.seconds - mx) ** 2, 0);
  return sxy / sxx;
}
