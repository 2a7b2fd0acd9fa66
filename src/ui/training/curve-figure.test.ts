import { describe, expect, it } from 'vitest';
import { curveFigure, type CurvePalette } from './curve-figure';
import type { EpochPoint } from './curve-points';
import { curveSummary } from './curve-summary';

const PALETTE: CurvePalette = { training: '#111', validation: '#222', batch: '#333', text: '#444', grid: '#555', fontFamily: 'system-ui' };
const EPOCHS: EpochPoint[] = [
  { epoch: 1, loss: 1.9, accuracy: 0.25, validationLoss: 1.8, validationAccuracy: 0.3 },
  { epoch: 2, loss: 1.2, accuracy: 0.5, validationLoss: null, validationAccuracy: null },
];

const traces = (figure: ReturnType<typeof curveFigure>) => figure.data as { name: string; x: number[]; y: (number | null)[] }[];

describe('curveFigure', () => {
  it('draws training and validation per epoch, with a gap where validation is missing', () => {
    const [training, validation] = traces(curveFigure('accuracy', EPOCHS, [], PALETTE));
    expect(training).toMatchObject({ name: 'Training', x: [1, 2], y: [0.25, 0.5] });
    expect(validation).toMatchObject({ name: 'Validation', x: [1, 2], y: [0.3, null] });
  });

  it('puts batch losses on the loss chart only', () => {
    const batches = [{ epoch: 0.5, loss: 2.1 }, { epoch: 1, loss: 1.95 }];
    const loss = traces(curveFigure('loss', EPOCHS, batches, PALETTE));
    expect(loss.map(({ name }) => name)).toEqual(['Training (batches)', 'Training', 'Validation']);
    expect(loss[0]).toMatchObject({ x: [0.5, 1], y: [2.1, 1.95] });
    expect(loss[1].y).toEqual([1.9, 1.2]);
    expect(traces(curveFigure('accuracy', EPOCHS, batches, PALETTE))).toHaveLength(2);
  });

  it('leaves out the validation line when no epoch has validation', () => {
    const noValidation = EPOCHS.map((point) => ({ ...point, validationLoss: null, validationAccuracy: null }));
    expect(traces(curveFigure('loss', noValidation, [], PALETTE)).map(({ name }) => name)).toEqual(['Training']);
  });

  it("takes its colours and font from the palette and keeps accuracy's axis at 0-100%", () => {
    const { layout, data } = curveFigure('accuracy', EPOCHS, [], PALETTE);
    expect(layout.font).toEqual({ family: 'system-ui', color: '#444', size: 13 });
    expect(layout.yaxis).toMatchObject({ range: [0, 1], tickformat: '.0%', gridcolor: '#555' });
    expect(data[0]).toMatchObject({ line: { color: '#111' } });
    expect(data[1]).toMatchObject({ line: { color: '#222', dash: 'dash' } });
  });
});

describe('curveSummary', () => {
  it('names the latest epoch and its figures', () => {
    expect(curveSummary('loss', EPOCHS.slice(0, 1))).toBe('Loss chart, epoch 1: training 1.9, validation 1.8.');
    expect(curveSummary('accuracy', EPOCHS)).toBe('Accuracy chart, epoch 2: training 50.0%.');
    expect(curveSummary('loss', [])).toBe('Loss chart: no epoch has finished yet.');
  });
});
