import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_CONFIG } from '../../core/features/feature-config';
import { clipWindow } from './clip-window';

const fixedSeconds = 92_672 / 22_050;

describe('clipWindow', () => {
  it('marks where a short clip ends and silence begins', () => {
    const window = clipWindow(DEFAULT_FEATURE_CONFIG, 182, 2.5696);
    expect(window.seconds).toBeCloseTo(fixedSeconds, 10);
    expect(window.audioEnds).toBeCloseTo(2.5696 / fixedSeconds, 10);
    expect(window.description).toBe('4.2 s, silence after 2.57 s');
  });

  it('says a long clip is cut to its first 4.2 s', () => {
    expect(clipWindow(DEFAULT_FEATURE_CONFIG, 182, 5.31)).toMatchObject({ audioEnds: null, description: 'the first 4.2 s of 5.31 s' });
  });

  it('covers the whole clip when no fixed length is set', () => {
    const config = { ...DEFAULT_FEATURE_CONFIG, fixedLength: null };
    expect(clipWindow(config, 100, (100 * 512) / 22050)).toEqual({ seconds: (100 * 512) / 22050, audioEnds: null, description: '2.3 s' });
  });
});
