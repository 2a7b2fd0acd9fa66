/**
 * The flags every headless Chromium of the project starts with (e2e tests, benchmarks, the
 * default model's training): no sandbox in containers, and no traffic of Chromium's own.
 */
export const HEADLESS_CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The system's Chromium (CHROME_PATH, else Debian's /usr/bin/chromium), never a downloaded one. */
export const CHROMIUM_EXECUTABLE = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * playwright-core's Chromium, loaded by Node at run time: the bundles of the benchmarks and
 * scripts leave it out (a name in a variable keeps the bundler from following the import).
 */
export async function loadChromium(): Promise<import('playwright-core').BrowserType> {
  const playwright = 'playwright-core';
  const { chromium } = (await import(playwright)) as typeof import('playwright-core');
  return chromium;
}
