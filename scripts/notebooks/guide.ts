import { code, md, type Cell } from "./notebook-format";

export interface GuideOptions {
  rows: number | "all";
  title: string;
}

/** The chapter guide, section by section. The test and full guides differ only in `rows`. */
export function guideCells({ rows, title }: GuideOptions): Cell[] {
  const limit = rows === "all" ? 0 : rows;
  const rowsText = rows === "all" ? "all 729 plays" : `the first ${rows} plays`;
  return [
    md(`
# ${title}

Chapter 9, TypeScript edition: **advanced data-pipeline orchestration with AI**. This notebook runs a real
pipeline over ${rowsText} of a fictional World Series Game 7 and shows what it did at every step:

1. load the play-by-play and give each play canonical IDs (9.1)
2. extract structured pitch data from each commentary paragraph with an LLM, or the offline extractor (9.2)
3. map names and pitch types to canonical reference IDs (9.3–9.6)
4. score key moments and excitement (9.7–9.8)
5. validate every row and quarantine what fails, with reasons
6. load into PostgreSQL and run the analyses (9.9–9.11)
7. orchestrate it all as a DAG with retries, resumes, schedules and events; monitor it; promote it through environments

Every code cell is short and calls the tested library in \`src/\` (the notebook's \`src\` folder is a link to it).
Edited \`src/\`? Restart the kernel (*Kernel → Restart*) and the next import compiles your change.
`),
    md(`
## Setup

With no keys, everything runs offline and for free: the **offline provider** (a deterministic rule-based
extractor) stands in for the LLM and **PGlite** (PostgreSQL compiled to WebAssembly, kept in \`.data/\`) stands
in for a server. Set \`OPENAI_API_KEY\` in \`.env\` to call OpenAI for real, and \`DATABASE_URL\` (or \`PG*\`) to load
into your PostgreSQL server. The table below says what this kernel will use. Keys are never shown, only
whether they are *configured*.
`),
    code(`
import * as wb from "./src/index";

const ROWS = ${limit}; // 0 = every row
const config = wb.loadConfig();
wb.showSetup(config);
`),
    md(`
## 9.1 Load the play-by-play and give every play its canonical IDs

The input is a CSV with one text column, \`playbyplay\`: one commentary paragraph per row. Before any AI touches
it, each row gets two IDs:

- \`play_id\`: its position in the input (1, 2, 3, …), which orders the game;
- \`play_hash\`: the first 16 hex characters of the SHA-256 of the text, a *content address*.

Why both? \`play_id\` is convenient for people and charts; \`play_hash\` is what production pipelines key on. It
makes re-runs **idempotent** (loading the same play twice updates one row instead of adding a second), lets
the LLM response cache recognise a paragraph it has already paid for, and detects duplicates. The reader also
accepts a UTF-8 BOM, CRLF line ends and quoted fields, and reports rows it cannot read **by line number**
instead of dropping them silently.
`),
    code(`
const input = wb.readPlays(config.dataDir + "/playbyplay.csv", { limit: ROWS });
console.log(\`\${input.plays.length} plays read, \${input.malformed.length} malformed\`);
wb.showTable(input.plays, { columns: ["play_id", "play_hash", "line", "playbyplay"], maxRows: 10, title: "Plays with their canonical IDs" });
`),
    md(`
What to look at: \`play_id\` runs from 1 in input order; \`line\` is the CSV line the row starts on (the header is
line 1), which is what an error message about a bad row names; every \`play_hash\` is 16 hex characters.
`),
  ];
}
