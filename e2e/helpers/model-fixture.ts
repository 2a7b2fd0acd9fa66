import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect } from './guard';

/** The model fixture's name in the library (e2e/fixtures/models/make-model-fixtures.ts). */
export const FIXTURE_MODEL_NAME = 'Thesis CNN fixture';
const fixturePath = fileURLToPath(new URL('../fixtures/models/thesis-cnn.zip', import.meta.url));

/** Imports the untrained thesis-CNN fixture through the Models page, so the other pages have a model. */
export async function importFixtureModel(page: Page): Promise<void> {
  await page.goto('./#/models');
  await expect(page.getByText('Reading the model library…')).toBeHidden();
  await page.locator('#model-files').setInputFiles([{ name: 'thesis-cnn.zip', mimeType: 'application/zip', buffer: readFileSync(fixturePath) }]);
  await expect(page.getByText(`Imported "${FIXTURE_MODEL_NAME}"`)).toBeVisible();
}
