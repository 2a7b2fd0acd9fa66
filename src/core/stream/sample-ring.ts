/** Header slots (Int32): frames written, frames read, frames dropped, all since the start. */
const WRITTEN = 0;
const READ = 1;
const DROPPED = 2;
const HEADER_BYTES = 16;

/**
 * A single-producer, single-consumer ring of float samples over one buffer: a SharedArrayBuffer
 * lets an AudioWorklet write and a worker read without messages or copies. The counters are
 * Int32s that wrap (differences stay right up to 2^31 frames in the ring); what does not fit when
 * the reader falls behind is dropped and counted, never written over unread samples.
 */
export class SampleRing {
  readonly capacity: number;
  readonly #header: Int32Array;
  readonly #data: Float32Array;

  /** A buffer for a ring of `capacity` samples (a power of two): shared when the page is cross-origin isolated. */
  static allocate(capacity: number, shared: boolean): SharedArrayBuffer | ArrayBuffer {
    const bytes = HEADER_BYTES + capacity * Float32Array.BYTES_PER_ELEMENT;
    return shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  }

  constructor(buffer: SharedArrayBuffer | ArrayBuffer) {
    this.capacity = (buffer.byteLength - HEADER_BYTES) / Float32Array.BYTES_PER_ELEMENT;
    if (!Number.isInteger(this.capacity) || this.capacity < 1 || (this.capacity & (this.capacity - 1)) !== 0) {
      throw new RangeError(`A sample ring holds a power of two of samples (a buffer of 16 + 4 * 2^k bytes), not ${buffer.byteLength} bytes.`);
    }
    this.#header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.#data = new Float32Array(buffer, HEADER_BYTES, this.capacity);
  }

  /** Samples written and not yet read. */
  get available(): number {
    return (Atomics.load(this.#header, WRITTEN) - Atomics.load(this.#header, READ)) | 0;
  }

  /** Samples dropped because the ring was full. */
  get dropped(): number {
    return Atomics.load(this.#header, DROPPED) >>> 0;
  }

  /** Producer: appends what fits, counts the rest as dropped; returns how many were written. */
  write(samples: Float32Array): number {
    const written = Atomics.load(this.#header, WRITTEN);
    const free = this.capacity - ((written - Atomics.load(this.#header, READ)) | 0);
    const count = Math.min(free, samples.length);
    const start = modulo(written, this.capacity);
    const first = Math.min(count, this.capacity - start);
    this.#data.set(samples.subarray(0, first), start);
    this.#data.set(samples.subarray(first, count), 0);
    // The data is in place before the counter says so (Atomics.store is sequentially consistent).
    Atomics.store(this.#header, WRITTEN, (written + count) | 0);
    if (count < samples.length) Atomics.add(this.#header, DROPPED, samples.length - count);
    return count;
  }

  /** Consumer: takes up to `max` of the oldest unread samples. */
  read(max = Number.POSITIVE_INFINITY): Float32Array {
    const read = Atomics.load(this.#header, READ);
    const count = Math.min(max, (Atomics.load(this.#header, WRITTEN) - read) | 0);
    const out = new Float32Array(count);
    const start = modulo(read, this.capacity);
    const first = Math.min(count, this.capacity - start);
    out.set(this.#data.subarray(start, start + first));
    out.set(this.#data.subarray(0, count - first), first);
    Atomics.store(this.#header, READ, (read + count) | 0);
    return out;
  }
}

/** A wrapped Int32 counter's slot: right across the wrap because the capacity divides 2^32. */
function modulo(value: number, capacity: number): number {
  return (value >>> 0) % capacity;
}
