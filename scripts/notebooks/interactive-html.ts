/**
 * Make a notebook's HTML export interactive where it has plotly charts.
 *
 * nbconvert's HTML exporter knows no plotly MIME type: it shows the static PNG that `showChart`
 * puts beside the plotly figure. This finds each such PNG in the export (by its exact bytes),
 * adds a plotly container after it, and inlines the project's own `plotly.js-dist` once, so the
 * page draws the interactive figure offline (no CDN). The PNG stays in the page and is hidden only
 * once plotly has drawn the figure: a viewer without JavaScript still sees the chart.
 *
 *   tsx scripts/notebooks/interactive-html.ts <export.html> <executed.ipynb>
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PLOTLY_MIME } from "../../src/charts/display";
import { plotlyLibrary } from "../../src/charts/standalone-html";

interface NotebookOutput {
  data?: Record<string, unknown>;
}

interface NotebookJson {
  cells: { outputs?: NotebookOutput[] }[];
}

export interface InteractiveResult {
  html: string;
  /** Plotly figures found in the notebook. */
  figures: number;
  /** Of those, the ones whose static image was found in the export and made interactive. */
  interactive: number;
}

/** The marker the page sets when every plotly figure has been drawn (the browser check waits for it). */
export const PLOTLY_DONE_ATTRIBUTE = "data-wb-plotly";

/** Add interactive plotly charts to an nbconvert HTML export of `notebook`. Idempotent: a page already processed is returned as it is. */
export function makeInteractive(html: string, notebook: NotebookJson, plotlyJs: () => string = plotlyLibrary): InteractiveResult {
  const pairs: { png: string; figure: unknown }[] = [];
  for (const cell of notebook.cells) {
    for (const output of cell.outputs ?? []) {
      const figure = output.data?.[PLOTLY_MIME];
      const png = output.data?.["image/png"];
      // A prefix identifies the image (the IDAT data starts within it) whatever line breaks the writer added later.
      if (figure && typeof png === "string") pairs.push({ png: png.replace(/\s+/g, "").slice(0, 400), figure });
    }
  }
  if (pairs.length === 0 || html.includes('id="wb-plotly-figures"')) return { html, figures: pairs.length, interactive: 0 };

  let out = html;
  const figures: unknown[] = [];
  // Outputs appear in the page in notebook order: search on from the last one found.
  let cursor = 0;
  for (const { png, figure } of pairs) {
    const at = out.indexOf(`data:image/png;base64,${png}`, cursor);
    if (at < 0) continue;
    const imgStart = out.lastIndexOf("<img", at);
    const imgEnd = out.indexOf(">", at) + 1;
    const index = figures.length;
    const img = out.slice(imgStart, imgEnd).replace("<img", `<img data-wb-static="${index}"`);
    const box = `<div class="wb-plotly-chart" data-wb-chart="${index}"></div>`;
    out = `${out.slice(0, imgStart)}${img}${box}${out.slice(imgEnd)}`;
    cursor = imgStart + img.length + box.length;
    figures.push(figure);
  }
  if (figures.length === 0) return { html, figures: pairs.length, interactive: 0 };

  const scripts = [
    // nbconvert pages load require.js: hide its `define` so plotly's UMD build sets window.Plotly.
    `<script>window.__wbDefine = window.define; window.define = undefined;</script>`,
    `<script>${plotlyJs().replace(/<\/script/gi, "<\\/script")}</script>`,
    `<script>window.define = window.__wbDefine;</script>`,
    `<script type="application/json" id="wb-plotly-figures">${JSON.stringify(figures).replace(/</g, "\\u003c")}</script>`,
    `<script>${DRAW_ALL}(${JSON.stringify(PLOTLY_DONE_ATTRIBUTE)});</script>`,
  ].join("\n");
  const bodyEnd = out.lastIndexOf("</body>");
  out = bodyEnd < 0 ? out + scripts : `${out.slice(0, bodyEnd)}${scripts}\n${out.slice(bodyEnd)}`;
  return { html: out, figures: pairs.length, interactive: figures.length };
}

/**
 * Runs in the page: draw each figure, then hide its static twin; finally mark the body
 * "drawn" (or "failed"). Plain JavaScript in a string: it is not compiled with this file.
 */
const DRAW_ALL = `
(function (doneAttribute) {
  var figures = JSON.parse(document.getElementById("wb-plotly-figures").textContent || "[]");
  var drawn = figures.map(function (figure, i) {
    var box = document.querySelector('[data-wb-chart="' + i + '"]');
    var img = document.querySelector('[data-wb-static="' + i + '"]');
    if (!box || !window.Plotly) return Promise.resolve(false);
    var layout = Object.assign({}, figure.layout, { autosize: false });
    var config = Object.assign({}, figure.config || {}, { responsive: false });
    return window.Plotly.newPlot(box, figure.data, layout, config).then(
      function () { if (img) img.style.display = "none"; return true; },
      function () { return false; });
  });
  Promise.all(drawn).then(function (ok) {
    document.body.setAttribute(doneAttribute, ok.every(Boolean) ? "drawn" : "failed");
  });
})`;

/** Process one export in place. */
export function makeExportInteractive(htmlFile: string, notebookFile: string): InteractiveResult {
  const result = makeInteractive(readFileSync(htmlFile, "utf8"), JSON.parse(readFileSync(notebookFile, "utf8")) as NotebookJson);
  if (result.interactive > 0) writeFileSync(htmlFile, result.html);
  return result;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const [htmlFile, notebookFile] = process.argv.slice(2);
  if (!htmlFile || !notebookFile) {
    console.error("usage: tsx scripts/notebooks/interactive-html.ts <export.html> <executed.ipynb>");
    process.exit(2);
  }
  const r = makeExportInteractive(htmlFile, notebookFile);
  console.log(`${path.basename(htmlFile)}: ${r.interactive} of ${r.figures} plotly chart(s) made interactive`);
  if (r.interactive < r.figures) process.exit(1);
}
