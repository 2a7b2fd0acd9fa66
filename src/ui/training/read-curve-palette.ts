import type { CurvePalette } from './curve-figure';

/**
 * The chart palette from CSS custom properties on `element` (`--curve-training`, `--curve-validation`,
 * `--curve-batch`, `--border`) and its text colour and font. Plotly parses the values, so they must be
 * hex or comma-separated rgb()/rgba().
 */
export function readCurvePalette(element: Element): CurvePalette {
  const style = getComputedStyle(element);
  const property = (name: string): string => style.getPropertyValue(name).trim();
  return {
    training: property('--curve-training'),
    validation: property('--curve-validation'),
    batch: property('--curve-batch'),
    text: style.color,
    grid: property('--border'),
    fontFamily: style.fontFamily,
  };
}
