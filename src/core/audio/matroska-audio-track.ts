import type { NativeStream } from './native-stream';

/** An EBML element: its id (marker bits kept, as the spec writes ids) and where its body lies. */
interface Element {
  readonly id: number;
  readonly body: number;
  readonly end: number;
}

const ID = {
  ebmlHeader: 0x1a45dfa3,
  docType: 0x4282,
  segment: 0x18538067,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackType: 0x83,
  codecId: 0x86,
  audio: 0xe1,
  samplingFrequency: 0xb5,
  outputSamplingFrequency: 0x78b5,
} as const;

const AUDIO_TRACK = 2;
// Matroska's default SamplingFrequency when a track leaves it out.
const DEFAULT_SAMPLING_FREQUENCY = 8000;
const OPUS_DECODE_RATE = 48000;

const CODEC_NAMES: Record<string, string> = {
  A_OPUS: 'Opus',
  A_VORBIS: 'Vorbis',
  A_FLAC: 'FLAC',
  A_AAC: 'AAC',
  'A_MPEG/L3': 'MP3',
  A_AC3: 'AC-3',
  A_ALAC: 'ALAC',
};

/** Length of a variable-length integer from the leading zeros of its first byte (1 to 8 bytes). */
function vintLength(first: number): number {
  return first === 0 ? 0 : Math.clz32(first) - 23;
}

/** Reads one element header at `position`; an "unknown" size (all value bits set) runs to `parentEnd`. */
function readElement(bytes: Uint8Array, position: number, parentEnd: number): Element | null {
  const idLength = vintLength(bytes[position]);
  if (idLength === 0 || idLength > 4 || position + idLength >= parentEnd) return null;
  let id = 0;
  for (let i = 0; i < idLength; i++) id = id * 256 + bytes[position + i];
  const sizeAt = position + idLength;
  const sizeLength = vintLength(bytes[sizeAt]);
  if (sizeLength === 0 || sizeAt + sizeLength > parentEnd) return null;
  let size = bytes[sizeAt] & (0xff >> sizeLength);
  let unknown = size === 0xff >> sizeLength;
  for (let i = 1; i < sizeLength; i++) {
    size = size * 256 + bytes[sizeAt + i];
    unknown &&= bytes[sizeAt + i] === 0xff;
  }
  const body = sizeAt + sizeLength;
  return { id, body, end: unknown ? parentEnd : Math.min(parentEnd, body + size) };
}

function children(bytes: Uint8Array, parent: Pick<Element, 'body' | 'end'>): Element[] {
  const elements: Element[] = [];
  for (let position = parent.body; position < parent.end; ) {
    const element = readElement(bytes, position, parent.end);
    if (!element) break;
    elements.push(element);
    position = element.end;
  }
  return elements;
}

function readUint(bytes: Uint8Array, element: Element): number {
  let value = 0;
  for (let i = element.body; i < element.end; i++) value = value * 256 + bytes[i];
  return value;
}

function readFloat(bytes: Uint8Array, element: Element): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset + element.body, element.end - element.body);
  if (view.byteLength === 4) return view.getFloat32(0);
  return view.byteLength === 8 ? view.getFloat64(0) : 0;
}

function readString(bytes: Uint8Array, element: Element): string {
  return String.fromCharCode(...bytes.subarray(element.body, element.end)).replace(/\0+$/, '');
}

function readAudioTrack(bytes: Uint8Array, entry: Element, container: string): NativeStream | null {
  const fields = children(bytes, entry);
  const trackType = fields.find((e) => e.id === ID.trackType);
  if (!trackType || readUint(bytes, trackType) !== AUDIO_TRACK) return null;
  const codecElement = fields.find((e) => e.id === ID.codecId);
  const codecId = codecElement ? readString(bytes, codecElement) : '';
  const codec = CODEC_NAMES[codecId] ?? (codecId.startsWith('A_AAC') ? 'AAC' : codecId || 'audio');
  const format = `${container} ${codec}`;
  if (codecId === 'A_OPUS') return { format, sampleRate: OPUS_DECODE_RATE };
  const audio = fields.find((e) => e.id === ID.audio);
  const settings = audio ? children(bytes, audio) : [];
  // With AAC SBR the output rate is twice the core rate, and it is the output that gets decoded.
  const rateElement =
    settings.find((e) => e.id === ID.outputSamplingFrequency) ?? settings.find((e) => e.id === ID.samplingFrequency);
  const sampleRate = rateElement ? Math.round(readFloat(bytes, rateElement)) : DEFAULT_SAMPLING_FREQUENCY;
  return sampleRate > 0 ? { format, sampleRate } : null;
}

/** The first audio track of a WebM or Matroska file: Segment/Tracks/TrackEntry/Audio/SamplingFrequency. */
export function readMatroskaAudioTrack(bytes: Uint8Array): NativeStream | null {
  const top = children(bytes, { body: 0, end: bytes.length });
  const header = top.find((e) => e.id === ID.ebmlHeader);
  const docType = header && children(bytes, header).find((e) => e.id === ID.docType);
  const container = docType && readString(bytes, docType) === 'webm' ? 'WebM' : 'Matroska';
  const segment = top.find((e) => e.id === ID.segment);
  if (!segment) return null;
  for (const tracks of children(bytes, segment).filter((e) => e.id === ID.tracks)) {
    for (const entry of children(bytes, tracks).filter((e) => e.id === ID.trackEntry)) {
      const stream = readAudioTrack(bytes, entry, container);
      if (stream) return stream;
    }
  }
  return null;
}
