import type { Page } from '@playwright/test';
import { expect, test } from './helpers/guard';
import { loadZips, openTrain, rowsOf } from './helpers/train-page';

const ALL_GOOD = ['folders.zip', 'ravdess.zip', 'tess.zip', 'emodb.zip', 'savee.zip', 'crema-d.zip'];

async function sideSpeakers(page: Page): Promise<Record<string, string>> {
  const rows = await rowsOf(page.getByRole('table', { name: 'Split summary' }));
  return Object.fromEntries(rows.map(([side, , speakers]) => [side, speakers]));
}

test('speakers held out by hand are exactly the validation and test sides', async ({ page }) => {
  await openTrain(page);
  await loadZips(page, ALL_GOOD);
  await page.getByText(/Hold out speakers by hand/).click();
  await page.getByLabel('Side for speaker ravdess:02').selectOption('validation');
  await page.getByLabel('Side for speaker tess:YAF').selectOption('test');
  await page.getByLabel('Side for speaker emodb:08').selectOption('test');
  await expect(page.getByText('Hold out speakers by hand (3 held out)')).toBeVisible();
  const sides = await sideSpeakers(page);
  expect(sides.Validation).toBe('ravdess:02');
  expect(sides.Test).toBe('emodb:08, tess:YAF');
  expect(sides.Train).not.toMatch(/ravdess:02|tess:YAF|emodb:08/);

  await page.getByLabel('Side for speaker tess:YAF').selectOption('shared');
  await expect(page.getByText('Hold out speakers by hand (2 held out)')).toBeVisible();
  expect((await sideSpeakers(page)).Test).toBe('emodb:08');
});

test('a minimum duration skips shorter files, with the reason, and can be lowered again', async ({ page }) => {
  await openTrain(page);
  await loadZips(page, ['ravdess.zip']);
  const totals = page.getByTestId('dataset-totals');
  await expect(totals).toContainText('5 usable files');
  await page.getByLabel('Skip files shorter than').fill('30');
  await expect(totals).toContainText('0 usable files');
  await page.getByText(/skipped files, with the reasons/).click();
  await expect(page.getByRole('list', { name: 'Skipped files' }).getByText(/shorter than the 30\.00 s minimum/).first()).toBeVisible();
  await page.getByLabel('Skip files shorter than').fill('0.5');
  await expect(totals).toContainText('5 usable files');
});

test('each augmentation can be heard on a training file, and the original beside it', async ({ page }) => {
  await openTrain(page);
  await loadZips(page, ['ravdess.zip']);
  await expect(page.getByRole('heading', { name: '3. Augmentation' })).toBeVisible();
  const status = page.getByTestId('augmentation-status');
  const expected: Record<string, RegExp> = {
    noise: /^Playing noise at \d+\.\d dB SNR, made from ravdess\.zip\/.+\.wav\.$/,
    'time stretch': /^Playing time stretch by \d\.\d\d \((faster|slower)\), made from/,
    'pitch shift': /^Playing pitch shift by [+-]\d\.\d\d semitones, made from/,
    'time shift': /^Playing time shift by [+-]\d\.\d\d s \(rolled round\), made from/,
  };
  for (const [name, pattern] of Object.entries(expected)) {
    await page.getByRole('button', { name: `Listen to ${name}` }).click();
    await expect(status).toHaveText(pattern, { timeout: 20_000 });
  }
  await page.getByRole('button', { name: 'Play the original' }).click();
  await expect(status).toHaveText(/^Playing ravdess\.zip\/.+\.wav as it is\.$/);
  await page.getByRole('button', { name: 'Stop' }).click();
});

test('augmentation settings say what is wrong with them', async ({ page }) => {
  await openTrain(page);
  await loadZips(page, ['ravdess.zip']);
  const noise = page.locator('[data-kind="noise"]');
  await noise.getByLabel('SNR from').fill('40');
  await expect(page.getByRole('alert').filter({ hasText: 'Noise: the lowest value must not be above the highest.' })).toBeVisible();
  await noise.getByLabel('SNR from').fill('10');
  await expect(page.getByRole('alert').filter({ hasText: 'Noise:' })).toHaveCount(0);
  for (const kind of ['noise', 'stretch', 'pitch', 'shift']) await page.locator(`[data-kind="${kind}"]`).getByRole('checkbox').uncheck();
  await expect(page.getByRole('alert').filter({ hasText: 'Choose at least one augmentation, or set the copies to 0.' })).toBeVisible();
  await page.getByLabel('Augmented copies per training clip').fill('0');
  await expect(page.getByRole('alert').filter({ hasText: 'Choose at least one augmentation' })).toHaveCount(0);
});
