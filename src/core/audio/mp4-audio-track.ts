import type { NativeStream } from './native-stream';
import { fourCC } from './riff-chunks';

/** An ISO BMFF / QuickTime box: its type and where its body lies. */
interface Box {
  readonly type: string;
  readonly body: number;
  readonly end: number;
}

const CODEC_NAMES: Record<string, string> = {
  mp4a: 'AAC',
  alac: 'ALAC',
  Opus: 'Opus',
  fLaC: 'FLAC',
  '.mp3': 'MP3',
  'ac-3': 'AC-3',
  'ec-3': 'E-AC-3',
};

const OPUS_DECODE_RATE = 48000;

/** Reads the boxes of an MP4 file; every offset is into the same bytes. */
class BoxReader {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The boxes between `start` and `end`; a size of 1 means a 64-bit size follows, 0 means "to the end". */
  list(start: number, end: number): Box[] {
    const boxes: Box[] = [];
    let position = start;
    while (position + 8 <= end) {
      let size = this.uint32(position);
      let header = 8;
      if (size === 1 && position + 16 <= end) {
        size = this.uint32(position + 8) * 2 ** 32 + this.uint32(position + 12);
        header = 16;
      } else if (size === 0) {
        size = end - position;
      }
      if (size < header) break;
      boxes.push({ type: fourCC(this.bytes, position + 4), body: position + header, end: Math.min(end, position + size) });
      position += size;
    }
    return boxes;
  }

  /** Follows a path of box types down from `parent` (the first box of each type). */
  find(parent: Box, path: readonly string[]): Box | undefined {
    let box: Box | undefined = parent;
    for (const type of path) box = box && this.list(box.body, box.end).find((b) => b.type === type);
    return box;
  }

  fourCC(offset: number): string {
    return fourCC(this.bytes, offset);
  }

  uint8(offset: number): number {
    return this.view.getUint8(offset);
  }

  uint16(offset: number): number {
    return this.view.getUint16(offset);
  }

  uint32(offset: number): number {
    return this.view.getUint32(offset);
  }

  float64(offset: number): number {
    return this.view.getFloat64(offset);
  }
}

/** mdhd timescale: ticks per second, which for a sound track is its sample rate. */
function mediaTimescale(reader: BoxReader, mdhd: Box): number {
  return reader.uint32(mdhd.body + (reader.uint8(mdhd.body) === 1 ? 20 : 12));
}

/**
 * The codec and rate of the first sample entry in an stsd box. Offsets are from the entry's body:
 * 8 bytes of SampleEntry, then the audio fields with the rate as 16.16 at 24; QuickTime's version 2
 * entry keeps it as a float64 at 32 instead.
 */
function sampleEntry(reader: BoxReader, stsd: Box): { codec: string; sampleRate: number } | null {
  const entry = reader.list(stsd.body + 8, stsd.end)[0];
  if (!entry) return null;
  const version = reader.uint16(entry.body + 8);
  const sampleRate = version === 2 ? reader.float64(entry.body + 32) : reader.uint32(entry.body + 24) / 65536;
  return { codec: CODEC_NAMES[entry.type] ?? entry.type.trim(), sampleRate: Math.round(sampleRate) };
}

function readSoundTrack(reader: BoxReader, trak: Box): NativeStream | null {
  const mdia = reader.find(trak, ['mdia']);
  const hdlr = mdia && reader.find(mdia, ['hdlr']);
  if (!mdia || !hdlr || reader.fourCC(hdlr.body + 8) !== 'soun') return null;
  const stsd = reader.find(mdia, ['minf', 'stbl', 'stsd']);
  const entry = stsd ? sampleEntry(reader, stsd) : null;
  const codec = entry?.codec ?? 'audio';
  if (codec === 'Opus') return { format: 'MP4 Opus', sampleRate: OPUS_DECODE_RATE };
  const mdhd = reader.find(mdia, ['mdhd']);
  const sampleRate = entry && entry.sampleRate > 0 ? entry.sampleRate : mdhd ? mediaTimescale(reader, mdhd) : 0;
  return sampleRate > 0 ? { format: `MP4 ${codec}`, sampleRate } : null;
}

/** The first sound track of an MP4/M4A/MOV file: moov/trak/mdia/minf/stbl/stsd, else its mdhd timescale. */
export function readMp4AudioTrack(bytes: Uint8Array): NativeStream | null {
  const reader = new BoxReader(bytes);
  const moov = reader.list(0, bytes.length).find((box) => box.type === 'moov');
  if (!moov) return null;
  for (const trak of reader.list(moov.body, moov.end).filter((box) => box.type === 'trak')) {
    const stream = readSoundTrack(reader, trak);
    if (stream) return stream;
  }
  return null;
}
