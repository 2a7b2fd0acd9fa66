import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it('reads as seconds, minutes or hours', () => {
    expect([0.6, 42, 185, 3720].map(formatDuration)).toEqual(['0.6 s', '42 s', '3 min 05 s', '1 h 02 min']);
  });
});
