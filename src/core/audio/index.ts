export { AudioDecodeError, type AudioDecodeErrorKind } from './audio-decode-error';
export { type AudioContainer, CONTAINER_NAMES, sniffContainer } from './container-sniffer';
export { decodeAudioFile } from './decode-audio-file';
export type { DecodedAudio, MonoAudio } from './decoded-audio';
export { conformAudio, type LoadedAudio, loadAudio } from './load-audio';
export { mixToMono } from './mix-to-mono';
export { resample } from './resampler';
