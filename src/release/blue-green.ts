import { OptionsError, PipelineError } from "../errors";
import type { Database, Queryable } from "../db/database";
import { withDefaults } from "../util/defined";
import { appendReleaseLog, checkIdentifier, defaultActor, readReleaseState, setReleaseState } from "./release-log";

export interface BlueGreenOptions {
  /** The stable view readers query. Default `"published_plays"`. */
  view?: string;
  /** Table whose columns, constraints and indexes every version copies. Default `"plays"`. */
  template?: string;
  /** Who is releasing, for `release_log`. Default `user@host`. */
  actor?: string;
  /** Rows per INSERT (each its own statement) while loading a version. Default 500. */
  batchSize?: number;
  /** Fewest rows a version may have and still be published. Default 1. */
  minRows?: number;
}

export interface StageMeta {
  /** The run whose rows these are, recorded with the version. */
  runId?: string;
  /** Called after each loaded batch with rows loaded so far and the total. */
  onBatch?: (loaded: number, total: number) => void | Promise<void>;
}

export interface StagedVersion {
  version: number;
  table: string;
  rows: number;
}

export interface ValidationOutcome {
  version: number;
  ok: boolean;
  rows: number;
  problems: string[];
}

/** Extra validation: return problems found in the version's table (empty when it is fine). */
export type VersionCheck = (db: Queryable, table: string) => Promise<string[]>;

export interface VersionInfo {
  version: number;
  table_name: string;
  run_id: string | null;
  rows: number;
  state: "loading" | "validated" | "rejected" | "dropped";
  created_at: Date;
  live: boolean;
}

/**
 * Blue-green releases of the published plays. Each release loads into its own table
 * (`plays_v<N>`, created LIKE `plays`), is validated there while readers still see the old
 * version, and is then made live by replacing the stable view in one transaction: a reader sees
 * the old full table or the new full table, never a half-loaded one. `rollback()` points the view
 * back at the previous version. Every step is written to `release_log` with who and when.
 *
 * @example
 * const release = new BlueGreenRelease(db);
 * const { version } = await release.publish(rows, { runId });   // stage → validate → switch
 * await release.rollback("excitement scores looked wrong");
 */
export class BlueGreenRelease {
  private readonly o: Required<BlueGreenOptions>;

  constructor(private readonly db: Database, options: BlueGreenOptions = {}) {
    this.o = withDefaults({ view: "published_plays", template: "plays", actor: defaultActor(), batchSize: 500, minRows: 1 }, options);
    checkIdentifier("view", this.o.view);
    checkIdentifier("template", this.o.template);
    if (!Number.isInteger(this.o.batchSize) || this.o.batchSize < 1) throw new OptionsError("batchSize", "an integer ≥ 1", this.o.batchSize);
    if (!Number.isInteger(this.o.minRows) || this.o.minRows < 0) throw new OptionsError("minRows", "an integer ≥ 0", this.o.minRows);
    if (!this.o.actor.trim()) throw new OptionsError("actor", "a non-empty name", this.o.actor);
  }

  /**
   * Create the next version's table and load `rows` into it (keys must be columns of the template),
   * one batch per statement; `onBatch` hears after each (progress displays, tests).
   */
  async stage(rows: readonly Record<string, unknown>[], meta: StageMeta = {}): Promise<StagedVersion> {
    const staged = await this.createVersion(meta.runId);
    const columns = await this.columns();
    const used = rows.length === 0 ? [] : Object.keys(rows[0]!).filter((k) => columns.includes(k));
    const unknown = rows.length === 0 ? [] : Object.keys(rows[0]!).filter((k) => !columns.includes(k));
    if (unknown.length > 0) throw new OptionsError("rows", `objects whose keys are columns of ${this.o.template}`, unknown.join(", "));
    for (let i = 0; i < rows.length; i += this.o.batchSize) {
      const batch = rows.slice(i, i + this.o.batchSize);
      const params: unknown[] = [];
      const tuples = batch.map((row) => `(${used.map((c) => `$${params.push(row[c] ?? null)}`).join(", ")})`);
      await this.db.query(`INSERT INTO ${staged.table} (${used.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`, params);
      await meta.onBatch?.(i + batch.length, rows.length);
    }
    return this.finishStage(staged);
  }

