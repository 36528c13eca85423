import { createRequire } from "node:module";
import path from "node:path";

/** The parts of tslab's display API the workbook uses. */
export interface KernelDisplay {
  html(s: string): void;
  text(s: string): void;
  svg(s: string): void;
  raw(contentType: string, b: string | Uint8Array): unknown;
}

interface TslabModule {
  display: KernelDisplay;
  newDisplay(): KernelDisplay;
}

interface TslabJupyter {
  lastWriteDisplayData?: ((msg: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean) => void) | null;
}

const load = createRequire(path.join(process.cwd(), "noop.js"));

function tryRequire<T>(id: string): T | null {
  try {
    return load(id) as T;
  } catch {
    return null;
  }
}

/**
 * tslab's Jupyter module when the kernel running this process has loaded it, else null. Never loaded
 * here: a fresh copy has no writer, and loading it pulls in the TypeScript compiler (~0.3 s and tens of
 * MB on every `npm start`).
 */
function kernelJupyter(): TslabJupyter | null {
  let id: string;
  try {
    id = load.resolve("tslab/dist/jupyter");
  } catch {
    return null;
  }
  return id in load.cache ? tryRequire<TslabJupyter>(id) : null;
}

/** True when running inside a tslab Jupyter kernel that can show rich output. */
export function inKernel(): boolean {
  return Boolean(kernelJupyter()?.lastWriteDisplayData);
}

/**
 * Show one output with several representations (e.g. an interactive chart plus an SVG
 * fallback for static viewers). tslab's public `display.raw` sends one MIME type per
 * output, so this goes through its message writer to send a single multi-MIME bundle.
 * With `displayId`, later calls with `update: true` replace that output in place.
 * Returns false outside a kernel.
 */
export function displayBundle(data: Record<string, unknown>, options: { displayId?: string; update?: boolean } = {}): boolean {
  const writer = kernelJupyter()?.lastWriteDisplayData;
  if (!writer) return false;
  writer({ data, metadata: {}, transient: options.displayId ? { display_id: options.displayId } : {} }, Boolean(options.update));
  return true;
}

/** tslab's own display helpers, or null outside a kernel. */
export function kernelDisplay(): TslabModule | null {
  return inKernel() ? tryRequire<TslabModule>("tslab") : null;
}
