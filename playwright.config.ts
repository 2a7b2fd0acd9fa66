import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { HEADLESS_CHROMIUM_ARGS } from './scripts/headless-chromium';

// End-to-end tests run against the production build served by `vite preview`, in a system
// Chromium found by scripts/test.mjs and passed in CHROME_PATH (never a downloaded browser).
const port = 4173;
const isCI = Boolean(process.env.CI);
// The fake microphone plays this real utterance in a loop (RAVDESS actor 2, angry; see src/fixtures/NOTICE.md).
const fakeMicrophone = fileURLToPath(new URL('./src/fixtures/speech/03-01-05-02-02-02-02.wav', import.meta.url));
// The live tests' microphone: that utterance, then 4 s of digital silence, in a loop.
const fakeLiveMicrophone = fileURLToPath(new URL('./e2e/fixtures/live-speech-then-silence.wav', import.meta.url));

const chromiumArgs = (microphoneFile: string) => [
  ...HEADLESS_CHROMIUM_ARGS,
  '--disable-gpu',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-audio-capture=${microphoneFile}`,
];

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  forbidOnly: isCI,
  retries: 0,
  workers: isCI ? 1 : 2,
  reporter: 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'off',
    // The offline service worker would answer requests that tests route (page.route never sees
    // them); only e2e/offline.spec.ts lets it run.
    serviceWorkers: 'block',
  },
  webServer: {
    // E2E_OUT_DIR serves another build (one made with `vite build --outDir`), leaving dist/ alone.
    command: `npx vite preview --port ${port} --strictPort${process.env.E2E_OUT_DIR ? ` --outDir ${process.env.E2E_OUT_DIR}` : ''}`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /live\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath: process.env.CHROME_PATH || undefined, args: chromiumArgs(fakeMicrophone) } },
    },
    {
      name: 'chromium-live',
      testMatch: /live\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath: process.env.CHROME_PATH || undefined, args: chromiumArgs(fakeLiveMicrophone) } },
    },
  ],
});
