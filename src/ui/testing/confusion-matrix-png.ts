import { type ConfusionMatrix, rowNormalised } from '../../core/metrics';

const CELL = 64;
const LABEL_WIDTH = 120;
const HEADER_HEIGHT = 110;
const FONT = '14px system-ui, sans-serif';

/**
 * The confusion matrix as a PNG: true labels down the left, predictions across the top, each cell
 * shaded by its share of the row and showing its count and that share.
 */
export function confusionMatrixPng(matrix: ConfusionMatrix, title: string): Promise<Blob> {
  const n = matrix.labels.length;
  const canvas = document.createElement('canvas');
  canvas.width = LABEL_WIDTH + n * CELL + 16;
  canvas.height = HEADER_HEIGHT + n * CELL + 40;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('This browser cannot draw images.'));
  const rates = rowNormalised(matrix);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#1b2230';
  context.font = `bold ${FONT}`;
  context.fillText(title, 8, 22);
  context.font = FONT;
  context.fillText('true ↓  predicted →', 8, HEADER_HEIGHT - 8);
  matrix.labels.forEach((label, index) => {
    context.save();
    context.translate(LABEL_WIDTH + index * CELL + CELL / 2 + 5, HEADER_HEIGHT - 8);
    context.rotate(-Math.PI / 4);
    context.fillText(label, 0, 0);
    context.restore();
    context.fillText(label, 8, HEADER_HEIGHT + index * CELL + CELL / 2 + 5);
  });
  matrix.counts.forEach((row, r) =>
    row.forEach((count, c) => {
      const share = rates[r][c];
      const x = LABEL_WIDTH + c * CELL;
      const y = HEADER_HEIGHT + r * CELL;
      context.fillStyle = `rgba(15, 94, 110, ${Number.isFinite(share) ? share : 0})`;
      context.fillRect(x, y, CELL, CELL);
      context.strokeStyle = '#d5dae3';
      context.strokeRect(x, y, CELL, CELL);
      context.fillStyle = share > 0.5 ? '#ffffff' : '#1b2230';
      context.textAlign = 'center';
      context.fillText(String(count), x + CELL / 2, y + CELL / 2);
      if (Number.isFinite(share)) context.fillText(`${Math.round(share * 100)}%`, x + CELL / 2, y + CELL / 2 + 18);
      context.textAlign = 'start';
    }),
  );
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be made.'))), 'image/png'));
}
