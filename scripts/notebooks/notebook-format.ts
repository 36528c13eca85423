import { createHash } from "node:crypto";

/** Minimal nbformat 4.5 writer: the notebooks are generated from these sources so the test and full guides never drift apart. */
export interface Cell {
  cell_type: "markdown" | "code";
  id: string;
  metadata: Record<string, unknown>;
  source: string[];
  outputs?: unknown[];
  execution_count?: number | null;
}

const lines = (text: string) => {
  const parts = text.replace(/^\n+|\s+$/g, "").split("\n");
  return parts.map((l, i) => (i < parts.length - 1 ? `${l}\n` : l));
};

let counter = 0;
const cellId = (text: string) => createHash("sha1").update(`${counter++}:${text}`).digest("hex").slice(0, 12);

export function md(text: string): Cell {
  return { cell_type: "markdown", id: cellId(text), metadata: {}, source: lines(text) };
}

export function code(text: string, tags: string[] = []): Cell {
  return {
    cell_type: "code",
    id: cellId(text),
    metadata: tags.length ? { tags } : {},
    source: lines(text),
    outputs: [],
    execution_count: null,
  };
}

export function notebook(cells: Cell[]): string {
  counter = 0;
  const nb = {
    cells,
    metadata: {
      kernelspec: { name: "workbook-ts", display_name: "TypeScript (workbook, Node 24)", language: "typescript" },
      language_info: { name: "typescript", file_extension: ".ts", mimetype: "text/typescript", codemirror_mode: { name: "javascript", typescript: true } },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(nb, null, 1) + "\n";
}

/** Reset ids so regenerating gives byte-identical notebooks. */
export function resetIds(): void {
  counter = 0;
}
