// Reading dropped ZIPs from a file-backed Blob (what a browser's File is): time to list the
// entries, time to read every entry, and peak memory, for JSZip, zip.js and our random-access
// reader (src/core/zip), plus each reader's minified bundle size. Archives are built from the
// corpora in ../shared/corpora, which only development machines have; without them this says so
// and stops. They are cached in the system's temp folder, so later runs skip building them.
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, openAsBlob, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BlobReader, configure, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import zipJsPackage from '@zip.js/zip.js/package.json';
import JSZip from 'jszip';
import jsZipPackage from 'jszip/package.json';
import { openZip } from '../src/core/zip';
import { printTable, type Row, writeResults } from './_report';

const benchDir = process.env.SER_BENCH_DIR ?? new URL('.', import.meta.url).pathname;
const root = join(benchDir, '..');
const corporaDir = join(root, '../shared/corpora');
const workDir = join(tmpdir(), 'ser-studio-zip-bench');
const MB = 1e6;
const JSZIP = `JSZip ${jsZipPackage.version}`;
const ZIP_JS = `zip.js ${zipJsPackage.version}`;
const OURS = 'SER Studio';
const READERS = [JSZIP, ZIP_JS, OURS];

interface Archive {
  readonly label: string;
  readonly path: string;
}

interface Measurement {
  readonly entries: number;
  readonly bytesRead: number;
  readonly listMs: number;
  readonly readMs: number;
  readonly baselineRss: number;
  readonly peakRss: number;
  readonly peakArrayBuffers: number;
}

/** A reader lists the archive, then reads every file entry in turn, as the dataset worker will. */
interface OpenedArchive {
  readonly entries: number;
  readAll(onEntry: () => void): Promise<number>;
}

// ---- the measuring child: one reader, one archive, a fresh process so peaks are its own ----

async function openWith(reader: string, blob: Blob): Promise<OpenedArchive> {
  if (reader === JSZIP) return openWithJsZip(blob);
  if (reader === ZIP_JS) return openWithZipJs(blob);
  const archive = await openZip(blob, 'bench.zip');
  const files = archive.entries.filter((e) => !e.isDirectory);
  return {
    entries: files.length,
    async readAll(onEntry) {
      let bytes = 0;
      for (const entry of files) {
        bytes += (await archive.read(entry)).length;
        onEntry();
      }
      return bytes;
    },
  };
}

async function openWithJsZip(blob: Blob): Promise<OpenedArchive> {
  const zip = await JSZip.loadAsync(blob); // JSZip takes a Blob as one ArrayBuffer of the whole file
  const files = Object.values(zip.files).filter((f) => !f.dir);
  return {
    entries: files.length,
    async readAll(onEntry) {
      let bytes = 0;
      for (const file of files) {
        bytes += (await file.async('uint8array')).length;
        onEntry();
      }
      return bytes;
    },
  };
}

async function openWithZipJs(blob: Blob): Promise<OpenedArchive> {
  configure({ useWebWorkers: false });
  const reader = new ZipReader(new BlobReader(blob));
  const files = (await reader.getEntries()).filter((e) => !e.directory);
  return {
    entries: files.length,
    async readAll(onEntry) {
      let bytes = 0;
      for (const file of files) {
        if (file.directory) continue;
        bytes += (await file.getData(new Uint8ArrayWriter(), { checkSignature: true })).length;
        onEntry();
      }
      return bytes;
    },
  };
}

/** Peak rss and ArrayBuffer memory, sampled every 5 ms and after every entry. */
class PeakMemory {
  rss = 0;
  arrayBuffers = 0;
  private readonly timer = setInterval(() => this.sample(), 5);