  /** Create the next version from what is in the template table now (optionally one run's rows). */
  async stageFromTemplate(meta: { runId?: string } = {}): Promise<StagedVersion> {
    const staged = await this.createVersion(meta.runId);
    await this.db.query(
      `INSERT INTO ${staged.table} SELECT * FROM ${this.o.template} WHERE ($1::text IS NULL OR run_id = $1)`,
      [meta.runId ?? null],
    );
    return this.finishStage(staged);
  }

  /** Check a staged version: row count, at least `minRows`, play_hash present and unique, plus `checks`. */
  async validate(version: number, checks: VersionCheck[] = []): Promise<ValidationOutcome> {
    const info = await this.version(version);
    const [stats] = await this.db.query<{ rows: number; hashes: number; missing: number }>(
      `SELECT count(*)::int AS rows, count(DISTINCT play_hash)::int AS hashes, (count(*) - count(play_hash))::int AS missing FROM ${info.table_name}`,
    );
    const problems: string[] = [];
    if (stats!.rows !== info.rows) problems.push(`table has ${stats!.rows} rows, ${info.rows} were loaded`);
    if (stats!.rows < this.o.minRows) problems.push(`${stats!.rows} rows, fewer than the minimum of ${this.o.minRows}`);
    if (stats!.missing > 0) problems.push(`${stats!.missing} rows without play_hash`);
    if (stats!.hashes !== stats!.rows - stats!.missing) problems.push(`${stats!.rows - stats!.missing - stats!.hashes} duplicate play_hash values`);
    for (const check of checks) problems.push(...(await check(this.db, info.table_name)));
    const ok = problems.length === 0;
    await this.db.query(`UPDATE release_versions SET state = $3, validated_at = now() WHERE target = $1 AND version = $2`, [this.o.view, version, ok ? "validated" : "rejected"]);
    await appendReleaseLog(this.db, {
      target: this.o.view, action: ok ? "validate" : "reject", to: String(version), actor: this.o.actor,
      reason: ok ? undefined : problems.join("; "), details: { rows: stats!.rows },
    });
    return { version, ok, rows: stats!.rows, problems };
  }

  /** Make a validated version live: the view is replaced and the switch logged in one transaction. */
  async switchTo(version: number, reason?: string): Promise<void> {
    await this.point(version, "switch", reason);
  }

  /** Point the view back at the version that was live before the current one. Returns that version. */
  async rollback(reason?: string): Promise<number> {
    const state = await readReleaseState(this.db, this.o.view);
    if (!state?.previous_version) throw new PipelineError(`Nothing to roll back to: ${this.o.view} has no previous version`, { step: "release" });
    const target = Number(state.previous_version);
    await this.point(target, "rollback", reason);
    return target;
  }

  /** Stage, validate and switch; a version that fails validation is not published. */
  async publish(rows: readonly Record<string, unknown>[], meta: StageMeta & { checks?: VersionCheck[]; reason?: string } = {}): Promise<ValidationOutcome> {
    const staged = await this.stage(rows, meta);
    const outcome = await this.validate(staged.version, meta.checks);
    if (outcome.ok) await this.switchTo(staged.version, meta.reason);
    return outcome;
  }

  /**
   * Drop the tables of old versions, keeping the newest `keep` and always the live one and the
   * rollback target. Returns the versions dropped (their rows in `release_versions` say 'dropped').
   */
  async prune(keep = 2): Promise<number[]> {
    if (!Number.isInteger(keep) || keep < 1) throw new OptionsError("keep", "an integer ≥ 1", keep);
    const state = await readReleaseState(this.db, this.o.view);
    const protect = new Set([state?.current_version, state?.previous_version].filter(Boolean).map(Number));
    const all = await this.versions();
    const doomed = all.filter((v, i) => i >= keep && !protect.has(v.version) && v.state !== "dropped");
    for (const v of doomed) {
      await this.db.transaction(async (tx) => {
        await tx.exec(`DROP TABLE IF EXISTS ${v.table_name}`);
        await tx.query(`UPDATE release_versions SET state = 'dropped' WHERE target = $1 AND version = $2`, [this.o.view, v.version]);
      });
    }
    const dropped = doomed.map((v) => v.version);
    if (dropped.length > 0) {
      await appendReleaseLog(this.db, { target: this.o.view, action: "prune", actor: this.o.actor, reason: `kept the newest ${keep}`, details: { dropped } });
    }
    return dropped;
  }

