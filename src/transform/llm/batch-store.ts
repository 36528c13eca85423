import type { Queryable } from "../../db/database";

/** A Batch API submission as the `llm_batches` table keeps it. */
export interface BatchRecord {
  contentKey: string;
  runId: string;
  step: string;
  model: string;
  lines: number;
  batchId: string | null;
  inputFileId: string | null;
  status: "submitting" | "submitted" | "collected" | "failed";
}

/**
 * The one writer of `llm_batches` (memory only without a database): a batch is written before it is
 * created, given its id as soon as the provider returns it, and closed when its results are collected.
 */
export class BatchStore {
  private readonly memory = new Map<string, BatchRecord>();

  constructor(private readonly db?: Queryable) {}

  async find(contentKey: string): Promise<BatchRecord | undefined> {
    if (!this.db) return this.memory.get(contentKey);
    const [r] = await this.db.query<{ content_key: string; run_id: string; step: string; model: string; lines: number; batch_id: string | null; input_file_id: string | null; status: BatchRecord["status"] }>(
      "SELECT content_key, run_id, step, model, lines, batch_id, input_file_id, status FROM llm_batches WHERE content_key = $1",
      [contentKey],
    );
    return r && { contentKey: r.content_key, runId: r.run_id, step: r.step, model: r.model, lines: r.lines, batchId: r.batch_id, inputFileId: r.input_file_id, status: r.status };
  }

  /** Record a batch about to be submitted (a previous failed or collected one with the same key is replaced). */
  async submitting(r: Omit<BatchRecord, "batchId" | "inputFileId" | "status">): Promise<void> {
    this.memory.set(r.contentKey, { ...r, batchId: null, inputFileId: null, status: "submitting" });
    if (!this.db) return;
    await this.db.query(
      `INSERT INTO llm_batches (content_key, run_id, step, model, lines, status) VALUES ($1, $2, $3, $4, $5, 'submitting')
       ON CONFLICT (content_key) DO UPDATE SET run_id = EXCLUDED.run_id, lines = EXCLUDED.lines, batch_id = NULL, input_file_id = NULL,
         status = 'submitting', created_at = now(), completed_at = NULL`,
      [r.contentKey, r.runId, r.step, r.model, r.lines],
    );
  }

  async submitted(contentKey: string, batchId: string, inputFileId: string | null): Promise<void> {
    const m = this.memory.get(contentKey);
    if (m) Object.assign(m, { batchId, inputFileId, status: "submitted" });
    if (!this.db) return;
    await this.db.query("UPDATE llm_batches SET batch_id = $2, input_file_id = $3, status = 'submitted' WHERE content_key = $1", [contentKey, batchId, inputFileId]);
  }

  async close(contentKey: string, status: "collected" | "failed"): Promise<void> {
    const m = this.memory.get(contentKey);
    if (m) m.status = status;
    if (!this.db) return;
    await this.db.query("UPDATE llm_batches SET status = $2, completed_at = now() WHERE content_key = $1", [contentKey, status]);
  }
}
