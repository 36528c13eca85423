/** The visible tick labels of the axis titled `title` in an SVG rendered by vega (labels hidden for overlap excluded). */
export function axisLabels(svg: string, title: string): string[] {
  const at = svg.search(new RegExp(`aria-label="[XY]-axis titled '${escapeRe(title)}'`));
  if (at < 0) throw new Error(`no axis titled "${title}" in the SVG`);
  const start = svg.indexOf('role-axis-label"', at);
  return visibleTexts(svg.slice(start, svg.indexOf("</g>", start)));
}

/** The visible texts of a named text mark (`name: "…"` in the spec), in drawing order. */
export function markTexts(svg: string, name: string): string[] {
  const start = svg.search(new RegExp(`<g class="mark-text role-mark ${escapeRe(name)}_marks"`));
  if (start < 0) return [];
  return visibleTexts(svg.slice(start, svg.indexOf("</g>", start)));
}

/** Every legend entry's label. */
export function legendLabels(svg: string): string[] {
  const out: string[] = [];
  for (const m of svg.matchAll(/role-legend-label"[^>]*>(.*?)<\/g>/gs)) out.push(...visibleTexts(m[1]!));
  return out;
}

/** Fill colours of the items of a mark (rect, symbol) named `name`, or of every such mark without a name. */
export function markFills(svg: string, markType: "rect" | "symbol", name?: string): string[] {
  const out: string[] = [];
  const open = new RegExp(`<g class="mark-${markType} role-mark( [^"]*)?"`, "g");
  for (const m of svg.matchAll(open)) {
    if (name && !(m[1] ?? "").split(" ").includes(`${name}_marks`)) continue;
    const body = svg.slice(m.index! + m[0].length, svg.indexOf("</g>", m.index!));
    for (const f of body.matchAll(/<path[^>]*\bfill="(#[0-9a-fA-F]{3,6})"/g)) out.push(f[1]!.toLowerCase());
  }
  return out;
}

function visibleTexts(fragment: string): string[] {
  const out: string[] = [];
  for (const t of fragment.matchAll(/<text\b([^>]*)>(.*?)<\/text>/gs)) {
    if (/opacity="0"/.test(t[1]!)) continue;
    out.push(decode(t[2]!.replace(/<[^>]+>/g, "")));
  }
  return out;
}

const decode = (s: string) => s.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'");
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
