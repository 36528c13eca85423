import path from "node:path";
import { findProjectRoot } from "../config";
import { openDatabase, type Database } from "../db/database";
import { migrate } from "../load/migrator";

/**
 * A fresh, migrated, in-memory PGlite for one check: the learner's code runs against the same
 * schema as the pipeline, and nothing is left behind when the check closes it.
 */
export async function openLabDatabase(): Promise<Database> {
  const db = await openDatabase({ kind: "pglite", pgliteDir: "memory://" });
  try {
    await migrate(db, path.join(findProjectRoot(), "migrations"));
    return db;
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
}
