import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { parseDelimitedText } from '../src/core/dataset/delimited-text';
import { expect, test } from './helpers/guard';
import { FIXTURE_MODEL_NAME, importFixtureModel, withoutBuiltinModel } from './helpers/model-fixture';
import { datasetZip, rowsOf } from './helpers/train-page';

const zip = (name: string) => ({ name, mimeType: 'application/zip', buffer: readFileSync(datasetZip(name)) });

async function openTest(page: Page): Promise<void> {
  await page.goto('./#/test');
  await expect(page.getByText('Reading the model library…')).toBeHidden();
}

test('a test ZIP gives the figures and the matrix, and the downloaded CSV matches the screen', async ({ page }) => {
  await importFixtureModel(page);
  await openTest(page);
  await page.locator('#test-files').setInputFiles([zip('ravdess.zip'), zip('tess.zip'), zip('emodb.zip'), zip('not-a-zip.zip')]);
  await expect(page.getByText('Ready to test on ravdess.zip, tess.zip, emodb.zip, not-a-zip.zip.')).toBeVisible();
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  // The fixture model names its dataset's speakers (RAVDESS 01, 02, TESS): their files are scored apart from EMO-DB's.
  const status = page.getByText(/^Tested 14 files of .*: accuracy (\d+\.\d)%, unweighted average recall (\d+\.\d)% on (\d+) scored files of speakers it never heard.*; (\d+) files are of 4 speakers the model trained on, scored apart \(unweighted average recall \d+\.\d%\)\.$/);
  await expect(status).toBeVisible({ timeout: 60_000 });
  const [, accuracy, uar, unheard, heard] = (await status.textContent())!.match(/accuracy (\d+\.\d)%, unweighted average recall (\d+\.\d)% on (\d+) scored.*; (\d+) files are/)!;
  expect(Number(unheard) + Number(heard)).toBe(12);
  await expect(page.getByText('1 file is labelled “calm”, which is not a class of this model: predicted, but not scored.')).toBeVisible();
  await expect(page.getByText('1 file is labelled “boredom”, which is not a class of this model: predicted, but not scored.')).toBeVisible();
  await expect(page.getByText(/^not-a-zip\.zip was not loaded: /)).toBeVisible();

  await page.getByRole('button', { name: 'Show results' }).click();
  const dialog = page.getByRole('dialog', { name: `Test results: ${FIXTURE_MODEL_NAME}` });
  await expect(dialog).toBeVisible();
  const scores = dialog.getByTestId('test-scores');
  await expect(scores).toContainText(`Accuracy${accuracy}%`);
  await expect(scores).toContainText(`Unweighted average recall${uar}%`);
  await expect(scores).toContainText(`Files scored${unheard}`);
  await expect(dialog.getByTestId('heard-speakers')).toContainText(`${heard} files are of speakers this model trained on`);
  const matrix = dialog.getByRole('table', { name: /Test confusion matrix/ });
  const counts = await rowsOf(matrix);
  expect(counts).toHaveLength(7);
  expect(counts.reduce((sum, row) => sum + Number(row.at(-1)), 0)).toBe(Number(unheard));
  await dialog.getByLabel('Share of each true label (%)').check();
  await expect(matrix.locator('tbody tr').first()).toContainText('%');

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download CSV (per file)' }).click()]);
  const rows = parseDelimitedText(readFileSync((await csvDownload.path())!, 'utf8'), ',').rows.map((row) => row.fields);
  expect(rows[0].slice(0, 6)).toEqual(['archive', 'file', 'true_emotion', 'predicted', 'confidence', 'correct']);
  const files = rows.slice(1);
  expect(files).toHaveLength(14);
  const scored = files.filter((row) => row[5] === 'yes' || row[5] === 'no');
  expect(scored).toHaveLength(12);
  const heardColumn = rows[0].indexOf('heard_speaker');
  const ofNewSpeakers = scored.filter((row) => row[heardColumn] === 'no');
  expect(ofNewSpeakers).toHaveLength(Number(unheard));
  const right = ofNewSpeakers.filter((row) => row[5] === 'yes').length;
  expect(((right / Number(unheard)) * 100).toFixed(1)).toBe(accuracy);
  const wrong = scored.filter((row) => row[5] === 'no');
  const misclassified = dialog.getByRole('table', { name: /Files predicted wrong/ });
  if (wrong.length > 0) {
    const shown = await rowsOf(misclassified);
    expect(shown.map((row) => row.slice(0, 3))).toEqual(wrong.map((row) => [row[1], row[2], row[3]]));
    await dialog.getByRole('button', { name: `Listen to ${wrong[0][1]}` }).click();
    const audio = dialog.getByLabel(`Play ${wrong[0][1]}`);
    await expect(audio).toBeVisible();
    expect(await audio.evaluate((element: HTMLAudioElement) => element.src.startsWith('blob:'))).toBe(true);
  }

  const [pngDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download matrix (PNG)' }).click()]);
  expect(pngDownload.suggestedFilename()).toBe('confusion-matrix.png');
  expect([...readFileSync((await pngDownload.path())!).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Test other ZIPs' }).click();
  await expect(page.locator('#test-files')).toBeFocused();
});

test('with no model, Test says how to get one', async ({ page, context }) => {
  await withoutBuiltinModel(context);
  await openTest(page);
  await expect(page.getByText('There is no model in this browser yet.')).toBeVisible();
  await page.locator('#test-files').setInputFiles([zip('ravdess.zip')]);
  await expect(page.getByRole('button', { name: 'Test', exact: true })).toBeDisabled();
});

test('the built-in model tested on actors it trained on says so, and scores them apart', async ({ page }) => {
  const demo = (name: string) => ({ name, mimeType: 'application/zip', buffer: readFileSync(fileURLToPath(new URL(`../public/demo/${name}`, import.meta.url))) });
  await openTest(page);
  await page.locator('#test-files').setInputFiles([demo('ravdess-demo-train.zip')]);
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  await expect(page.getByText(/^Tested \d+ files of ravdess-demo-train\.zip: every scored file is of a speaker the model trained on, so accuracy \d+\.\d% and unweighted average recall \d+\.\d% measure voices it has heard, not new ones/)).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Show results' }).click();
  const dialog = page.getByRole('dialog', { name: /^Test results: Default model/ });
  await expect(dialog.getByTestId('heard-speakers')).toHaveText('Every scored file is of a speaker this model trained on: these figures measure voices it has heard, not new speakers.');
  await expect(dialog.getByRole('img', { name: /^Reliability diagram/ })).toBeVisible();
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download CSV (per file)' }).click()]);
  const rows = parseDelimitedText(readFileSync((await csvDownload.path())!, 'utf8'), ',').rows.map((row) => row.fields);
  const heardColumn = rows[0].indexOf('heard_speaker');
  // Every file with a speaker (the ZIP's NOTICE.txt has none) is of a heard speaker.
  const withSpeaker = rows.slice(1).filter((row) => row[heardColumn] !== '');
  expect(withSpeaker.length).toBeGreaterThan(20);
  expect(new Set(withSpeaker.map((row) => row[heardColumn]))).toEqual(new Set(['yes']));
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Actors 19 and 20 were its test speakers: nothing is flagged.
  await page.getByRole('button', { name: 'Test other ZIPs' }).click();
  await page.locator('#test-files').setInputFiles([demo('ravdess-demo-test.zip')]);
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  await expect(page.getByText(/^Tested \d+ files of ravdess-demo-test\.zip: accuracy \d+\.\d%, unweighted average recall \d+\.\d% on \d+ scored files/)).toBeVisible({ timeout: 120_000 });
});
