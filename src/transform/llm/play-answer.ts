import { ExtractionSchema, type Extraction } from "../../domain/index";
import { LlmResponseError } from "../../errors";

/**
 * Read an extraction batch answer, play by play. Only play_hash values that were sent
 * are accepted: an item for another hash (a forged row) is ignored, and a hash answered
 * twice is ambiguous, so that row is asked again rather than trusted. Each item is
 * checked against `ExtractionSchema` on its own, so one broken item costs one row a
 * retry, not its whole batch.
 */
export function readPlayAnswer(json: unknown, sentHashes: string[]): { ok: Map<string, Extraction>; bad: Map<string, string> } {
  const plays = json && typeof json === "object" ? (json as { plays?: unknown }).plays : undefined;
  if (!Array.isArray(plays)) throw new LlmResponseError("The answer breaks the schema: no `plays` array", "schema");
  const sent = new Set(sentHashes);
  const byHash = new Map<string, unknown[]>();
  for (const item of plays) {
    const hash = item && typeof item === "object" ? (item as { play_hash?: unknown }).play_hash : undefined;
    if (typeof hash !== "string" || !sent.has(hash)) continue;
    const list = byHash.get(hash) ?? [];
    list.push(item);
    byHash.set(hash, list);
  }
  const ok = new Map<string, Extraction>();
  const bad = new Map<string, string>();
  for (const hash of sentHashes) {
    const items = byHash.get(hash) ?? [];
    if (items.length === 0) {
      bad.set(hash, "the answer left this play out");
      continue;
    }
    if (items.length > 1) {
      bad.set(hash, `the answer gave this play ${items.length} times`);
      continue;
    }
    const parsed = ExtractionSchema.safeParse(items[0]);
    if (parsed.success) {
      ok.set(hash, parsed.data);
    } else {
      const issue = parsed.error.issues[0]!;
      bad.set(hash, `the answer breaks the schema at \`${issue.path.join(".")}\`: ${issue.message}`);
    }
  }
  return { ok, bad };
}
