// Node only: headless Chromium and a fresh context, a fresh page per benchmark request.
import type { Browser, BrowserContext } from 'playwright-core';
import type { BenchOutcome, BenchPageApi, BenchRequest } from '../bench-protocol';
import { CHROMIUM_EXECUTABLE, HEADLESS_CHROMIUM_ARGS, loadChromium } from '../../../scripts/headless-chromium';


const ARGS = [
  ...HEADLESS_CHROMIUM_ARGS,
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
];

export class ChromiumSession {
  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
    private readonly url: string,
  ) {}

  static async open(url: string): Promise<ChromiumSession> {
    const chromium = await loadChromium();
    const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: ARGS });
    return new ChromiumSession(browser, await browser.newContext(), url);
  }

  get version(): string {
    return this.browser.version();
  }

  /** Runs one request in a new page, echoing the worker's progress lines. */
  async run(label: string, request: BenchRequest): Promise<BenchOutcome> {
    const page = await this.context.newPage();
    page.on('console', (message) => console.log(`  [${label}] ${message.text()}`));
    page.on('pageerror', (error) => console.log(`  [${label}] page error: ${error.message}`));
    try {
      await page.goto(this.url);
      await page.waitForFunction(() => 'runBench' in window);
      return await page.evaluate((req) => (window as unknown as BenchPageApi).runBench(req), request);
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
