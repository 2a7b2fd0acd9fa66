import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { LEAKY_SPLIT_WARNING } from '../src/core/dataset/split-warnings';
import { buildTestZip } from '../src/core/zip/test-zip-writer';
import { expect, test } from './helpers/guard';
import { type InputFile, loadZips, openTrain, rowsOf } from './helpers/train-page';

async function labelCounts(page: Page): Promise<string[][]> {
  const rows = await rowsOf(page.getByRole('table', { name: 'Files per label' }));
  return rows.map(([label, files]) => [label, files]);
}

async function speakerNames(page: Page): Promise<string[]> {
  const rows = await rowsOf(page.getByRole('table', { name: 'Files per speaker and label' }));
  return rows.map(([speaker]) => speaker);
}

interface GoodZip {
  readonly file: string;
  readonly rule: string;
  readonly labels: readonly (readonly [string, string])[];
  readonly speakers: readonly string[];
}

const GOOD_ZIPS: readonly GoodZip[] = [
  {
    file: 'folders.zip',
    rule: 'emotion folder',
    labels: [['anger', '2'], ['fear', '1'], ['happiness', '2'], ['neutral', '1'], ['sadness', '1']],
    speakers: ['unknown'],
  },
  { file: 'ravdess.zip', rule: 'RAVDESS name', labels: [['anger', '2'], ['happiness', '1'], ['neutral', '1'], ['sadness', '1']], speakers: ['ravdess:01', 'ravdess:02'] },
  { file: 'tess.zip', rule: 'TESS name', labels: [['anger', '1'], ['happiness', '1'], ['sadness', '1'], ['surprise', '1']], speakers: ['tess:OAF', 'tess:YAF'] },
  { file: 'emodb.zip', rule: 'EMO-DB name', labels: [['anger', '1'], ['happiness', '1'], ['sadness', '1']], speakers: ['emodb:03', 'emodb:08'] },
  { file: 'savee.zip', rule: 'SAVEE name', labels: [['anger', '1'], ['happiness', '1'], ['sadness', '2']], speakers: ['savee:DC', 'savee:JE', 'savee:KL'] },
  { file: 'crema-d.zip', rule: 'CREMA-D name', labels: [['anger', '1'], ['happiness', '1'], ['sadness', '1']], speakers: ['crema-d:1001', 'crema-d:1002'] },
];

for (const zip of GOOD_ZIPS) {
  test(`loads ${zip.file} with its labels, speakers and labelling rule`, async ({ page }) => {
    await openTrain(page);
    await loadZips(page, [zip.file]);
    expect(await labelCounts(page)).toEqual(zip.labels);
    expect(await speakerNames(page)).toEqual(zip.speakers);
    await expect(page.getByRole('list', { name: 'How the files got their labels' })).toContainText(`${zip.rule}: `);
  });
}

test('merges several ZIPs into one dataset', async ({ page }) => {
  await openTrain(page);
  await loadZips(page, ['ravdess.zip', 'ravdess-more.zip']);
  expect(await labelCounts(page)).toEqual([
    ['anger', '3'],
    ['disgust', '1'],
    ['fear', '1'],
    ['happiness', '1'],
    ['neutral', '1'],
    ['sadness', '2'],
  ]);
  expect(await speakerNames(page)).toEqual(['ravdess:01', 'ravdess:02', 'ravdess:03', 'ravdess:04']);
  await expect(page.getByTestId('dataset-totals')).toContainText('9 usable files');
});

async function oversizedZip(): Promise<InputFile> {
  const bytes = await buildTestZip([
    { name: 'a.wav', data: 'RIFF', declaredSize: 3e9 },
    { name: 'b.wav', data: 'RIFF', declaredSize: 3e9 },
  ]);
  return { name: 'huge.zip', mimeType: 'application/zip', buffer: Buffer.from(bytes) };
}

const BAD_ZIPS: readonly { file: string | (() => Promise<InputFile>); message: RegExp }[] = [
  { file: 'truncated.zip', message: /truncated\.zip was not loaded: .*cut short/ },
  { file: 'text-only.zip', message: /text-only\.zip holds no audio files/ },
  { file: 'not-a-zip.zip', message: /not-a-zip\.zip was not loaded: it is not a ZIP archive/ },
  { file: 'nested.zip', message: /nested\.zip holds no audio the studio can read/ },
  { file: oversizedZip, message: /huge\.zip was not loaded: its entries claim .* uncompressed in total/ },
];

for (const bad of BAD_ZIPS) {
  const title = typeof bad.file === 'string' ? bad.file : 'a ZIP claiming more than 4 GB';
  test(`says plainly what is wrong with ${title}, and a good ZIP still loads after it`, async ({ page }) => {
    await openTrain(page);
    await loadZips(page, [typeof bad.file === 'string' ? bad.file : await bad.file()]);
    await expect(page.getByRole('alert').filter({ hasText: bad.message })).toBeVisible();

    await loadZips(page, ['ravdess.zip']);
    await expect(page.getByText(bad.message)).toHaveCount(0);
    expect(await labelCounts(page)).toEqual(GOOD_ZIPS[1].labels);
  });
}

