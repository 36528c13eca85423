import { createHash } from "node:crypto";
import type { Queryable } from "../../db/database";

/** What an answer depends on besides its content: changing any of these must miss the cache. */
export interface CacheIdentity {
  step: string;
  /** Who answers: the host and port of the API (answers of a local or simulated server never stand in for OpenAI's, nor one port's for another's). */
  provider: string;
  model: string;
  promptVersion: string;
  schemaVersion: string;
}

/**
 * Content-addressed store of answers, kept in the `llm_cache` table (memory only when no
 * database is given). The address is sha256 of (provider host:port, model, prompt version, schema version,
 * content), where content is one play's text or one name to map: an answer is reused
 * whatever batch its row lands in, so a rerun of the same input sends no request.
 */
export class ResponseCache {
  private readonly memory = new Map<string, unknown>();

  constructor(private readonly identity: CacheIdentity, private readonly db?: Queryable) {}

  /** The cache key of one piece of request content. */
  keyOf(content: string): string {
    const { provider, model, promptVersion, schemaVersion } = this.identity;
    return createHash("sha256").update(JSON.stringify([provider, model, promptVersion, schemaVersion, content])).digest("hex");
  }

  /** Stored answers for the keys that have one. */
  async getMany(keys: string[]): Promise<Map<string, unknown>> {
    const found = new Map<string, unknown>();
    if (!this.db) {
      for (const k of keys) if (this.memory.has(k)) found.set(k, this.memory.get(k));
      return found;
    }
    if (keys.length === 0) return found;
    const rows = await this.db.query<{ cache_key: string; response: unknown }>(
      "SELECT cache_key, response FROM llm_cache WHERE cache_key = ANY($1::text[])",
      [keys],
    );
    for (const r of rows) found.set(r.cache_key, typeof r.response === "string" ? JSON.parse(r.response) : r.response);
    return found;
  }

  /** Remove answers that turned out wrong (e.g. they fail a check they passed before): the next run asks again. */
  async evict(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    if (!this.db) {
      for (const k of keys) this.memory.delete(k);
      return;
    }
    await this.db.query("DELETE FROM llm_cache WHERE cache_key = ANY($1::text[])", [keys]);
  }

  /** Store answers; an existing address keeps its first answer. */
  async putMany(entries: [key: string, response: unknown][]): Promise<void> {
    if (entries.length === 0) return;
    if (!this.db) {
      for (const [k, v] of entries) this.memory.set(k, v);
      return;
    }
    const { step, model, promptVersion, schemaVersion } = this.identity;
    const params: unknown[] = [step, model, promptVersion, schemaVersion];
    const values = entries.map(([key, response], i) => {
      params.push(key, JSON.stringify(response));
      return `($${5 + 2 * i}, $1, $2, $3, $4, $${6 + 2 * i}::jsonb)`;
    });
    await this.db.query(
      `INSERT INTO llm_cache (cache_key, step, model, prompt_version, schema_version, response)
       VALUES ${values.join(", ")} ON CONFLICT (cache_key) DO NOTHING`,
      params,
    );
  }
}
