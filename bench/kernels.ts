// The training step's heaviest wasm kernels one by one at the thesis CNN's shapes (batch 32), Node,
// one thread: the fastest of RUNS calls each, with the rate of the matrix products in GFLOP/s.
// A quick loop for kernel work (train-browser's KERNELS=N times the same in Chromium's threads).
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { useWasmBackend } from '../src/core/model/use-wasm-backend';
import { printTable, type Row, writeResults } from './_report';
import { timeTrainingKernels } from './browser/kernel-timings';

const root = join(process.env.SER_BENCH_DIR ?? join(process.cwd(), 'bench'), '..');
await useWasmBackend({ wasmPaths: join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/') });
const RUNS = Number(process.env.RUNS ?? 15);
const rows: Row[] = timeTrainingKernels(RUNS).map((r) => ({ kernel: r.kernel, ms: r.ms, 'GFLOP/s': r.gflops || '' }));
const load = `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`;
printTable(`wasm kernels at batch 32, one thread, fastest of ${RUNS} (${load})`, rows);
writeResults('kernels', { load, rows });