  /** The live version, or undefined before the first switch. */
  async live(): Promise<number | undefined> {
    const state = await readReleaseState(this.db, this.o.view);
    return state ? Number(state.current_version) : undefined;
  }

  /** Every version of this view, newest first, with which one is live. */
  async versions(): Promise<VersionInfo[]> {
    const live = await this.live();
    const rows = await this.db.query<Omit<VersionInfo, "live">>(
      `SELECT version, table_name, run_id, rows, state, created_at FROM release_versions WHERE target = $1 ORDER BY version DESC`,
      [this.o.view],
    );
    return rows.map((r) => ({ ...r, live: r.version === live }));
  }

  private async point(version: number, action: "switch" | "rollback", reason?: string): Promise<void> {
    const info = await this.version(version);
    if (info.state !== "validated") throw new PipelineError(`Version ${version} of ${this.o.view} is ${info.state}, not validated: it cannot go live`, { step: "release" });
    await this.db.transaction(async (tx) => {
      // Serialise switches of this view; readers are not blocked by the lock, only by the DDL's own brief one.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`release:${this.o.view}`]);
      const [state] = await tx.query<{ current_version: string }>(`SELECT current_version FROM release_state WHERE target = $1`, [this.o.view]);
      const from = state?.current_version ?? null;
      await tx.exec(`CREATE OR REPLACE VIEW ${this.o.view} AS SELECT * FROM ${info.table_name}`);
      await setReleaseState(tx, this.o.view, String(version), from);
      await appendReleaseLog(tx, { target: this.o.view, action, from, to: String(version), actor: this.o.actor, reason, details: { table: info.table_name, rows: info.rows } });
    });
  }

  private async createVersion(runId: string | undefined): Promise<StagedVersion> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`release:${this.o.view}`]);
      const [next] = await tx.query<{ version: number }>(`SELECT (coalesce(max(version), 0) + 1)::int AS version FROM release_versions WHERE target = $1`, [this.o.view]);
      const version = next!.version;
      const table = `${this.o.template}_v${version}`;
      await tx.exec(`DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (LIKE ${this.o.template} INCLUDING ALL)`);
      await tx.query(`INSERT INTO release_versions (target, version, table_name, run_id, state) VALUES ($1, $2, $3, $4, 'loading')`, [this.o.view, version, table, runId ?? null]);
      return { version, table, rows: 0 };
    });
  }

  private async finishStage(staged: StagedVersion): Promise<StagedVersion> {
    const [count] = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${staged.table}`);
    await this.db.query(`UPDATE release_versions SET rows = $3 WHERE target = $1 AND version = $2`, [this.o.view, staged.version, count!.n]);
    await appendReleaseLog(this.db, { target: this.o.view, action: "stage", to: String(staged.version), actor: this.o.actor, details: { table: staged.table, rows: count!.n } });
    return { ...staged, rows: count!.n };
  }

  private async version(version: number): Promise<VersionInfo> {
    const [info] = await this.db.query<VersionInfo>(
      `SELECT version, table_name, run_id, rows, state, created_at FROM release_versions WHERE target = $1 AND version = $2`,
      [this.o.view, version],
    );
    if (!info) throw new PipelineError(`${this.o.view} has no version ${version}`, { step: "release" });
    return info;
  }

  private async columns(): Promise<string[]> {
    const rows = await this.db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
      [this.o.template],
    );
    if (rows.length === 0) throw new PipelineError(`Template table ${this.o.template} not found`, { step: "release" });
    return rows.map((r) => r.column_name);
  }
}
