import { expect, test } from './helpers/guard';
import { loadZips, openTrain } from './helpers/train-page';

const ALL_GOOD = ['folders.zip', 'ravdess.zip', 'tess.zip', 'emodb.zip', 'savee.zip', 'crema-d.zip'];

test('a small dataset trains for 2 epochs on wasm, with live curves and the final metrics', async ({ page }) => {
  test.setTimeout(180_000);
  await openTrain(page);
  await loadZips(page, ALL_GOOD);
  await page.getByLabel('Augmented copies per training clip').fill('1');
  await page.getByLabel('Epochs', { exact: true }).fill('2');
  await page.getByLabel('Batch size').fill('8');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // One wait: on a quiet machine two epochs end within seconds, and the line goes with them.
  await expect(page.getByTestId('training-backend')).toContainText(/Training on wasm.*no hardware GPU was found/, { timeout: 60_000 });
  await expect(page.getByTestId('training-summary')).toContainText('Trained 2 epochs', { timeout: 120_000 });
  await expect(page.getByTestId('training-summary')).toContainText(/validation accuracy \d+(\.\d)?%, unweighted average recall \d+(\.\d)?%/);
  await expect(page.getByRole('table', { name: /Validation confusion matrix/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /loss/i }).first()).toBeVisible();
  const saved = page.getByTestId('training-saved');
  await expect(saved).toContainText(/Saved as “6 emotions, speaker split, .* UTC” in your model library/);
  const name = (await saved.textContent())?.match(/“(.+)”/)?.[1] ?? '';
  await saved.getByRole('link', { name: 'model library' }).click();
  await expect(page.getByRole('heading', { name: 'Models in this browser' })).toBeVisible();
  await expect(page.getByRole('heading', { name, level: 3 })).toBeVisible({ timeout: 30_000 });
});

test('a reload during training offers to resume, and the resumed run finishes and is saved', async ({ page }) => {
  test.setTimeout(240_000);
  await openTrain(page);
  await loadZips(page, ALL_GOOD);
  await page.getByLabel('Augmented copies per training clip').fill('1');
  await page.getByLabel('Epochs', { exact: true }).fill('40');
  await page.getByLabel('Batch size').fill('4');
  await page.getByLabel(/Stop early when the validation loss/).uncheck();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('training-resumable')).toContainText('A checkpoint is kept after every epoch', { timeout: 60_000 });
  await expect(page.getByText(/^Epoch ([3-9]|\d\d) of 40/)).toBeVisible({ timeout: 60_000 });

  await page.reload();
  const notice = page.getByTestId('interrupted-run');
  await expect(notice).toContainText(/stopped after epoch ([2-9]|\d\d) of 40 when its tab closed/);
  const done = Number((await notice.textContent())?.match(/after epoch (\d+)/)?.[1]);
  await page.getByRole('button', { name: 'Resume training' }).click();
  await expect(page.getByText(`(resumed after epoch ${done})`, { exact: false })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('training-summary')).toContainText('Trained 40 epochs', { timeout: 180_000 });
  await expect(page.getByTestId('training-saved')).toContainText('Saved as');
  await expect(page.getByTestId('interrupted-run')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: '1. Data' })).toBeVisible();
  await expect(page.getByTestId('interrupted-run')).toHaveCount(0);
});

test('an interrupted run can be discarded', async ({ page }) => {
  test.setTimeout(120_000);
  await openTrain(page);
  await loadZips(page, ALL_GOOD);
  await page.getByLabel('Epochs', { exact: true }).fill('200');
  await page.getByLabel('Batch size').fill('4');
  await page.getByLabel(/Stop early when the validation loss/).uncheck();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByText(/^Epoch [2-9] of 200/)).toBeVisible({ timeout: 60_000 });
  await page.reload();
  await expect(page.getByTestId('interrupted-run')).toBeVisible();
  await page.getByRole('button', { name: 'Discard it' }).click();
  await expect(page.getByTestId('interrupted-run')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: '1. Data' })).toBeVisible();
  await expect(page.getByTestId('interrupted-run')).toHaveCount(0);
});
