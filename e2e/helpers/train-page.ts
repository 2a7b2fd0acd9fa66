import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect } from './guard';

export const datasetZip = (name: string) => fileURLToPath(new URL(`../fixtures/datasets/${name}`, import.meta.url));

/** A fixture ZIP by its name in e2e/fixtures/datasets, or a file made by the test. */
export type InputFile = string | { name: string; mimeType: string; buffer: Buffer };

export async function openTrain(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}#/train`);
  await expect(page.getByRole('heading', { name: '1. Data' })).toBeVisible();
}

/** Chooses the files in the dataset file input and waits until the dataset is shown. */
export async function loadZips(page: Page, files: readonly InputFile[]): Promise<void> {
  const names = files.map((file) => (typeof file === 'string' ? file.split('/').pop() : file.name)).join(', ');
  const payloads = files.map((file) =>
    typeof file === 'string' ? { name: file, mimeType: 'application/zip', buffer: readFileSync(datasetZip(file)) } : file,
  );
  await page.locator('#dataset-files').setInputFiles(payloads);
  await expect(page.getByText(`Dataset from ${names}.`)).toBeVisible({ timeout: 30_000 });
}

/** The text of each body row's cells. */
export function rowsOf(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));
}

/** What a test sets on the Train page before Train; what it leaves out keeps the page's default. */
export interface TrainRecipe {
  copies?: number;
  epochs?: number;
  batchSize?: number;
  /** false unticks early stopping, so every epoch asked for is trained. */
  earlyStopping?: false;
}

export async function setRecipe(page: Page, recipe: TrainRecipe): Promise<void> {
  if (recipe.copies !== undefined) await page.getByLabel('Augmented copies per training clip').fill(String(recipe.copies));
  if (recipe.epochs !== undefined) await page.getByLabel('Epochs', { exact: true }).fill(String(recipe.epochs));
  if (recipe.batchSize !== undefined) await page.getByLabel('Batch size').fill(String(recipe.batchSize));
  if (recipe.earlyStopping === false) await page.getByLabel(/Stop early when the validation score/).uncheck();
}