test('lists a ZIP inside the ZIP among the skipped files, with the reason', async ({ page }) => {
  await openTrain(page);
  await loadZips(page, ['nested.zip']);
  await expect(page.getByRole('alert')).toContainText('see the skipped files below');
  await page.getByText(/1 skipped file/).click();
  await expect(page.getByRole('list', { name: 'Skipped files' })).toContainText(
    'nested.zip/inner.zip: a ZIP inside the ZIP is not opened: unzip it and drop its contents',
  );
});

test('shows odd file names as text', async ({ page }) => {
  await openTrain(page);
  await loadZips(page, ['odd-names.zip']);
  expect(await labelCounts(page)).toEqual([
    ['anger', '1'],
    ['sadness', '1'],
  ]);
  await page.getByText(/1 skipped file/).click();
  const skipped = page.getByRole('list', { name: 'Skipped files' });
  await expect(skipped).toContainText('odd-names.zip/misc/<b>html</b> clip.wav');
  await expect(skipped.locator('b')).toHaveCount(0);
});

test('recomputes the tables when the label mapping merges, drops or keeps labels', async ({ page }) => {
  await openTrain(page);
  await loadZips(page, ['ravdess.zip']);
  await expect(page.getByLabel('Class for calm')).toHaveValue('');

  await page.getByLabel('Class for sadness').selectOption('neutral');
  expect(await labelCounts(page)).toEqual([
    ['anger', '2'],
    ['happiness', '1'],
    ['neutral', '2'],
  ]);

  await page.getByLabel('Class for anger').selectOption({ label: 'drop these files' });
  expect(await labelCounts(page)).toEqual([
    ['happiness', '1'],
    ['neutral', '2'],
  ]);

  await page.getByLabel('Class for calm').selectOption('calm');
  expect(await labelCounts(page)).toEqual([
    ['happiness', '1'],
    ['neutral', '2'],
    ['calm', '1'],
  ]);

  await page.getByLabel('Class to rename').selectOption('neutral');
  await page.getByLabel('New class name').fill('quiet');
  await page.getByRole('button', { name: 'Rename' }).click();
  expect((await labelCounts(page)).map(([label]) => label)).toContain('quiet');
});

async function splitSpeakers(page: Page): Promise<Record<string, string[]>> {
  const rows = await rowsOf(page.getByRole('table', { name: 'Split summary' }));
  return Object.fromEntries(rows.map(([side, , speakers]) => [side, speakers === '' ? [] : speakers.split(', ')]));
}

const ALL_GOOD = GOOD_ZIPS.map((zip) => zip.file);

test('the speaker split never puts a speaker on two sides', async ({ page }) => {
  await openTrain(page);
  await loadZips(page, ALL_GOOD);
  await expect(page.getByRole('radio', { name: /By speaker/ })).toBeChecked();
  for (const seed of ['1', '7']) {
    await page.getByRole('region', { name: 'Split' }).getByLabel('Seed').fill(seed);
    const sides = await splitSpeakers(page);
    const all = [...sides.Train, ...sides.Validation, ...sides.Test];
    expect(sides.Train.length).toBeGreaterThan(0);
    expect(sides.Test.length).toBeGreaterThan(0);
    expect(new Set(all).size).toBe(all.length);
  }
  await expect(page.getByTestId('leaky-split-warning')).toHaveCount(0);
});

test('the random split shows the leakage warning prominently', async ({ page }) => {
  await openTrain(page);
  await loadZips(page, ALL_GOOD);
  await page.getByRole('radio', { name: /Random, as the thesis did/ }).check();
  await expect(page.getByTestId('leaky-split-warning')).toHaveText(LEAKY_SPLIT_WARNING);
  await expect(page.getByRole('alert').filter({ hasText: 'random split by file' })).toBeVisible();
});

test('shows progress with counts while a larger ZIP loads, then its exact duplicates', async ({ page }) => {
  const utterance = readFileSync(fileURLToPath(new URL('../src/fixtures/speech/03-01-05-02-02-02-02.wav', import.meta.url)));
  const entries = Array.from({ length: 60 }, (_, index) => ({ name: `Angry/copy-${index}.wav`, data: new Uint8Array(utterance) }));
  const bytes = await buildTestZip(entries);
  await openTrain(page);
  await page.locator('#dataset-files').setInputFiles({ name: 'copies.zip', mimeType: 'application/zip', buffer: Buffer.from(bytes) });
  const bar = page.getByRole('progressbar', { name: 'Dataset loading progress' });
  await expect(page.getByText(/^[1-9]\d* of 60 files: \d+ read, \d+ decoded, [1-9]\d* featurised, 0 skipped/)).toBeVisible();
  await expect(bar).toHaveAttribute('max', '60');
  await expect(page.getByText('Dataset from copies.zip.')).toBeVisible({ timeout: 30_000 });
  expect(await labelCounts(page)).toEqual([['anger', '60']]);
  await expect(page.getByText('1 group of exact duplicates', { exact: false })).toBeVisible();
});
