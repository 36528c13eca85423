import { createHash } from "node:crypto";

/**
 * Notebook sources in jupytext's percent format, for TypeScript:
 *
 *   // %% [markdown]
 *   // ## A heading
 *   //
 *   // Markdown, each line behind `// ` (an empty line is `//`).
 *
 *   // %% tags=["exercise-1-todo"]
 *   const code = "a code cell, as it runs in the kernel";
 *
 * A cell runs from its `// %%` line to the next one; blank lines around it are not part of it.
 * Lines before the first `// %%` are the file's header comment, not a cell.
 */
export interface SourceCell {
  cell_type: "markdown" | "code";
  source: string;
  tags: string[];
}

const HEADER = /^\/\/ %%( \[markdown\])?(?:\s+(.*))?$/;

/** Parse a percent-format source into cells; `file` names the source in errors. */
export function parsePercent(text: string, file: string): SourceCell[] {
  const cells: { cell: SourceCell; lines: string[]; line: number }[] = [];
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  lines.forEach((line, i) => {
    const header = HEADER.exec(line);
    if (header) {
      cells.push({ cell: { cell_type: header[1] ? "markdown" : "code", source: "", tags: parseTags(header[2], `${file}:${i + 1}`) }, lines: [], line: i + 1 });
    } else if (cells.length > 0) {
      cells[cells.length - 1].lines.push(line);
    } else if (line.trim() !== "" && !line.startsWith("//")) {
      throw new Error(`${file}:${i + 1}: code before the first "// %%" cell marker`);
    }
  });
  return cells.map(({ cell, lines: body, line }) => {
    const { start, kept: trimmed } = trimBlank(body);
    if (cell.cell_type === "markdown") {
      cell.source = trimmed
        .map((l, j) => {
          if (l === "//") return "";
          if (l.startsWith("// ")) return l.slice(3);
          throw new Error(`${file}:${line + 1 + start + j}: a markdown line must start with "// " (or be "//"), got ${JSON.stringify(l)}`);
        })
        .join("\n");
    } else {
      cell.source = trimmed.join("\n");
    }
    if (cell.source === "") throw new Error(`${file}:${line}: empty cell`);
    return cell;
  });
}

function parseTags(meta: string | undefined, where: string): string[] {
  if (!meta) return [];
  const m = /^tags=(\[.*\])$/.exec(meta.trim());
  if (!m) throw new Error(`${where}: only tags=[...] is supported as cell metadata, got ${JSON.stringify(meta)}`);
  const tags: unknown = JSON.parse(m[1]);
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === "string")) throw new Error(`${where}: tags must be a JSON array of strings`);
  return tags;
}

function trimBlank(lines: string[]): { start: number; kept: string[] } {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === "") start += 1;
  while (end > start && lines[end - 1].trim() === "") end -= 1;
  return { start, kept: lines.slice(start, end) };
}

/**
 * One notebook built from a source: code parameters (`const NAME: type = value;` lines, replaced
 * by `params`) and markdown placeholders (`{{name}}`, replaced by `text`) make one source serve
 * several notebooks, e.g. the test and full guides.
 */
export interface NotebookVariant {
  /** The `.ipynb` written, in `notebooks/`. */
  notebook: string;
  /** The percent-format source, relative to `notebooks/`. */
  source: string;
  params?: Record<string, number | string | boolean>;
  text?: Record<string, string>;
}

/** The cells of a variant: parsed, with its parameters and placeholders filled in. */
export function variantCells(variant: NotebookVariant, sourceText: string): SourceCell[] {
  const cells = parsePercent(sourceText, variant.source);
  for (const [name, value] of Object.entries(variant.params ?? {})) {
    const line = new RegExp(`^(const ${name}(?::[^=]+)? = )[^;]+;`, "m");
    const hits = cells.filter((c) => c.cell_type === "code" && line.test(c.source));
    if (hits.length !== 1) throw new Error(`${variant.source}: parameter ${name} must be declared once as "const ${name} = …;", found ${hits.length}`);
    hits[0].source = hits[0].source.replace(line, `$1${JSON.stringify(value)};`);
  }
  for (const cell of cells) {
    cell.source = cell.source.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      const value = variant.text?.[key];
      if (value === undefined) throw new Error(`${variant.source}: no text for the placeholder {{${key}}} in ${variant.notebook}`);
      return value;
    });
  }
  return cells;
}

interface NotebookCellJson {
  cell_type: string;
  id?: string;
  metadata: Record<string, unknown>;
  source: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
}

interface NotebookJson {
  cells: NotebookCellJson[];
  metadata: Record<string, unknown>;
}

const KERNEL_METADATA = {
  kernelspec: { display_name: "TypeScript (workbook, Node 24)", language: "typescript", name: "workbook-ts" },
  language_info: { name: "typescript", file_extension: ".ts", mimetype: "text/typescript", codemirror_mode: { name: "javascript", typescript: true } },
};

/**
 * nbformat 4.5 JSON of the cells. A cell whose type and source are unchanged from `previous` (the
 * notebook being replaced) keeps its id, outputs and execution metadata, so rebuilding after an
 * edit clears only the outputs of the cells that changed; new cells get stable ids.
 */
export function toNotebookJson(cells: SourceCell[], previous?: string): string {
  const old = previous ? (JSON.parse(previous) as NotebookJson) : undefined;
  const unused = [...(old?.cells ?? [])];
  const nb = {
    cells: cells.map((cell, i) => {
      const source = sourceLines(cell.source);
      const tags = cell.tags.length > 0 ? { tags: cell.tags } : {};
      const match = unused.findIndex((c) => c.cell_type === cell.cell_type && (Array.isArray(c.source) ? c.source.join("") : c.source) === cell.source);
      if (match >= 0) {
        const [kept] = unused.splice(match, 1);
        const { tags: _oldTags, ...metadata } = kept.metadata as { tags?: unknown };
        return { ...kept, metadata: { ...metadata, ...tags }, source };
      }
      const id = createHash("sha1").update(`${i}:${cell.source}`).digest("hex").slice(0, 12);
      return cell.cell_type === "markdown"
        ? { cell_type: "markdown", id, metadata: tags, source }
        : { cell_type: "code", id, metadata: tags, source, outputs: [], execution_count: null };
    }),
    metadata: { ...KERNEL_METADATA, ...old?.metadata, kernelspec: KERNEL_METADATA.kernelspec },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(nb, null, 1) + "\n";
}

/** A cell's text as nbformat's list of lines (each but the last ends with "\n"). */
export function sourceLines(text: string): string[] {
  const parts = text.split("\n");
  return parts.map((l, i) => (i < parts.length - 1 ? `${l}\n` : l));
}

/** The cells of a committed `.ipynb`, as the compare test sees them (types, sources, tags; no outputs). */
export function committedCells(notebookJson: string): SourceCell[] {
  const nb = JSON.parse(notebookJson) as { cells: { cell_type: string; source: string | string[]; metadata?: { tags?: string[] } }[] };
  return nb.cells.map((c) => ({
    cell_type: c.cell_type as SourceCell["cell_type"],
    source: Array.isArray(c.source) ? c.source.join("") : c.source,
    tags: c.metadata?.tags ?? [],
  }));
}
