import { readFileSync } from 'node:fs';
import { expect, test } from './helpers/guard';

test.use({ serviceWorkers: 'allow' });

test('after the first visit the studio works offline: reload, then predict a file with the built-in model', async ({ page, context }) => {
  await page.goto('./');
  // The service worker has installed (every file of the build precached) and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Speech emotion recognition, on your device');
  await page.getByRole('navigation').getByRole('link', { name: 'Predict', exact: true }).click();
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 30_000 });
  const name = 'OAF_base_sad.wav';
  await page.locator('#predict-files').setInputFiles([{ name, mimeType: 'audio/wav', buffer: readFileSync(new URL(`../src/fixtures/speech/${name}`, import.meta.url)) }]);
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByText(/^1 of 1 file predicted\./)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('table').locator('tbody tr').first()).toContainText(/anger|disgust|fear|happiness|neutral|sadness|surprise/);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});

test('the app can be installed: a manifest with name, start URL and icons', async ({ page }) => {
  await page.goto('./');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await page.request.get(new URL(href!, page.url()).href)).json();
  expect(manifest).toMatchObject({ name: 'SER Studio', start_url: './', display: 'standalone' });
  const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) expect((await page.request.get(new URL(icon.src, page.url()).href)).ok()).toBe(true);
});
