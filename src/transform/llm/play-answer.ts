import type { Extraction } from "../../domain/index";
import { LlmResponseError } from "../../errors";
import { decodeAnswerRow } from "./compact-answer";

/**
 * Read an extraction answer (compact rows, compact-answer.ts), play by play. Play number `i`
 * stands for `sentHashes[i - 1]`; only numbers that were sent are accepted: a row for another
 * number (a forged row) is ignored, and a number answered twice is ambiguous, so that play is asked
 * again rather than trusted. Each row is decoded on its own, so one broken row costs one play a
 * retry, not its whole batch.
 */
export function readPlayAnswer(json: unknown, sentHashes: string[]): { ok: Map<string, Extraction>; bad: Map<string, string> } {
  const plays = json && typeof json === "object" ? (json as { plays?: unknown }).plays : undefined;
  if (!Array.isArray(plays)) throw new LlmResponseError("The answer breaks the schema: no `plays` array", "schema");
  const rowsOf = new Map<number, ReturnType<typeof decodeAnswerRow>[]>();
  for (const row of plays) {
    const decoded = decodeAnswerRow(row);
    if (decoded.i === null || decoded.i < 1 || decoded.i > sentHashes.length) continue;
    rowsOf.set(decoded.i, [...(rowsOf.get(decoded.i) ?? []), decoded]);
  }
  const ok = new Map<string, Extraction>();
  const bad = new Map<string, string>();
  sentHashes.forEach((hash, k) => {
    const rows = rowsOf.get(k + 1) ?? [];
    if (rows.length === 0) bad.set(hash, "the answer left this play out");
    else if (rows.length > 1) bad.set(hash, `the answer gave this play ${rows.length} times`);
    else if ("error" in rows[0]!) bad.set(hash, rows[0].error);
    else ok.set(hash, rows[0]!.extraction);
  });
  return { ok, bad };
}
