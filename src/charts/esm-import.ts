import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { findProjectRoot } from "../config";

/**
 * vega and vega-lite ship as ES modules with a top-level await (vega-canvas
 * probes for the optional `canvas` package), so `require()` cannot load them.
 * Under tsx and vitest a plain `import()` works. The notebook kernel compiles
 * our modules to CommonJS, which rewrites `import()` into `require()`; there
 * the Function-built `import()` below (which no compiler rewrites) takes over.
 */
const nativeImport = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<unknown>;

const cache = new Map<string, Promise<unknown>>();

/** Import an ES-module package from the project's node_modules, once per process. */
export function importEsm<T>(packageName: string): Promise<T> {
  let pending = cache.get(packageName);
  if (!pending) {
    pending = importEither(packageName);
    cache.set(packageName, pending);
    pending.catch(() => cache.delete(packageName));
  }
  return pending as Promise<T>;
}

async function importEither(packageName: string): Promise<unknown> {
  try {
    return await import(packageName);
  } catch (e) {
    if ((e as { code?: string }).code !== "ERR_REQUIRE_ASYNC_MODULE") throw e;
    const resolver = createRequire(path.join(findProjectRoot(), "package.json"));
    return nativeImport(pathToFileURL(resolver.resolve(packageName)).href);
  }
}

/** The subset of vega's API the renderer uses. */
export interface VegaModule {
  parse(spec: unknown): unknown;
  View: new (runtime: unknown, options: { renderer: "none" | "svg" | "canvas"; logLevel?: number }) => {
    toSVG(scaleFactor?: number): Promise<string>;
    finalize(): void;
  };
  Warn: number;
  Error: number;
}

export interface VegaLiteModule {
  compile(spec: unknown): { spec: unknown };
  version: string;
}

export async function loadVega(): Promise<{ vega: VegaModule; vegaLite: VegaLiteModule }> {
  const [vega, vegaLite] = await Promise.all([importEsm<VegaModule>("vega"), importEsm<VegaLiteModule>("vega-lite")]);
  return { vega, vegaLite };
}
