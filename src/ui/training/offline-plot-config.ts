import type { Config } from 'plotly.js-dist-min';

/**
 * Plotly settings under which a chart never reaches another origin: no logo link to plotly.com, no
 * send-to-cloud button, no MathJax typesetting. Fonts come from the page (the system stack), and
 * line charts need no map tiles or topojson.
 */
export const OFFLINE_PLOT_CONFIG: Partial<Config> = {
  displaylogo: false,
  // On hover only, so it does not cover the legend above the plot.
  displayModeBar: 'hover',
  responsive: true,
  typesetMath: false,
  showSendToCloud: false,
  plotlyServerURL: '',
  showTips: false,
  modeBarButtonsToRemove: ['select2d', 'lasso2d'],
};
