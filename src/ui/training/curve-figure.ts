import type { Data, Layout } from 'plotly.js-dist-min';
import type { BatchPoint, EpochPoint } from './curve-points';

export type CurveMetric = 'loss' | 'accuracy';

/** Colours and font for a chart, read from the page's CSS so the chart follows the light or dark theme. */
export interface CurvePalette {
  readonly training: string;
  readonly validation: string;
  readonly batch: string;
  readonly text: string;
  readonly grid: string;
  readonly fontFamily: string;
}

export interface CurveFigure {
  readonly data: Data[];
  readonly layout: Partial<Layout>;
}

const METRIC_NAMES: Record<CurveMetric, string> = { loss: 'Loss', accuracy: 'Accuracy' };

/** One chart's traces and layout: training and validation per epoch, and batch losses on the loss chart. */
export function curveFigure(
  metric: CurveMetric,
  epochs: readonly EpochPoint[],
  batches: readonly BatchPoint[],
  palette: CurvePalette,
): CurveFigure {
  const training = epochs.map((point) => (metric === 'loss' ? point.loss : point.accuracy));
  const validation = epochs.map((point) => (metric === 'loss' ? point.validationLoss : point.validationAccuracy));
  const data: Data[] = [];
  if (metric === 'loss' && batches.length > 0) data.push(batchTrace(batches, palette));
  data.push(epochTrace('Training', epochs, training, palette.training, 'solid'));
  if (validation.some((value) => value !== null)) data.push(epochTrace('Validation', epochs, validation, palette.validation, 'dash'));
  const uar = epochs.map((point) => point.validationUar ?? null);
  if (metric === 'accuracy' && uar.some((value) => value !== null)) data.push(epochTrace('Validation UAR', epochs, uar, palette.validation, 'dot'));
  return { data, layout: curveLayout(metric, palette) };
}

function epochTrace(name: string, epochs: readonly EpochPoint[], values: (number | null)[], color: string, dash: 'solid' | 'dash' | 'dot'): Data {
  return {
    type: 'scatter',
    mode: 'lines+markers',
    name,
    x: epochs.map((point) => point.epoch),
    y: values,
    line: { color, width: 2.5, dash },
    // Shapes as well as colours tell the two lines apart.
    marker: { color, size: 7, symbol: dash === 'solid' ? 'circle' : dash === 'dash' ? 'square' : 'diamond' },
  };
}

function batchTrace(batches: readonly BatchPoint[], palette: CurvePalette): Data {
  return {
    type: 'scatter',
    mode: 'lines',
    name: 'Training (batches)',
    x: batches.map((point) => point.epoch),
    y: batches.map((point) => point.loss),
    line: { color: palette.batch, width: 1 },
    hoverinfo: 'skip',
  };
}

function curveLayout(metric: CurveMetric, palette: CurvePalette): Partial<Layout> {
  const axis = { color: palette.text, gridcolor: palette.grid, zerolinecolor: palette.grid, linecolor: palette.grid };
  return {
    autosize: true,
    height: 300,
    margin: { l: 56, r: 12, t: 28, b: 44 },
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { family: palette.fontFamily, color: palette.text, size: 13 },
    showlegend: true,
    // Above the plot; Plotly's automatic margins make room when it wraps on a narrow screen.
    legend: { orientation: 'h', x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom' },
    hovermode: 'closest',
    modebar: { bgcolor: 'rgba(0,0,0,0)', color: palette.text, activecolor: palette.training },
    // Keeps a zoom the user made while new epochs arrive.
    uirevision: metric,
    xaxis: { ...axis, title: { text: 'Epoch' }, rangemode: 'tozero' },
    yaxis:
      metric === 'accuracy'
        ? { ...axis, title: { text: METRIC_NAMES[metric] }, range: [0, 1], tickformat: '.0%' }
        : { ...axis, title: { text: METRIC_NAMES[metric] }, rangemode: 'tozero' },
  };
}
