import { mount } from 'svelte';
import App from './ui/App.svelte';
import { router } from './ui/router.svelte';
import './ui/styles.css';

const target = document.getElementById('app');
if (!target) throw new Error('SER Studio: #app element missing from index.html');

router.start(window);
mount(App, { target });
