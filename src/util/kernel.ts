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

/** True when running inside a tslab Jupyter kernel that can show rich output. */
export function inKernel(): boolean {
  return Boolean(tryRequire<TslabJupyter>("tslab/dist/jupyter")?.lastWriteDisplayData);
}

/**
 * Show one output with several representations (e.g. an interactive chart plus an SVG
 * fallback for static viewers). tslab's public `display.raw` sends one MIME type per
 * output, so this goes through its message writer to send a single multi-MIME bundle.
 * With `displayId`, later calls with `update: true` replace that output in place.
 * Returns false outside a kernel.
 */
export function displayBundle(data: Record<string, unknown>, options: { displayId?: string; update?: boolean } = {}): boolean {
  const writer = tryRequire<TslabJupyter>("tslab/dist/jupyter")?.lastWriteDisplayData;
  if (!writer) return false;
  writer({ data, metadata: {}, transient: options.displayId ? { display_id: options.displayId } : {} }, Boolean(options.update));
  return true;
}

/** tslab's own display helpers, or null outside a kernel. */
export function kernelDisplay(): TslabModule | null {
  return inKernel() ? tryRequire<TslabModule>("tslab") : null;
}
