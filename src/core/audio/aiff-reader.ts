import { AudioDecodeError, type AudioDecodeErrorKind } from './audio-decode-error';
import type { DecodedAudio } from './decoded-audio';
import { deinterleavePcm } from './deinterleave-pcm';
import { bytesPerSample, describeSampleFormat, type PcmSampleFormat } from './pcm-sample-format';
import { type Chunk, fourCC, listChunks } from './riff-chunks';

interface AiffCommon {
  readonly channelCount: number;
  readonly frames: number;
  readonly sampleRate: number;
  readonly sample: PcmSampleFormat;
  readonly littleEndian: boolean;
}

/**
 * Reads AIFF and uncompressed AIFF-C (NONE, sowt, fl32, fl64, alaw, ulaw). Users meet AIFF files
 * named .wav in real corpora (TESS has two), so files are sniffed by content, not by name.
 */
export function readAiff(bytes: Uint8Array, fileName: string): DecodedAudio {
  const fail = (reason: string, kind: AudioDecodeErrorKind = 'malformed') => new AudioDecodeError(fileName, reason, kind);
  if (bytes.length < 12 || fourCC(bytes, 0) !== 'FORM') throw fail('not an AIFF file (no FORM header)');
  const formType = fourCC(bytes, 8);
  if (formType !== 'AIFF' && formType !== 'AIFC') throw fail(`an IFF file of type "${formType}", not AIFF`);

  const chunks = listChunks(bytes, 12, false);
  const comm = chunks.find((c) => c.id === 'COMM');
  const ssnd = chunks.find((c) => c.id === 'SSND');
  if (!comm) throw fail('the AIFF file has no "COMM" chunk (truncated?)');
  if (!ssnd) throw fail('the AIFF file has no "SSND" chunk (truncated?)');

  const common = parseCommon(bytes, comm, formType === 'AIFC', fail);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (ssnd.offset + 8 > bytes.length) throw fail('the "SSND" chunk is truncated');
  const dataStart = ssnd.offset + 8 + view.getUint32(ssnd.offset, false);
  const frameBytes = bytesPerSample(common.sample) * common.channelCount;
  const availableFrames = Math.floor(Math.max(0, bytes.length - dataStart) / frameBytes);
  const frames = Math.min(common.frames, availableFrames);
  if (frames === 0) throw fail('the AIFF file holds no audio samples', 'empty');
  const channels = deinterleavePcm(bytes, dataStart, frames, common.channelCount, common.sample, common.littleEndian);
  return { channels, sampleRate: common.sampleRate, sourceFormat: `AIFF ${describeSampleFormat(common.sample)}` };
}

function parseCommon(
  bytes: Uint8Array,
  comm: Chunk,
  isAifc: boolean,
  fail: (reason: string, kind?: AudioDecodeErrorKind) => Error,
): AiffCommon {
  if (comm.offset + 18 > bytes.length) throw fail('the "COMM" chunk is truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const channelCount = view.getUint16(comm.offset, false);
  const frames = view.getUint32(comm.offset + 2, false);
  const bits = view.getUint16(comm.offset + 6, false);
  const sampleRate = Math.round(readExtended(view, comm.offset + 8));
  const compression = isAifc && comm.offset + 22 <= bytes.length ? fourCC(bytes, comm.offset + 18) : 'NONE';
  if (channelCount === 0) throw fail('the AIFF header declares 0 channels');
  if (!(sampleRate > 0)) throw fail('the AIFF header declares no valid sample rate');
  return { channelCount, frames, sampleRate, ...sampleLayout(compression, bits, fail) };
}

function sampleLayout(
  compression: string,
  bits: number,
  fail: (reason: string, kind?: AudioDecodeErrorKind) => Error,
): { sample: PcmSampleFormat; littleEndian: boolean } {
  switch (compression) {
    case 'NONE':
    case 'twos':
    case 'sowt': {
      // Sample sizes that are not whole bytes are stored left-justified in the next whole byte.
      const container = (Math.ceil(bits / 8) * 8) as 8 | 16 | 24 | 32;
      if (![8, 16, 24, 32].includes(container)) throw fail(`AIFF with ${bits}-bit samples is not supported`, 'unsupported');
      return { sample: { kind: 'int', bits: container, signed: true }, littleEndian: compression === 'sowt' };
    }
    case 'fl32':
    case 'FL32':
      return { sample: { kind: 'float', bits: 32 }, littleEndian: false };
    case 'fl64':
    case 'FL64':
      return { sample: { kind: 'float', bits: 64 }, littleEndian: false };
    case 'alaw':
    case 'ALAW':
      return { sample: { kind: 'alaw' }, littleEndian: false };
    case 'ulaw':
    case 'ULAW':
      return { sample: { kind: 'ulaw' }, littleEndian: false };
    default:
      throw fail(`AIFF-C compressed with "${compression}" is not supported`, 'unsupported');
  }
}

/** The 80-bit IEEE 754 extended float AIFF uses for its sample rate. */
function readExtended(view: DataView, offset: number): number {
  const signAndExponent = view.getUint16(offset, false);
  const hi = view.getUint32(offset + 2, false);
  const lo = view.getUint32(offset + 6, false);
  const exponent = (signAndExponent & 0x7fff) - 16383;
  const mantissa = hi * 2 ** -31 + lo * 2 ** -63;
  const value = mantissa * 2 ** exponent;
  return signAndExponent & 0x8000 ? -value : value;
}
