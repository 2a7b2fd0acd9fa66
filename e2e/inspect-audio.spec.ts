import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { decodeAudioFile } from '../src/core/audio/decode-audio-file';
import { frameCount } from '../src/core/audio/decoded-audio';
import { loadAudio } from '../src/core/audio/load-audio';
import { DEFAULT_FEATURE_CONFIG } from '../src/core/features/feature-config';
import { FeatureExtractor } from '../src/core/features/feature-extractor';
import { expect, test } from './helpers/guard';

const e2eFixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const srcFixture = (name: string) => fileURLToPath(new URL(`../src/fixtures/${name}`, import.meta.url));

const RAVDESS = srcFixture('speech/03-01-05-02-02-02-02.wav');
const TESS = srcFixture('speech/OAF_base_sad.wav');
const AIFF_NAMED_WAV = srcFixture('quirks/aiff_named_wav__YAF_germ_angry.wav');
const STEREO = srcFixture('quirks/stereo_48k__03-01-02-01-01-02-01.wav');

/** Seconds of audio in a WAV or AIFF, read here in Node by the core: the truth the page must show. */
async function durationOf(path: string): Promise<number> {
  const audio = await decodeAudioFile(new Uint8Array(readFileSync(path)), path);
  return frameCount(audio) / audio.sampleRate;
}

interface Case {
  readonly path: string;
  readonly format: string;
  readonly rate: string;
  readonly channels: string;
  /** The lossless file it was made from (see e2e/fixtures/NOTICE.md). */
  readonly source: string;
  readonly byBrowser: boolean;
}

const CASES: readonly Case[] = [
  { path: e2eFixture('ravdess-angry-44k1.mp3'), format: 'MP3 (MPEG-1 Layer III), decoded by the browser', rate: '44,100 Hz', channels: '1 (mono)', source: RAVDESS, byBrowser: true },
  { path: e2eFixture('tess-sad-22k05.ogg'), format: 'Ogg Vorbis, decoded by the browser', rate: '22,050 Hz', channels: '1 (mono)', source: TESS, byBrowser: true },
  { path: e2eFixture('tess-sad.opus'), format: 'Ogg Opus, decoded by the browser', rate: '48,000 Hz', channels: '1 (mono)', source: TESS, byBrowser: true },
  { path: e2eFixture('ravdess-angry-32k.m4a'), format: 'MP4 AAC, decoded by the browser', rate: '32,000 Hz', channels: '1 (mono)', source: RAVDESS, byBrowser: true },
  { path: e2eFixture('ravdess-angry.webm'), format: 'WebM Opus, decoded by the browser', rate: '48,000 Hz', channels: '1 (mono)', source: RAVDESS, byBrowser: true },
  { path: e2eFixture('tess-sad-24k4.flac'), format: 'FLAC 16-bit', rate: '24,414 Hz', channels: '1 (mono)', source: TESS, byBrowser: false },
  { path: RAVDESS, format: 'WAV PCM 16-bit', rate: '48,000 Hz', channels: '1 (mono)', source: RAVDESS, byBrowser: false },
  { path: AIFF_NAMED_WAV, format: 'AIFF PCM 16-bit', rate: '24,414 Hz', channels: '1 (mono)', source: AIFF_NAMED_WAV, byBrowser: false },
  { path: STEREO, format: 'WAV PCM 16-bit', rate: '48,000 Hz', channels: '2 (stereo)', source: STEREO, byBrowser: false },
];

const baseName = (path: string) => path.split('/').pop() ?? path;

async function openPredict(page: Page): Promise<void> {
  await page.goto('./#/predict');
  await expect(page.getByRole('heading', { name: 'Inspect audio' })).toBeVisible();
}

function card(page: Page, fileName: string): Locator {
  return page.getByRole('article', { name: fileName, exact: true });
}

function fact(cardLocator: Locator, term: string): Locator {
  return cardLocator.locator(`dt:text-is("${term}") + dd`);
}

async function waitForResult(cardLocator: Locator): Promise<void> {
  await expect(cardLocator).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
}

/** Whether a heatmap canvas holds a real picture: opaque and with many distinct colours. */
async function distinctColours(heatmap: Locator): Promise<number> {
  return heatmap.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0 || canvas.height === 0) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] !== 255) return 0;
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    return colours.size;
  });
}

