import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './guard';

/** The model fixture's name in the library (e2e/fixtures/models/make-model-fixtures.ts). */
export const FIXTURE_MODEL_NAME = 'Thesis CNN fixture';
const fixturePath = fileURLToPath(new URL('../fixtures/models/thesis-cnn.zip', import.meta.url));

/**
 * Imports the untrained thesis-CNN fixture through the Models page and makes it the active model,
 * so the other pages predict with it (and not with the built-in default model).
 */
export async function importFixtureModel(page: Page): Promise<void> {
  await page.goto('./#/models');
  await expect(page.getByText('Reading the model library…')).toBeHidden();
  await page.locator('#model-files').setInputFiles([{ name: 'thesis-cnn.zip', mimeType: 'application/zip', buffer: readFileSync(fixturePath) }]);
  await expect(page.getByText(`Imported "${FIXTURE_MODEL_NAME}"`)).toBeVisible();
  await page.getByRole('radio', { name: `Active model: ${FIXTURE_MODEL_NAME}` }).check();
  await expect(page.getByText(`"${FIXTURE_MODEL_NAME}" is now the active model`)).toBeVisible();
}

/**
 * Hides the built-in default model, for tests of an empty library: its files come back empty (204,
 * which the app reads as "no built-in model"; a 404 would also work but logs a console error).
 */
export async function withoutBuiltinModel(context: BrowserContext): Promise<void> {
  await context.route('**/models/default/**', (route) => route.fulfill({ status: 204, body: '' }));
}
