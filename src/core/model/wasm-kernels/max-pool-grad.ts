import { backend_util, util } from '@tensorflow/tfjs';
import type { KernelConfig, MaxPoolGradAttrs, MaxPoolGradInputs, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { withStockFallback } from './stock-fallback';
import { trainKernelOf } from './train-kernel';
import { heapIndexOf, wasmModuleOf } from './wasm-module';

/**
 * MaxPoolGrad routing each output gradient to its window's first maximum (the cpu backend's
 * rule), channel-vectorised: the windows are scanned once, all channels of a position at a time.
 */
export function maxPoolGradConfig(stock: KernelConfig): KernelConfig {
  return withStockFallback<MaxPoolGradInputs, BackendWasm, MaxPoolGradAttrs>(stock, ({ inputs, backend, attrs }) => {
    const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
    const info = backend_util.computePool2DInfo(
      input.shape as [number, number, number, number], attrs.filterSize, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode,
    );
    if (info.dataFormat !== 'channelsLast' || input.dtype !== 'float32') return null;
    const out = backend.makeOutput(input.shape, 'float32');
    const module = wasmModuleOf(backend);
    const [x, g, dx] = [input, dy, out].map((t) => heapIndexOf(backend, t.dataId));
    const kernel = trainKernelOf(module);
    if (kernel !== null && isPairPool1d(info)) {
      module.HEAPF32.fill(0, dx, dx + util.sizeFromShape(input.shape));
      kernel.maxPoolGradPairs(x * 4, g * 4, dx * 4, info.batchSize, info.inHeight, info.outHeight, info.outChannels, info.padInfo.top);
    } else {
      routeGradients(module.HEAPF32, x, g, dx, info);
    }
    return out;
  });
}

function routeGradients(heap: Float32Array, x: number, dy: number, dx: number, info: backend_util.Conv2DInfo): void {
  const { batchSize, inHeight, inWidth, outHeight, outWidth, outChannels: channels } = info;
  heap.fill(0, dx, dx + batchSize * inHeight * inWidth * channels);
  if (isPairPool1d(info)) {
    routePairs(heap, x, dy, dx, info);
    return;
  }
  const best = new Float32Array(channels);
  const bestAt = new Int32Array(channels);
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        best.fill(-Infinity);
        bestAt.fill(-1);
        scanWindow(heap, x + b * inHeight * inWidth * channels, info, oh, ow, best, bestAt);
        const dyRow = dy + ((b * outHeight + oh) * outWidth + ow) * channels;
        const dxBase = dx + b * inHeight * inWidth * channels;
        for (let c = 0; c < channels; c++) {
          if (bestAt[c] >= 0) heap[dxBase + bestAt[c] + c] += heap[dyRow + c];
        }
      }
    }
  }
}

/** best/bestAt[c] = the window's first maximum and its offset (pixel · channels) in the sample. */
function scanWindow(
  heap: Float32Array, sample: number, info: backend_util.Conv2DInfo, oh: number, ow: number, best: Float32Array, bestAt: Int32Array,
): void {
  const { inHeight, inWidth, outChannels: channels, filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  for (let fh = 0; fh < filterHeight; fh++) {
    const ih = oh * strideHeight - padInfo.top + fh;
    if (ih < 0 || ih >= inHeight) continue;
    for (let fw = 0; fw < filterWidth; fw++) {
      const iw = ow * strideWidth - padInfo.left + fw;
      if (iw < 0 || iw >= inWidth) continue;
      const offset = (ih * inWidth + iw) * channels;
      for (let c = 0; c < channels; c++) {
        const value = heap[sample + offset + c];
        if (value > best[c]) {
          best[c] = value;
          bestAt[c] = offset;
        }
      }
    }
  }
}

/** maxPooling1d with pool 2 and stride 2 as tfjs runs it: [batch, time, 1, channels], windows of 2 rows. */
function isPairPool1d(info: backend_util.Conv2DInfo): boolean {
  return info.inWidth === 1 && info.outWidth === 1 && info.filterWidth === 1 && info.filterHeight === 2 && info.strideHeight === 2;
}

/**
 * The pool-2 case without per-window bookkeeping (the kernel's maxPoolGradPairs where it cannot run): each window's two rows are compared channel by
 * channel. Same rule as the general path (first maximum; values not above -Infinity, NaN
 * included, never win), so ties go to the first row.
 */
function routePairs(heap: Float32Array, x: number, dy: number, dx: number, info: backend_util.Conv2DInfo): void {
  const { batchSize, inHeight, outHeight, outChannels: channels, padInfo } = info;
  for (let b = 0; b < batchSize; b++) {
    const sample = b * inHeight * channels;
    for (let oh = 0; oh < outHeight; oh++) {
      const first = oh * 2 - padInfo.top;
      const second = first + 1;
      const g = dy + (b * outHeight + oh) * channels;
      const hasFirst = first >= 0 && first < inHeight;
      const hasSecond = second >= 0 && second < inHeight;
      if (hasFirst && hasSecond) {
        const p0 = x + sample + first * channels;
        const p1 = p0 + channels;
        const d0 = dx + sample + first * channels;
        const d1 = d0 + channels;
        for (let c = 0; c < channels; c++) {
          const a = heap[p0 + c];
          const v = heap[p1 + c];
          if (a > -Infinity) {
            if (v > a) heap[d1 + c] = heap[g + c];
            else heap[d0 + c] = heap[g + c];
          } else if (v > -Infinity) {
            heap[d1 + c] = heap[g + c];
          }
        }
      } else if (hasFirst || hasSecond) {
        const row = hasFirst ? first : second;
        const p = x + sample + row * channels;
        const d = dx + sample + row * channels;
        for (let c = 0; c < channels; c++) if (heap[p + c] > -Infinity) heap[d + c] = heap[g + c];
      }
    }
  }
}
