// Node only: builds bench/browser with Vite's JS API.

// A specifier in a variable: esbuild (scripts/bench.mjs) leaves the import to Node, which loads
// Vite and its native bundler from node_modules instead of inlining them into the bench bundle.
const VITE = 'vite';

/**
 * Builds the bench page and its worker without vite.config.ts (the page needs no Svelte), but with
 * the app's worker settings: tfjs-backend-wasm starts its threads from the source text of its own
 * functions, so worker code may be minified for whitespace only (see vite.config.ts).
 */
export async function buildBenchPage(root: string, outDir: string): Promise<void> {
  const { build } = (await import(VITE)) as typeof import('vite');
  await build({
    configFile: false,
    root,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    // Rolldown's plugin-timing note is about Vite's own plugins, not the benchmark.
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false, rolldownOptions: { checks: { pluginTimings: false } } },
    worker: { format: 'es', rolldownOptions: { output: { minify: { mangle: false, compress: false } } } },
  });
}
