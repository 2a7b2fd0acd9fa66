#!/usr/bin/env node
// `npm run bench -- NAME [NAME ...]`: runs bench/NAME.ts (all of them without a name). Each
// benchmark prints a table and writes bench/results/NAME.json. Benchmarks are bundled with esbuild
// and run by plain Node, as the browser runs a bundle (tsx's on-the-fly transform is slower). The
// banner gives the ES-module bundle the CommonJS globals its dependencies read (require, __dirname).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const benchDir = join(root, 'bench');
const buildDir = join(benchDir, '.build');
const available = readdirSync(benchDir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(2);
}

function run(command, args, env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

mkdirSync(buildDir, { recursive: true });
for (const name of requested.length > 0 ? requested : available) {
  console.log(`\n## bench: ${name}`);
  const bundle = join(buildDir, `${name}.mjs`);
  run(join(root, 'node_modules/.bin/esbuild'), [join(benchDir, `${name}.ts`), '--bundle', '--platform=node', '--format=esm', `--outfile=${bundle}`, '--log-level=warning', '--banner:js=import { createRequire } from "module"; import { fileURLToPath as __serFileUrl } from "url"; const require = createRequire(import.meta.url); const __filename = __serFileUrl(import.meta.url); const __dirname = __serFileUrl(new URL(".", import.meta.url));']);
  run(process.execPath, [bundle], { SER_FIXTURES_DIR: join(root, 'src/fixtures'), SER_BENCH_DIR: benchDir });
}
