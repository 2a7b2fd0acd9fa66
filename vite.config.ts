/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { contentSecurityPolicy } from './build/content-security-policy';
import { offlineServiceWorker } from './build/offline-service-worker';

// Cross-origin isolation lets the wasm backend use threads and the live page share memory with
// its worker. Static hosts must send the same two headers (see README).
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // Relative asset URLs: the build works from any folder of any static host (routing is by hash).
  base: './',
  plugins: [svelte(), contentSecurityPolicy(), offlineServiceWorker('public')],
  worker: {
    format: 'es',
    // tfjs-backend-wasm starts its threads from the source text of its own functions, which must
    // still name the variables around them: renaming (mangle) or inlining (compress) breaks every
    // thread ("e is not defined", "_scriptDir is not defined"). Workers are minified for
    // whitespace only; the page's own bundle is minified in full.
    rolldownOptions: { output: { minify: { mangle: false, compress: false } } },
  },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders, port: 4173, strictPort: false },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.ts', 'workers/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
