import { test as base, expect, type Page } from '@playwright/test';

/**
 * Watches a page for console errors, uncaught page errors and any request that leaves the
 * page's own origin. Call `assertClean()` at the end of a test (the `test` export below does it
 * for you).
 */
export interface PageGuard {
  consoleErrors: string[];
  pageErrors: string[];
  offOriginRequests: string[];
  assertClean(): void;
}

// Schemes that never touch the network.
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

function isSameOrigin(url: string, origin: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'blob:') return new URL(parsed.pathname).origin === origin;
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  return parsed.origin === origin;
}

export function guardPage(page: Page, baseURL: string): PageGuard {
  const origin = new URL(baseURL).origin;
  const guard: PageGuard = {
    consoleErrors: [],
    pageErrors: [],
    offOriginRequests: [],
    assertClean() {
      const { pageErrors, consoleErrors, offOriginRequests } = guard;
      expect(
        { pageErrors, consoleErrors, offOriginRequests },
        `page errors, console errors or requests outside ${origin}`,
      ).toEqual({ pageErrors: [], consoleErrors: [], offOriginRequests: [] });
    },
  };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url;
    guard.consoleErrors.push(where ? `${msg.text()} (at ${where})` : msg.text());
  });
  page.on('pageerror', (error) => guard.pageErrors.push(String(error)));
  page.on('request', (request) => {
    if (!isSameOrigin(request.url(), origin)) guard.offOriginRequests.push(request.url());
  });
  return guard;
}

/** `test` with an automatic guard: every test fails if the page misbehaves as above. */
export const test = base.extend<{ guard: PageGuard }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const guard = guardPage(page, baseURL ?? 'http://localhost:4173');
      await use(guard);
      guard.assertClean();
    },
    { auto: true },
  ],
});

export { expect };
