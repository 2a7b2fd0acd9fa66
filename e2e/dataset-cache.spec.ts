import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { buildTestZip } from '../src/core/zip/test-zip-writer';
import { expect, test } from './helpers/guard';

type InputFile = { name: string; mimeType: string; buffer: Buffer };

const fixture = (name: string): InputFile => ({
  name,
  mimeType: 'application/zip',
  buffer: readFileSync(fileURLToPath(new URL(`./fixtures/datasets/${name}`, import.meta.url))),
});

async function openTrain(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}#/train`);
  await expect(page.getByRole('heading', { name: '1. Data' })).toBeVisible();
}

/** Loads the ZIP and returns how long the studio took, in ms, from being given it to showing the dataset. */
async function loadZip(page: Page, file: InputFile): Promise<number> {
  // Choosing files hides the dataset shown at once, so the wait below sees this load's result.
  await page.locator('#dataset-files').setInputFiles(file);
  // Started after Playwright has handed the file over, which alone takes seconds for a 1 MB ZIP.
  const started = Date.now();
  await expect(page.getByText(`Dataset from ${file.name}.`)).toBeVisible({ timeout: 60_000 });
  return Date.now() - started;
}

function rowsOf(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));
}

async function reportTables(page: Page): Promise<string[][][]> {
  return [await rowsOf(page.getByRole('table', { name: 'Files per label' })), await rowsOf(page.getByRole('table', { name: 'Files per speaker and label' }))];
}

async function cacheBytes(page: Page): Promise<number> {
  const bytes = await page.getByTestId('feature-cache-size').getAttribute('data-bytes');
  return bytes === null || bytes === '' ? -1 : Number(bytes);
}

test('a second load of the same ZIP takes every file from the feature cache, and Clear empties it', async ({ page }) => {
  await openTrain(page);
  await expect.poll(() => cacheBytes(page)).toBe(0);

  await loadZip(page, fixture('ravdess.zip'));
  await expect(page.getByTestId('feature-cache-hits')).toHaveText('0 of 6 files came from the feature cache.');
  const firstReport = await reportTables(page);
  await expect.poll(() => cacheBytes(page)).toBeGreaterThan(0);
  await expect(page.getByTestId('feature-cache-size')).toContainText('features of 6 files');

  await loadZip(page, fixture('ravdess.zip'));
  await expect(page.getByTestId('feature-cache-hits')).toHaveText('6 of 6 files came from the feature cache.');
  expect(await reportTables(page)).toEqual(firstReport);

  await page.getByRole('button', { name: 'Clear feature cache' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cleared the features of 6 files.' })).toBeVisible();
  await expect(page.getByTestId('feature-cache-size')).toHaveText('0 bytes (features of 0 files)');
  expect(await cacheBytes(page)).toBe(0);

  await loadZip(page, fixture('ravdess.zip'));
  await expect(page.getByTestId('feature-cache-hits')).toHaveText('0 of 6 files came from the feature cache.');
  expect(await reportTables(page)).toEqual(firstReport);
});

/** 60 different files: one sample changed per copy of a 48 kHz utterance, so each has its own cache key. */
async function sixtyTakes(): Promise<InputFile> {
  const utterance = readFileSync(fileURLToPath(new URL('../src/fixtures/speech/03-01-05-02-02-02-02.wav', import.meta.url)));
  const entries = Array.from({ length: 60 }, (_, index) => {
    const data = new Uint8Array(utterance);
    data[data.length - 2] = index;
    return { name: `Angry/take-${index}.wav`, data };
  });
  return { name: 'takes.zip', mimeType: 'application/zip', buffer: Buffer.from(await buildTestZip(entries)) };
}

test('60 different files load from the cache the second time', async ({ page }) => {
  const zip = await sixtyTakes();
  await openTrain(page);

  const first = await loadZip(page, zip);
  await expect(page.getByTestId('feature-cache-hits')).toHaveText('0 of 60 files came from the feature cache.');
  const second = await loadZip(page, zip);
  await expect(page.getByTestId('feature-cache-hits')).toHaveText('60 of 60 files came from the feature cache.');
  console.log(`60 files: first load ${first} ms, second load (from the cache) ${second} ms`);
});

test('the same dataset loads on one feature worker and fanned out over every core, with the same report', async ({ page }) => {
  const zip = await sixtyTakes();
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await openTrain(page, '?featureWorkers=1');
  const oneWorker = await loadZip(page, zip);
  const report = await reportTables(page);
  await page.getByRole('button', { name: 'Clear feature cache' }).click();
  await expect(page.getByTestId('feature-cache-size')).toHaveText('0 bytes (features of 0 files)');

  await openTrain(page);
  const fannedOut = await loadZip(page, zip);
  await expect(page.getByTestId('feature-cache-hits')).toHaveText('0 of 60 files came from the feature cache.');
  expect(await reportTables(page)).toEqual(report);
  console.log(`60 files of 3.7 s at 48 kHz: 1 feature worker ${oneWorker} ms, ${cores} (one per core) ${fannedOut} ms`);
});
