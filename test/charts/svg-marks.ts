/** Count drawn items in an SVG rendered by vega, by mark type (and optionally the mark's name). */
export function countMarks(svg: string, markType: "symbol" | "rect" | "rule" | "text" | "line", name?: string): number {
  const open = new RegExp(`<g class="mark-${markType} role-mark( [^"]*)?"`, "g");
  let total = 0;
  for (const match of svg.matchAll(open)) {
    if (name && !(match[1] ?? "").split(" ").includes(`${name}_marks`)) continue;
    // Items of these mark types are leaf elements directly inside their mark group.
    const body = svg.slice(match.index! + match[0].length, svg.indexOf("</g>", match.index!));
    total += (body.match(/<(path|line|text)\b/g) ?? []).length;
  }
  return total;
}
