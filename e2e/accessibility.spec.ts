import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/guard';
import { loadZips, openTrain } from './helpers/train-page';

/** axe-core on the whole page: no serious or critical violation (WCAG 2.1 A and AA rules). */
async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`);
  expect(serious, `axe on ${what}`).toEqual([]);
}

test('every page, empty, has no serious or critical accessibility violation', async ({ page }) => {
  for (const hash of ['#/', '#/train', '#/test', '#/predict', '#/live', '#/models']) {
    await page.goto(`./${hash}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('Reading the model library…')).toHaveCount(0);
    await expectAccessible(page, hash);
  }
});

test('pages with their results shown have no serious or critical accessibility violation', async ({ page }) => {
  test.setTimeout(120_000);
  await openTrain(page);
  await loadZips(page, ['ravdess.zip', 'tess.zip']);
  await expectAccessible(page, 'Train with a dataset loaded');

  await page.goto('./#/predict');
  const name = 'OAF_base_sad.wav';
  await page.locator('#predict-files').setInputFiles([{ name, mimeType: 'audio/wav', buffer: readFileSync(new URL(`../src/fixtures/speech/${name}`, import.meta.url)) }]);
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByText(/^1 of 1 file predicted\./)).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page, 'Predict with a result');
  await page.getByRole('button', { name: `Details of ${name}` }).click();
  await expect(page.getByRole('img', { name: `Waveform of ${name}` })).toBeVisible();
  await expectAccessible(page, 'the prediction details dialog');
});
