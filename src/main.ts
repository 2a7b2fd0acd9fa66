import { mount } from 'svelte';
import App from './ui/App.svelte';
import { router } from './ui/router.svelte';
import './ui/styles.css';

const target = document.getElementById('app');
if (!target) throw new Error('SER Studio: #app element missing from index.html');

router.start(window);
mount(App, { target });

// Offline use after the first visit: the built app registers its precaching service worker (sw.js,
// made by build/offline-service-worker.ts). Failing to register only costs offline use.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('./sw.js').catch(() => undefined));
}
