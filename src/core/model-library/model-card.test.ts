import { describe, expect, it } from 'vitest';
import { modelCardMarkdown, type ModelCardContext } from './model-card';
import { sampleMetadata, sampleMetrics, THESIS_LABELS } from './test-support/sample-metadata';

const CONTEXT: ModelCardContext = {
  data: ['RAVDESS, actors 1-20: CC BY-NC-SA 4.0.'],
  validationSpeakers: ['ravdess:15'],
  testSpeakers: ['ravdess:17'],
  labelNotes: ['Calm is left out.'],
  licence: 'non-commercial use with attribution.',
  reproduce: '`npm run train:default`',
};

describe('modelCardMarkdown', () => {
  it('gives the test and validation metrics with their confusion matrices, and the recipe in words', () => {
    const base = sampleMetadata();
    const metadata = sampleMetadata({
      metrics: { validation: sampleMetrics(THESIS_LABELS), test: sampleMetrics(THESIS_LABELS, 10, 6) },
      training: { ...base.training, weightAveraging: 0.999, masking: null },
    });
    const card = modelCardMarkdown(metadata, CONTEXT);
    expect(card).toContain('## Test (held-out speakers)');
    expect(card).toContain('70 files: unweighted average recall **60.0%**');
    expect(card).toContain('| anger | 6 | 4 | 0 | 0 | 0 | 0 | 0 |');
    expect(card).toContain('the weights averaged over training steps (exponential moving average, decay 0.999 per step), no masking, 2 augmented copies per training clip (noise, pitch)');
    expect(card).not.toContain('How far to trust');
  });

  it('says so when a model had no averaging, and adds the trust section when given', () => {
    const card = modelCardMarkdown(sampleMetadata(), { ...CONTEXT, trust: ['The recipe was chosen on these speakers.'] });
    expect(card).toContain('no weight averaging, no masking');
    expect(card).toContain('## How far to trust these figures\n\n- The recipe was chosen on these speakers.\n');
  });
});
