// Bundles one TypeScript entry with esbuild and runs it with plain Node, as the benchmarks run
// (the browser runs bundles too, and tsx's on-the-fly transform is slower). The banner gives the
// ES-module bundle the CommonJS globals its dependencies read (require, __dirname).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

export function runBundled(entry, outDir, env = {}, args = []) {
  mkdirSync(outDir, { recursive: true });
  const bundle = join(outDir, `${basename(entry, '.ts')}.mjs`);
  run(join(root, 'node_modules/.bin/esbuild'), [entry, '--bundle', '--platform=node', '--format=esm', `--outfile=${bundle}`, '--log-level=warning', '--banner:js=import { createRequire } from "module"; import { fileURLToPath as __serFileUrl } from "url"; const require = createRequire(import.meta.url); const __filename = __serFileUrl(import.meta.url); const __dirname = __serFileUrl(new URL(".", import.meta.url));']);
  run(process.execPath, [bundle, ...args], env);
}

function run(command, args, env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const [entry, ...rest] = process.argv.slice(2);
  if (!entry) {
    console.error('usage: node scripts/run-bundled.mjs ENTRY.ts [args]');
    process.exit(2);
  }
  runBundled(join(process.cwd(), entry), join(root, 'scripts/.build'), { SER_ROOT: root }, rest);
}
