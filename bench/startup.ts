// `npm run bench -- startup`: how fast the studio opens, in headless Chromium against the
// production build: the JavaScript needed for the first paint (gzipped, as a static host serves
// it) and the time from opening the Predict page to the built-in model being ready to predict
// (loaded in the prediction worker, one warm-up prediction done). Fresh browser context each run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { printTable, type Row, writeResults } from './_report';
import { serveStatic } from './browser/runner/serve-static';
import { CHROMIUM_EXECUTABLE, HEADLESS_CHROMIUM_ARGS, loadChromium } from '../scripts/headless-chromium';

const root = join(process.env.SER_BENCH_DIR ?? '.', '..');
const RUNS = Number(process.env.STARTUP_RUNS ?? 5);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

if (!existsSync(join(root, 'dist/index.html')) || process.env.STARTUP_BUILD === '1') {
  const built = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** The scripts index.html loads before the first paint: its module script and the chunks it preloads. */
function firstPaintScripts(): { file: string; bytes: number; gzipped: number }[] {
  const html = readFileSync(join(root, 'dist/index.html'), 'utf8');
  const urls = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((match) => match[1]);
  return urls.map((url) => {
    const body = readFileSync(join(root, 'dist', url));
    return { file: url, bytes: body.length, gzipped: gzipSync(body, { level: 9 }).length };
  });
}

const scripts = firstPaintScripts();
const server = await serveStatic(join(root, 'dist'));
const chromium = await loadChromium();
const browser = await chromium.launch({
  executablePath: CHROMIUM_EXECUTABLE,
  args: [...HEADLESS_CHROMIUM_ARGS],
});
const loadAtStart = load();
const runs: { firstPaint: number; ready: number }[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL('#/predict', server.url).href);
    const ready = Number(await page.getByTestId('model-ready').getAttribute('data-ready-at', { timeout: 30_000 }));
    const firstPaint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
    runs.push({ firstPaint, ready });
    console.log(`  run ${run + 1}: first paint ${firstPaint.toFixed(0)} ms, model ready ${ready.toFixed(0)} ms (load ${load()})`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const total = scripts.reduce((sum, script) => sum + script.gzipped, 0);
const rows: Row[] = [
  { measure: 'JavaScript for the first paint, gzipped (KB)', value: (total / 1024).toFixed(1), target: '≤ 200' },
  ...scripts.map((script) => ({ measure: `  ${script.file}`, value: `${(script.gzipped / 1024).toFixed(1)} KB gz (${(script.bytes / 1024).toFixed(0)} KB)`, target: '' })),
  { measure: `first contentful paint, median of ${RUNS} (ms)`, value: median(runs.map((r) => r.firstPaint)).toFixed(0), target: '' },
  { measure: `Predict page opened → built-in model ready, median of ${RUNS} (ms)`, value: median(runs.map((r) => r.ready)).toFixed(0), target: '≤ 1500' },
  { measure: '  slowest run (ms)', value: Math.max(...runs.map((r) => r.ready)).toFixed(0), target: '' },
];
printTable(`Startup in headless Chromium ${browser.version()}, production build served locally (load at start ${loadAtStart}, end ${load()})`, rows);
writeResults('startup', { loadAverage: { start: loadAtStart, end: load() }, rows, scripts, runs });
