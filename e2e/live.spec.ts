import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import type { Page } from '@playwright/test';
import { decodeAudioFile } from '../src/core/audio/decode-audio-file';
import { conformAudio } from '../src/core/audio/load-audio';
import { parseDelimitedText } from '../src/core/dataset/delimited-text';
import { artifactsFromModelJson } from '../src/core/model-library/model-artifacts';
import { readModelBundle } from '../src/core/model-library/model-bundle';
import { useNodeWasmBackend } from '../src/core/model/test-support/node-wasm-backend';
import { EmotionPredictor } from '../src/core/predict/emotion-predictor';
import { expect, test } from './helpers/guard';
import { importFixtureModel } from './helpers/model-fixture';

// Chromium's fake microphone plays e2e/fixtures/live-speech-then-silence.wav in a loop: a 4 s
// RAVDESS utterance, then 4 s of digital silence (see the chromium-live project in playwright.config.ts).

async function openLive(page: Page): Promise<void> {
  await page.goto('./#/live');
  await expect(page.getByText('Reading the model library…')).toBeHidden();
}

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFileSync((await file.path())!);
}

test('the timeline fills, silence reads as silence, and each live window predicts as its samples do offline', async ({ page, context, baseURL }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['microphone'], { origin: baseURL });
  await importFixtureModel(page);
  await openLive(page);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByTestId('live-microphone')).toContainText('echo cancellation off, noise suppression off, auto gain off');
  const now = page.getByTestId('live-now');
  // The fixture model is untrained: it names an emotion, or says it is unsure between two.
  await expect(now).toHaveText(/^((anger|disgust|fear|happiness|neutral|sadness|surprise) \d+\.\d%|Unsure: [a-z]+ or [a-z]+ \d+\.\d% \/ \d+\.\d%)$/, { timeout: 15_000 });
  await expect(now).toHaveText('Silence', { timeout: 15_000 });
  await expect(page.getByTestId('live-stats')).toContainText('0 samples dropped');
  await expect(page.getByTestId('live-stats')).toContainText('shared ring');
  await expect(page.getByRole('img', { name: /^Timeline of the last 60 seconds: (\d+) updates, [1-9]\d* of them silence\.$/ })).toBeVisible();
  const tensors = async () => Number((await page.getByTestId('live-stats').textContent())!.match(/(\d+) tensors/)![1]);
  const tensorsBefore = await tensors();
  await page.waitForTimeout(4000);
  // A loop of speech and silence later, tfjs holds as many tensors as before (the model's weights).
  expect(await tensors()).toBe(tensorsBefore);
  await page.getByRole('button', { name: 'Stop' }).click();

  const log = parseDelimitedText(await download(page, 'Download log (CSV)').then((bytes) => bytes.toString('utf8')), ',').rows.map((row) => row.fields);
  const header = log[0];
  const rows = log.slice(1).map((fields) => Object.fromEntries(header.map((name, i) => [name, fields[i]])));
  expect(rows.length).toBeGreaterThanOrEqual(10);
  const voiced = rows.filter((row) => row.voice === 'yes');
  const silent = rows.filter((row) => row.voice === 'no');
  expect(voiced.length).toBeGreaterThan(2);
  expect(silent.length).toBeGreaterThan(2);
  expect(silent.every((row) => row.predicted === 'silence' && row.p_anger === '')).toBe(true);
  const compute = rows.map((row) => Number(row.compute_ms));
  const latency = rows.map((row) => Number(row.latency_ms)).filter((ms) => ms > 0);
  console.log(`live: ${rows.length} updates; compute median ${median(compute).toFixed(1)} ms, max ${Math.max(...compute).toFixed(1)}; on-screen latency median ${median(latency).toFixed(0)} ms`);

  // Offline: the fixture model in Node, on the wasm backend as in the worker, on the session
  // WAV's samples of each voiced window.
  await useNodeWasmBackend();
  const wav = await download(page, 'Save session audio (WAV)');
  const audio = await decodeAudioFile(new Uint8Array(wav), 'live-session.wav');
  const bundle = await readModelBundle(new File([readFileSync(new URL('./fixtures/models/thesis-cnn.zip', import.meta.url))], 'thesis-cnn.zip'));
  const model = await tf.loadLayersModel(tf.io.fromMemory(artifactsFromModelJson(bundle.modelJson, bundle.weights)));
  const predictor = new EmotionPredictor(model, bundle.metadata);
  let worst = 0;
  for (const row of voiced) {
    const window = audio.channels[0].slice(Number(row.window_start_frame), Number(row.window_end_frame));
    expect(window.length).toBe(Number(row.window_end_frame) - Number(row.window_start_frame));
    const samples = conformAudio({ channels: [window], sampleRate: audio.sampleRate, sourceFormat: 'x' }, 22050).samples;
    const offline = await predictor.predictClip(samples.subarray(0, Math.min(samples.length, 92672)));
    bundle.metadata.labels.forEach((label, c) => (worst = Math.max(worst, Math.abs(offline.probabilities[c] - Number(row[`p_${label}`]))))); 
  }
  console.log(`live vs offline: largest probability difference ${worst.toExponential(2)} over ${voiced.length} windows`);
  // The log rounds probabilities to 6 decimals; the samples and the path are the same.
  expect(worst).toBeLessThan(2e-6);
  predictor.dispose();
});

test('a denied microphone says how to allow it, and Start works again after', async ({ page }) => {
  await importFixtureModel(page);
  await openLive(page);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('alert')).toHaveText(/^Microphone access was denied\./);
  await expect(page.getByRole('button', { name: 'Start' })).toBeEnabled();
});

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
