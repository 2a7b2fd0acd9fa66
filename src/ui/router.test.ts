import { describe, expect, it } from 'vitest';
import { parseHash, ROUTES } from './router.svelte';

describe('parseHash', () => {
  it('treats an empty hash and #/ as home', () => {
    expect(parseHash('')).toBe('home');
    expect(parseHash('#')).toBe('home');
    expect(parseHash('#/')).toBe('home');
  });

  it('resolves every nav link to its own route', () => {
    for (const route of ROUTES) expect(parseHash(route.href)).toBe(route.id);
  });

  it('ignores case, query strings and trailing segments', () => {
    expect(parseHash('#/Train')).toBe('train');
    expect(parseHash('#/predict?file=a.wav')).toBe('predict');
    expect(parseHash('#/models/abc')).toBe('models');
    expect(parseHash('#live')).toBe('live');
  });

  it('reports unknown paths as not-found', () => {
    expect(parseHash('#/nope')).toBe('not-found');
    expect(parseHash('#/constructor')).toBe('not-found');
  });
});
