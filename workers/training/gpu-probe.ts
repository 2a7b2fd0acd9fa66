/** What the worker can see of the machine's GPUs: the WebGPU adapter and the WebGL renderer. */
export interface GpuFacts {
  /** The WebGPU adapter's vendor, architecture and description joined, or null without WebGPU. */
  readonly webgpuAdapter: string | null;
  readonly webgpuIsFallback: boolean;
  /** WebGL's unmasked renderer string, or null without WebGL. */
  readonly webglRenderer: string | null;
}

/** Renderers that are a CPU pretending to be a GPU: training on them is slower than wasm by far. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|microsoft basic|lavapipe|mesa offscreen/i;

export function isSoftwareRenderer(name: string): boolean {
  return SOFTWARE.test(name);
}

interface AdapterInfoLike {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly description?: string;
  readonly isFallbackAdapter?: boolean;
}

interface GpuLike {
  requestAdapter(): Promise<{ readonly info?: AdapterInfoLike; readonly isFallbackAdapter?: boolean } | null>;
}

export async function probeGpus(): Promise<GpuFacts> {
  const [webgpu, webglRenderer] = await Promise.all([webgpuAdapter(), webglRendererName()]);
  return { webgpuAdapter: webgpu?.name ?? null, webgpuIsFallback: webgpu?.fallback ?? false, webglRenderer };
}

async function webgpuAdapter(): Promise<{ name: string; fallback: boolean } | null> {
  const gpu = (navigator as Navigator & { gpu?: GpuLike }).gpu;
  if (gpu === undefined) return null;
  try {
    const adapter = await gpu.requestAdapter();
    if (adapter === null) return null;
    const info = adapter.info ?? {};
    const name = [info.vendor, info.architecture, info.description].filter((part) => part).join(' ') || 'unknown adapter';
    return { name, fallback: Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter) };
  } catch {
    return null;
  }
}

function webglRendererName(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (gl === null) return null;
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return renderer;
  } catch {
    return null;
  }
}
