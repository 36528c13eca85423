/**
 * The workbook's public surface: notebooks and the CLI import only from here.
 * Grouped by pipeline stage, in the order data flows.
 */
export { loadConfig, describeConfig, findProjectRoot, redactUrl, APP_ENVS, type Config, type AppEnv } from "./config";
export * from "./errors";
export { PipelineEvents, type PipelineEventMap, type PipelineEventName } from "./events";
export * from "./domain/index";

// extract
export * from "./extract/index";

// load (database access is needed by every later stage)
export { openDatabase, openDatabaseFromConfig, type Database, type Queryable, type OpenDatabaseOptions } from "./load/database";
export { migrate, type MigrationResult } from "./load/migrator";

// notebooks
export * from "./notebook/index";
