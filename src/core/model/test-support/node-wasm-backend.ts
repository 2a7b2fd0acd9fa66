import { fileURLToPath } from 'node:url';
import { useWasmBackend } from '../use-wasm-backend';

/** The tfjs-backend-wasm binaries in this checkout, for Node tests and benchmarks. */
export const NODE_WASM_PATHS = fileURLToPath(new URL('../../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url));

export function useNodeWasmBackend(): Promise<void> {
  return useWasmBackend({ wasmPaths: NODE_WASM_PATHS });
}