test('every supported format shows its facts and features', async ({ page }) => {
  test.setTimeout(90_000);
  await openPredict(page);
  const started = Date.now();
  await page.getByLabel('Choose files to inspect').setInputFiles(CASES.map((c) => c.path));

  const timings: string[] = [];
  for (const item of CASES) {
    const name = baseName(item.path);
    const result = card(page, name);
    await waitForResult(result);
    await expect(result.getByRole('alert')).toHaveCount(0);
    await expect(fact(result, 'Format')).toHaveText(item.format);
    await expect(fact(result, 'Native rate')).toHaveText(item.rate);
    await expect(fact(result, 'Channels')).toHaveText(item.channels);
    const shown = Number.parseFloat(await fact(result, 'Duration').innerText());
    expect(Math.abs(shown - (await durationOf(item.source))), `${name}: duration ${shown} s`).toBeLessThanOrEqual(0.1);

    const mfcc = result.getByRole('img', { name: `MFCC heatmap of ${name}` });
    const logMel = result.getByRole('img', { name: `Log-mel spectrogram of ${name}` });
    expect(await mfcc.locator('canvas').evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([182, 40]);
    expect(await logMel.locator('canvas').evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([182, 128]);
    expect(await distinctColours(mfcc), `${name}: MFCC canvas drawn`).toBeGreaterThan(50);
    expect(await distinctColours(logMel), `${name}: log-mel canvas drawn`).toBeGreaterThan(50);

    const processing = await fact(result, 'Processing').innerText();
    if (item.byBrowser) timings.push(`${name.padEnd(24)} ${processing}`);
  }
  console.log(`Page decoding of compressed files (Chromium decodeAudioData at the native rate):\n${timings.join('\n')}`);
  console.log(`All ${CASES.length} files analysed in ${Date.now() - started} ms, one after another.`);
  await expect(page.getByRole('region', { name: 'Inspect audio' }).getByRole('status')).toHaveText(`${CASES.length} files analysed.`);
});

test('files that cannot be read get a clear sentence, and the next file still works', async ({ page }) => {
  await openPredict(page);
  const input = page.getByLabel('Choose files to inspect');
  const unreadable = [
    { name: 'not-audio.wav', buffer: readFileSync(e2eFixture('not-audio.wav')), message: 'Could not read not-audio.wav: not a recognised audio file.' },
    { name: 'empty.wav', buffer: Buffer.alloc(0), message: 'Could not read empty.wav: the file is empty (0 bytes).' },
    // An ID3 tag followed by noise: it looks like an MP3, so the browser's decoder is tried, and fails.
    {
      name: 'broken.mp3',
      buffer: Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.alloc(4000, 0x5a)]),
      message: 'Could not read broken.mp3: the browser could not decode this MP3 file; it may be damaged or use a codec this browser lacks.',
    },
  ];
  for (const [index, file] of unreadable.entries()) {
    await input.setInputFiles({ name: file.name, mimeType: 'audio/wav', buffer: file.buffer });
    const failed = card(page, file.name);
    await waitForResult(failed);
    await expect(failed.getByRole('alert')).toHaveText(file.message);
    await expect(page.getByRole('region', { name: 'Inspect audio' }).getByRole('status')).toHaveText(`0 files analysed, ${index + 1} could not be read.`);
  }

  await input.setInputFiles(e2eFixture('tess-sad-22k05.ogg'));
  const next = card(page, 'tess-sad-22k05.ogg');
  await waitForResult(next);
  await expect(fact(next, 'Native rate')).toHaveText('22,050 Hz');
  await expect(page.getByRole('region', { name: 'Inspect audio' }).getByRole('status')).toHaveText('1 file analysed, 3 could not be read.');
  await expect(page.getByRole('alert')).toHaveCount(3);
});

test('features downloaded as JSON equal what the core computes in Node', async ({ page }) => {
  await openPredict(page);
  await page.getByLabel('Choose files to inspect').setInputFiles(RAVDESS);
  const result = card(page, baseName(RAVDESS));
  await waitForResult(result);

  const download = page.waitForEvent('download');
  await result.getByRole('button', { name: 'Download features (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('03-01-05-02-02-02-02.features.json');
  const document = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
    source: { sourceRate: number; channels: number };
    config: { nMfcc: number };
    mfcc: number[][];
    logMel: number[][];
  };

  const audio = await loadAudio(new Uint8Array(readFileSync(RAVDESS)), baseName(RAVDESS), 22050);
  const node = new FeatureExtractor(DEFAULT_FEATURE_CONFIG).extract(audio.samples);
  expect(document.source).toMatchObject({ sourceRate: 48000, channels: 1 });
  expect(document.config.nMfcc).toBe(40);
  for (const [name, rows, matrix] of [['mfcc', document.mfcc, node.mfcc], ['logMel', document.logMel, node.logMel]] as const) {
    expect([rows.length, rows[0].length], name).toEqual([matrix.bins, matrix.frames]);
    let worst = 0;
    for (let b = 0; b < matrix.bins; b++) {
      for (let t = 0; t < matrix.frames; t++) worst = Math.max(worst, Math.abs(rows[b][t] - matrix.data[t * matrix.bins + b]));
    }
    console.log(`${name}: max |browser worker - Node| = ${worst}`);
    expect(worst, name).toBeLessThanOrEqual(1e-4);
  }
});

test('files dropped on the drop zone are inspected', async ({ page }) => {
  await openPredict(page);
  const bytes = [...readFileSync(e2eFixture('tess-sad-24k4.flac'))];
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(content)], 'dropped.flac', { type: 'audio/flac' }));
    return transfer;
  }, bytes);
  const zone = page.getByRole('group', { name: 'Drop audio files here to inspect them' });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
  const result = card(page, 'dropped.flac');
  await waitForResult(result);
  await expect(fact(result, 'Native rate')).toHaveText('24,414 Hz');
});

test('the file picker opens from the keyboard, and Clear results empties the list', async ({ page }) => {
  await openPredict(page);
  const input = page.getByLabel('Choose files to inspect');
  await input.focus();
  const outline = await page.locator('label[for="inspect-files"]').evaluate((label) => getComputedStyle(label).outlineStyle);
  expect(outline).not.toBe('none');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5_000 }), input.press('Enter')]);
  await chooser.setFiles(STEREO);
  await waitForResult(card(page, baseName(STEREO)));

  await page.getByRole('button', { name: 'Clear results' }).click();
  await expect(page.getByRole('article')).toHaveCount(0);
  await expect(input).toBeFocused();
});

test('a file name is shown as text, never as HTML', async ({ page }) => {
  await openPredict(page);
  const name = '<img src=x onerror=alert(1)>.wav';
  await page.getByLabel('Choose files to inspect').setInputFiles({ name, mimeType: 'audio/wav', buffer: readFileSync(TESS) });
  const result = card(page, name);
  await waitForResult(result);
  await expect(result.getByRole('heading', { level: 3 })).toHaveText(name);
  await expect(page.locator('main img')).toHaveCount(0);
});