  sample(): void {
    const usage = process.memoryUsage();
    this.rss = Math.max(this.rss, usage.rss);
    this.arrayBuffers = Math.max(this.arrayBuffers, usage.arrayBuffers);
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}

async function measure(reader: string, path: string): Promise<Measurement> {
  const baselineRss = process.memoryUsage().rss;
  const peak = new PeakMemory();
  const blob = await openAsBlob(path);
  const listStart = performance.now();
  const opened = await openWith(reader, blob);
  const listMs = performance.now() - listStart;
  peak.sample();
  const readStart = performance.now();
  const bytesRead = await opened.readAll(() => peak.sample());
  const readMs = performance.now() - readStart;
  peak.stop();
  return { entries: opened.entries, bytesRead, listMs, readMs, baselineRss, peakRss: peak.rss, peakArrayBuffers: peak.arrayBuffers };
}

// ---- the parent: build archives, run each measurement in its own process, report ----

function run(command: string, args: string[], cwd: string, input?: string): void {
  const result = spawnSync(command, args, { cwd, input, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.error?.message})`);
}

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(extension))
    .sort()
    .map((f) => join(dir, f));
}

/** Every corpus FLAC decoded to WAV with the same relative path (flac -d keeps the PCM exactly). */
function decodeCorpora(flacs: string[]): string {
  const wavDir = join(workDir, 'wav');
  for (const flac of flacs) {
    const wav = join(wavDir, relative(corporaDir, flac)).replace(/\.flac$/, '.wav');
    if (existsSync(wav)) continue;
    mkdirSync(dirname(wav), { recursive: true });
    run('flac', ['-d', '-s', '-f', '-o', wav, flac], workDir);
  }
  return wavDir;
}

/** The WAV's clip played twice (a 4-9 s clip), to reach the issue's 10,000 files in about 2 GB. */
function doubledWav(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 12;
  while (String.fromCharCode(...bytes.subarray(at, at + 4)) !== 'data') at += 8 + view.getUint32(at + 4, true);
  const dataSize = view.getUint32(at + 4, true);
  const data = bytes.subarray(at + 8, at + 8 + dataSize);
  const out = new Uint8Array(at + 8 + 2 * dataSize);
  out.set(bytes.subarray(0, at + 8));
  out.set(data, at + 8);
  out.set(data, at + 8 + dataSize);
  const outView = new DataView(out.buffer);
  outView.setUint32(4, out.length - 8, true);
  outView.setUint32(at + 4, 2 * dataSize, true);
  return out;
}

/** 10,000 doubled WAVs: every corpus clip, then hard-linked repeats under take2/, take3/, ... */
function tenThousandWavs(wavs: string[], wavDir: string): string {
  const bigDir = join(workDir, 'wav-10k');
  const doubledDir = join(bigDir, 'take1');
  for (let i = 0; i < 10_000; i++) {
    const source = wavs[i % wavs.length];
    const take = join(bigDir, `take${Math.floor(i / wavs.length) + 1}`, relative(wavDir, source));
    if (existsSync(take)) continue;
    mkdirSync(dirname(take), { recursive: true });
    if (i < wavs.length) writeFileSync(take, doubledWav(new Uint8Array(readFileSync(source))));
    else linkSync(join(doubledDir, relative(wavDir, source)), take);
  }
  return bigDir;
}

function zipList(zipPath: string, cwd: string, files: string[], level: string): void {
  if (existsSync(zipPath)) return;
  run('zip', ['-q', '-X', level, zipPath, '-@'], cwd, files.map((f) => relative(cwd, f)).join('\n'));
}

function buildArchives(): Archive[] {
  mkdirSync(workDir, { recursive: true });
  const flacs = filesUnder(corporaDir, '.flac');
  const wavDir = decodeCorpora(flacs);
  const wavs = filesUnder(wavDir, '.wav');
  const stored = join(workDir, 'corpora-flac-stored.zip');
  zipList(stored, corporaDir, flacs, '-0');
  const deflated = join(workDir, 'wav-300-deflated.zip');
  zipList(deflated, wavDir, wavs.filter((_, i) => i % 10 === 0).slice(0, 300), '-6');
  const bigDir = tenThousandWavs(wavs, wavDir);
  const big = join(workDir, 'wav-10k-stored.zip');
  zipList(big, bigDir, filesUnder(bigDir, '.wav'), '-0');
  return [
    { label: `${flacs.length} FLAC, stored (zip -0)`, path: stored },
    { label: '300 WAV, deflated (zip -6)', path: deflated },
    { label: '10,000 WAV, stored (zip -0)', path: big },
  ];
}

/** A reader that throws is a finding, not a benchmark failure: its row gives the error instead. */
function measureInChild(reader: string, archive: Archive): Measurement | string {
  const result = spawnSync(process.execPath, [process.argv[1], '--measure', reader, archive.path], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status === 0) return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as Measurement;
  const error = result.stderr.split('\n').find((line) => /^\w*Error\b/.test(line));
  return `failed: ${error ?? `exit code ${result.status}`}`;
}

function readingRow(archive: Archive, reader: string, measured: Measurement | string): Row {
  const row = { archive: `${archive.label}, ${Math.round(statSync(archive.path).size / MB)} MB`, reader };
  if (typeof measured === 'string') return { ...row, entries: measured };
  const m = measured;
  return {
    ...row,
    entries: m.entries,
    'list ms': +m.listMs.toFixed(1),
    'read all s': +(m.readMs / 1000).toFixed(2),
    'MB/s': Math.round(m.bytesRead / MB / (m.readMs / 1000)),
    'peak rss MB': Math.round(m.peakRss / MB),
    'rss over start MB': Math.round((m.peakRss - m.baselineRss) / MB),
    'peak ArrayBuffers MB': Math.round(m.peakArrayBuffers / MB),
  };
}

/** Minified size of what each reader adds to a browser bundle (zip.js loads its worker code on top). */
function bundleSizes(): Row[] {
  const entries: [string, string][] = [
    [JSZIP, "export { default } from 'jszip';"],
    [ZIP_JS, "export { ZipReader, BlobReader, Uint8ArrayWriter, configure } from '@zip.js/zip.js';"],
    [OURS, `export { openZip } from '${join(root, 'src/core/zip')}';`],
  ];
  return entries.map(([reader, source]) => {
    const result = spawnSync(join(root, 'node_modules/.bin/esbuild'), ['--bundle', '--minify', '--format=esm', '--platform=browser', '--log-level=error'], { cwd: root, input: source, maxBuffer: 64 << 20 });
    if (result.status !== 0) throw new Error(`esbuild failed for ${reader}: ${result.stderr.toString()}`);
    return { reader, 'minified kB': +(result.stdout.length / 1000).toFixed(1), 'gzipped kB': +(gzipSync(result.stdout).length / 1000).toFixed(1) };
  });
}

async function main(): Promise<void> {
  if (process.argv[2] === '--measure') {
    console.log(JSON.stringify(await measure(process.argv[3], process.argv[4])));
    return;
  }
  if (!existsSync(corporaDir)) {
    console.log(`The zip benchmark builds its archives from ${corporaDir}, which only development machines have; it is absent here, so nothing was measured.`);
    return;
  }
  console.log(`Archives in ${workDir} (built on the first run, reused after).`);
  const archives = buildArchives();
  const reading: Row[] = [];
  for (const archive of archives) for (const reader of READERS) reading.push(readingRow(archive, reader, measureInChild(reader, archive)));
  printTable('Reading a ZIP from a file-backed Blob (fs.openAsBlob, like a dropped File), one process per row; JSZip does not check CRC-32, the others do', reading);
  const bundles = bundleSizes();
  printTable('What each reader adds to a browser bundle', bundles);
  writeResults('zip', { reading, bundles });
}

await main();
