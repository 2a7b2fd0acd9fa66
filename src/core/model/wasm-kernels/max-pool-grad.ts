import { backend_util } from '@tensorflow/tfjs';
import type { KernelConfig, MaxPoolGradAttrs, MaxPoolGradInputs, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { withStockFallback } from './stock-fallback';
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
    const heap = wasmModuleOf(backend).HEAPF32;
    routeGradients(heap, heapIndexOf(backend, input.dataId), heapIndexOf(backend, dy.dataId), heapIndexOf(backend, out.dataId), info);
    return out;
  });
}

function routeGradients(heap: Float32Array, x: number, dy: number, dx: number, info: backend_util.Conv2DInfo): void {
  const { batchSize, inHeight, inWidth, outHeight, outWidth, outChannels: channels } = info;
  heap.fill(0, dx, dx + batchSize * inHeight * inWidth * channels);
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
