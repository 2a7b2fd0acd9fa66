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
