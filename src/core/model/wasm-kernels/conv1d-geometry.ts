import { backend_util } from '@tensorflow/tfjs';

/** A Conv1D seen through Conv2D (height 1): what our im2col kernels need. */
export interface Conv1dGeometry {
  batch: number;
  inWidth: number;
  outWidth: number;
  inChannels: number;
  outChannels: number;
  kernelWidth: number;
  /** Zeros implied before the first input frame ('same' padding: floor((k - 1) / 2)). */
  padLeft: number;
}

/** The geometry if the convolution is a stride-1, undilated, channels-last Conv1D; else null. */
export function conv1dGeometry(info: backend_util.Conv2DInfo): Conv1dGeometry | null {
  const isConv1d =
    info.inHeight === 1 && info.filterHeight === 1 && info.outHeight === 1 &&
    info.strideWidth === 1 && info.strideHeight === 1 &&
    info.dilationWidth === 1 && info.dilationHeight === 1 &&
    info.dataFormat === 'channelsLast';
  if (!isConv1d) return null;
  return {
    batch: info.batchSize,
    inWidth: info.inWidth,
    outWidth: info.outWidth,
    inChannels: info.inChannels,
    outChannels: info.outChannels,
    kernelWidth: info.filterWidth,
    padLeft: info.padInfo.left,
  };
}
