/**
 * Browser check for exported notebooks: opens each HTML export (from
 * `jupyter nbconvert --to html`) in headless Chromium, finds every chart
 * output (static images, inline SVGs, and the interactive plotly charts that
 * `scripts/notebooks/interactive-html.ts` adds), screenshots it, and fails when
 * a page has no chart, a chart is blank, or a plotly chart did not draw.
 *
 *   tsx scripts/browser-check.ts [folder-or-files…]   (default: artifacts/html)
 *
 * Screenshots go to artifacts/screenshots/ (git-ignored).
 */
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Page } from "playwright-core";
// Set on <body> by an interactive export once every plotly chart drew ("drawn") or one failed ("failed").
import { PLOTLY_DONE_ATTRIBUTE as PLOTLY_DONE } from "./notebooks/interactive-html";

export interface BrowserCheckOptions {
  /** Chromium binary. Default: /usr/bin/chromium (Debian's package). */
  executablePath?: string;
  /** Where element screenshots are written. Default: artifacts/screenshots. */
  screenshotDir?: string;
  /** CSS selector for chart outputs. Default: image and SVG outputs of nbconvert's lab and classic templates, and plotly charts. */
  selector?: string;
  /** Minimum share of pixels that must differ from the background for a chart to count as drawn. Default: 0.005. */
  minInkRatio?: number;
  /** Page load timeout in ms. Default: 30000. */
  timeoutMs?: number;
}

export interface ChartCheck {
  index: number;
  /** "img" for an image output, "svg" for an inline SVG, "plotly" for an interactive plotly chart. */
  kind: string;
  width: number;
  height: number;
  /** Share of pixels that differ from the dominant (background) colour. */
  inkRatio: number;
  blank: boolean;
  screenshot: string;
}

export interface PageCheck {
  file: string;
  charts: ChartCheck[];
  problems: string[];
  ok: boolean;
}

export const DEFAULT_CHART_SELECTOR = [
  // A static image whose interactive twin was drawn is hidden; the twin is checked instead.
  ".jp-RenderedImage > img:not([data-wb-static])",
  ".jp-RenderedSVG > svg",
  ".output_png > img:not([data-wb-static])",
  ".output_svg > svg",
  ".wb-plotly-chart",
].join(", ");


const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Check every HTML export in a folder (or the listed files); one result per page. */
export async function checkHtmlExports(target: string | string[], options: BrowserCheckOptions = {}): Promise<PageCheck[]> {
  const files = Array.isArray(target) ? target : listHtml(target);
  const screenshotDir = path.resolve(options.screenshotDir ?? path.join("artifacts", "screenshots"));
  const minInk = options.minInkRatio ?? 0.005;
  mkdirSync(screenshotDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: options.executablePath ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const results: PageCheck[] = [];
    for (const file of files) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // Offline by design: exports may reference CDNs (MathJax, require.js); charts must not need them.
      await page.route("**/*", (route) => (/^(file|data|blob):/.test(route.request().url()) ? route.continue() : route.abort()));
      try {
        await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: "load", timeout: options.timeoutMs ?? 30_000 });
        results.push(await checkPage(page, file, options.selector ?? DEFAULT_CHART_SELECTOR, screenshotDir, minInk));
      } finally {
        await page.close();
      }
    }
    return results;
  } finally {
    await browser.close();
  }
}

async function checkPage(page: Page, file: string, selector: string, screenshotDir: string, minInk: number): Promise<PageCheck> {
  const stem = path.basename(file).replace(/\.html?$/i, "");
  const charts: ChartCheck[] = [];
  const problems: string[] = [];
  const plotly = await plotlyState(page);
  if (plotly === "failed" || plotly === "timeout") problems.push(`the interactive plotly charts did not draw (${plotly})`);
  const elements = await page.locator(selector).all();
  for (const [index, element] of elements.entries()) {
    const kind = await element.evaluate((el) => ((el as unknown as { classList: { contains(c: string): boolean } }).classList.contains("wb-plotly-chart") ? "plotly" : el.tagName.toLowerCase()));
    const box = await element.boundingBox();
    const broken = kind === "img" && (await element.evaluate((el) => !(el as unknown as PageImage).complete || (el as unknown as PageImage).naturalWidth === 0));
    const screenshot = path.join(screenshotDir, `${stem}-chart-${String(index + 1).padStart(2, "0")}.png`);
    let inkRatio = 0;
    if (box && box.width >= 10 && box.height >= 10 && !broken) {
      await element.scrollIntoViewIfNeeded();
      const png = await element.screenshot({ path: screenshot });
      inkRatio = await measureInk(page, png.toString("base64"));
    }
    const blank = broken || inkRatio < minInk;
    if (blank) problems.push(`chart ${index + 1} (${kind}) is ${broken ? "a broken image" : `blank (ink ${(inkRatio * 100).toFixed(2)}%)`}`);
    charts.push({ index: index + 1, kind, width: Math.round(box?.width ?? 0), height: Math.round(box?.height ?? 0), inkRatio, blank, screenshot });
  }
  if (charts.length === 0) problems.push("no chart outputs found");
  return { file, charts, problems, ok: problems.length === 0 };
}

/** Whether the page has interactive plotly charts, and if so whether they drew (waits up to 20 s). */
async function plotlyState(page: Page): Promise<"none" | "drawn" | "failed" | "timeout"> {
  if ((await page.locator(".wb-plotly-chart").count()) === 0) return "none";
  try {
    await page.waitForSelector(`body[${PLOTLY_DONE}]`, { timeout: 20_000 });
  } catch {
    return "timeout";
  }
  return (await page.getAttribute("body", PLOTLY_DONE)) === "drawn" ? "drawn" : "failed";
}

/** Share of pixels that differ clearly from the most common colour, measured on a canvas in the page. */
function measureInk(page: Page, pngBase64: string): Promise<number> {
  return page.evaluate(async (b64) => {
    // Runs in the page; typed structurally because this project compiles without the DOM library.
    const dom = globalThis as unknown as PageGlobals;
    const img = new dom.Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = dom.document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext("2d");
    if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const counts = new Map<number, number>();
    for (let i = 0; i < px.length; i += 4) {
      const key = ((px[i]! >> 4) << 8) | ((px[i + 1]! >> 4) << 4) | (px[i + 2]! >> 4);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    let background = 0;
    for (const n of counts.values()) background = Math.max(background, n);
    return 1 - background / (px.length / 4);
  }, pngBase64);
}

interface PageImage {
  src: string;
  complete: boolean;
  naturalWidth: number;
  naturalHeight: number;
  decode(): Promise<void>;
}

interface PageGlobals {
  Image: new () => PageImage;
  document: {
    createElement(tag: "canvas"): {
      width: number;
      height: number;
      getContext(kind: "2d"): { drawImage(img: PageImage, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
    };
  };
}

function listHtml(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir).filter((f) => /\.html?$/i.test(f)).sort().map((f) => path.join(dir, f));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const files = args.length ? args.flatMap(listHtml) : listHtml(path.join("artifacts", "html"));
  if (files.length === 0) {
    console.error(`browser-check: no HTML exports found in ${args.join(" ") || "artifacts/html"}`);
    process.exit(1);
  }
  const results = await checkHtmlExports(files);
  for (const r of results) {
    console.log(`${r.ok ? "ok  " : "FAIL"} ${path.basename(r.file)}: ${r.charts.length} chart(s), ${r.charts.filter((c) => !c.blank).length} drawn`);
    for (const p of r.problems) console.log(`     - ${p}`);
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed}/${results.length} page(s) passed; screenshots in artifacts/screenshots/`);
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
