import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readModelBundle } from '../src/core/model-library/model-bundle';
import { expect, test } from './helpers/guard';

const BUILTIN = 'Default model (RAVDESS, TESS, EMO-DB)';
const speechDir = fileURLToPath(new URL('../src/fixtures/speech/', import.meta.url));
const SPEECH = readdirSync(speechDir).filter((name) => name.endsWith('.wav')).sort();

test('a fresh browser predicts the real fixture utterances with the built-in model at once', async ({ page }) => {
  await page.goto('./#/predict');
  await expect(page.getByLabel('Model').locator('option:checked')).toHaveText(BUILTIN);
  await page.locator('#predict-files').setInputFiles(SPEECH.map((name) => ({ name, mimeType: 'audio/wav', buffer: readFileSync(`${speechDir}${name}`) })));
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByText(new RegExp(`^${SPEECH.length} of ${SPEECH.length} files predicted\\.`))).toBeVisible({ timeout: 60_000 });
  const rows = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Predicted emotion' }) }).locator('tbody tr');
  await expect(rows).toHaveCount(SPEECH.length);
  for (const row of await rows.all()) await expect(row.locator('td').first()).toHaveText(/^(anger|disgust|fear|happiness|neutral|sadness|surprise)$/);
});

test('the Models page lists the built-in model with its card: exportable, never renamed or deleted', async ({ page }) => {
  await page.goto('./#/models');
  const card = page.getByRole('article', { name: BUILTIN });
  await expect(card).toBeVisible();
  await expect(card.getByText('Built in')).toBeVisible();
  await expect(page.getByRole('radio', { name: `Active model: ${BUILTIN}` })).toBeChecked();
  await expect(card.getByRole('button', { name: /Rename|Delete/ })).toHaveCount(0);
  const modelCard = await page.request.get(await card.getByRole('link', { name: 'Model card' }).getAttribute('href').then((href) => new URL(href!, page.url()).href));
  expect(await modelCard.text()).toMatch(/^# Model card: Default model/);
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Model file (.zip)' }).click()]);
  const bundle = await readModelBundle(new File([readFileSync((await download.path())!)], 'default.zip'));
  expect(bundle.metadata.id).toBe('builtin-default');
  expect(bundle.metadata.labels).toEqual(['anger', 'disgust', 'fear', 'happiness', 'neutral', 'sadness', 'surprise']);
});
