import type { Page } from '@playwright/test';
import { expect, test } from './helpers/guard';
import { importFixtureModel } from './helpers/model-fixture';

async function openPredict(page: Page): Promise<void> {
  await page.goto('./#/predict');
  await expect(page.getByText('Reading the model library…')).toBeHidden();
}

async function recordFor(page: Page, ms: number): Promise<void> {
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(page.getByText(/^Recording… \d+\.\d s/)).toBeVisible();
  await page.waitForTimeout(ms);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Record', exact: true })).toBeVisible();
}

const recordings = (page: Page) => page.getByRole('table', { name: 'Recordings and their predicted emotion' }).locator('tbody tr');

test('the fake microphone records, the clip is predicted, a row is deleted and all are cleared', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['microphone'], { origin: baseURL });
  await importFixtureModel(page);
  await openPredict(page);
  await recordFor(page, 2000);
  await expect(page.getByRole('img', { name: 'Waveform of the last recording' })).toBeVisible();
  await expect(recordings(page)).toHaveCount(1);
  await expect(recordings(page).first()).toContainText('Not predicted yet');
  const peak = await page.evaluate(async () => {
    const audio = document.querySelector<HTMLAudioElement>('table audio')!;
    const bytes = await (await fetch(audio.src)).arrayBuffer();
    const samples = new Int16Array(bytes, 44);
    return { seconds: samples.length / new DataView(bytes).getUint32(24, true), peak: samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0) };
  });
  // About the two seconds asked for, and real sound from the fake device, not silence.
  expect(peak.seconds).toBeGreaterThan(1.2);
  expect(peak.seconds).toBeLessThan(4);
  expect(peak.peak).toBeGreaterThan(1000);

  await recordFor(page, 1200);
  await expect(recordings(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Predict recordings' }).click();
  for (const row of await recordings(page).all()) {
    await expect(row.locator('td').first()).toHaveText(/^(anger|disgust|fear|happiness|neutral|sadness|surprise|Unsure: [a-z]+ or [a-z]+|No speech found)$/, { timeout: 30_000 });
    await expect(row.locator('td').nth(1)).toHaveText(/^\d+\.\d%$/);
  }
  const firstName = (await recordings(page).first().locator('th').textContent())!;
  await page.getByRole('button', { name: `Details of ${firstName}` }).click();
  await expect(page.getByRole('dialog', { name: firstName }).getByRole('list', { name: 'Probability of each emotion' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: `Delete ${firstName}` }).click();
  await expect(recordings(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(recordings(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Record', exact: true })).toBeFocused();
});

test('a denied microphone gives a sentence saying how to allow it, and the page keeps working', async ({ page }) => {
  await openPredict(page);
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(/^Microphone access was denied\. To allow it, click the microphone or lock icon in the address bar/);
  await expect(page.getByRole('button', { name: 'Record', exact: true })).toBeEnabled();
});
