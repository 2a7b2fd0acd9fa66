#!/usr/bin/env node
// `npm test`: type-check, unit tests, production build, then end-to-end tests in a system
// Chromium. Each step prints a header; the first failure stops the run with a non-zero exit.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import process from 'node:process';

const BIN = join(process.cwd(), 'node_modules', '.bin');

function header(title) {
  const line = '='.repeat(72);
  console.log(`\n${line}\n== ${title}\n${line}`);
}

/** Runs a command with inherited stdio; resolves to its exit code. */
function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function step(title, command, args, env) {
  header(title);
  const code = await run(command, args, env);
  if (code !== 0) fail(`Step failed: ${title} (exit code ${code})`);
}

function fail(message) {
  console.error(`\n${message}`);
  process.exit(1);
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

function inPlaywrightCache() {
  const cache = join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return null;
  for (const browser of readdirSync(cache).filter((d) => d.startsWith('chromium-')).sort().reverse()) {
    const dir = join(cache, browser);
    for (const build of readdirSync(dir).filter((d) => d.startsWith('chrome-linux'))) {
      const chrome = join(dir, build, 'chrome');
      if (existsSync(chrome)) return chrome;
    }
  }
  return null;
}

function findChrome() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    onPath('google-chrome'),
    onPath('google-chrome-stable'),
    inPlaywrightCache(),
  ];
  return candidates.find((path) => path && existsSync(path)) ?? null;
}

async function installChrome() {
  header('No Chromium found: trying `playwright install chromium`');
  if ((await run(join(BIN, 'playwright'), ['install', 'chromium'])) === 0 && findChrome()) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    header('Trying `apt-get install chromium`');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if ((await run('apt-get', ['update'], env)) === 0) await run('apt-get', ['install', '-y', 'chromium'], env);
  }
}

async function ensureChrome() {
  header('Finding Chromium');
  let chrome = findChrome();
  if (!chrome) {
    await installChrome();
    chrome = findChrome();
  }
  if (!chrome) {
    fail(
      'No Chromium or Chrome found, and installing one failed.\n' +
        'Install one (Debian/Ubuntu: `sudo apt-get install chromium`; or `npx playwright install chromium`),\n' +
        'or set CHROME_PATH to a Chrome/Chromium executable, then run `npm test` again.',
    );
  }
  console.log(`Using ${chrome}`);
  return chrome;
}

async function main() {
  await step('Feature kernel (AssemblyScript -> wasm)', process.execPath, ['scripts/build-wasm.mjs']);
  await step('Type check (svelte-check)', join(BIN, 'svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings']);
  await step('Unit tests (vitest)', join(BIN, 'vitest'), ['run']);
  await step('Production build (vite build)', join(BIN, 'vite'), ['build']);
  const chrome = await ensureChrome();
  await step('End-to-end tests (playwright)', join(BIN, 'playwright'), ['test'], { ...process.env, CHROME_PATH: chrome });
  header('All test steps passed');
}

await main();
