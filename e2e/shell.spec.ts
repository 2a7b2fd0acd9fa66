import { test, expect } from './helpers/guard';

const pages = [
  { label: 'Home', hash: '#/', heading: 'Speech emotion recognition, on your device' },
  { label: 'Train', hash: '#/train', heading: 'Train' },
  { label: 'Test', hash: '#/test', heading: 'Test' },
  { label: 'Predict', hash: '#/predict', heading: 'Predict' },
  { label: 'Live', hash: '#/live', heading: 'Live' },
  { label: 'Models', hash: '#/models', heading: 'Models' },
] as const;

test('the site loads with its landmarks', async ({ page }) => {
  await page.goto('./');
  await expect(page).toHaveTitle('SER Studio');
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('open an issue');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pages[0].heading);
});

test('every nav link renders its page and marks itself current', async ({ page }) => {
  await page.goto('./');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const target of [...pages.slice(1), pages[0]]) {
    await nav.getByRole('link', { name: target.label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${target.hash.replace('/', '\\/')}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.heading);
    await expect(nav.locator('[aria-current="page"]')).toHaveText(target.label);
  }
});

for (const target of pages) {
  test(`direct URL ${target.hash} renders ${target.label}`, async ({ page }) => {
    await page.goto(`./${target.hash}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.heading);
    // Every page is built: none may still say it is coming.
    await expect(page.getByRole('main').getByText('arrives in a coming release')).toHaveCount(0);
  });
}

test('an unknown hash shows a not-found page', async ({ page }) => {
  await page.goto('./#/nowhere');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('Tab reaches every nav link, with a visible focus ring', async ({ page }) => {
  await page.goto('./');
  const reached: string[] = [];
  for (let i = 0; i < 12 && reached.length < pages.length; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!(el instanceof HTMLAnchorElement) || !el.closest('nav')) return null;
      return { text: el.textContent?.trim() ?? '', outline: getComputedStyle(el).outlineStyle };
    });
    if (focused) {
      expect(focused.outline, `focus ring on ${focused.text}`).not.toBe('none');
      reached.push(focused.text);
    }
  }
  expect(reached).toEqual(pages.map((p) => p.label));
});

test('the skip link moves focus to the main content without changing the page', async ({ page }) => {
  await page.goto('./#/train');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page).toHaveURL(/#\/train$/);
});

test('the layout fits a 360px wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('./');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
