import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of the built app: only its own origin, plus what the app needs to
 * run entirely in the browser — WebAssembly compiled from our own files ('wasm-unsafe-eval', not
 * 'unsafe-eval'), tfjs-backend-wasm's thread workers made from blobs, blob: and data: URLs for
 * audio, images and downloads, and inline styles (Svelte's style: directives and Plotly set them).
 * No script from anywhere else can run, and nothing can be sent anywhere else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** Puts the policy in the built index.html as a meta tag, so it holds on any static host (the dev server's HMR needs more). */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'ser-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}
