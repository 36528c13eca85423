import { DatabaseError } from "../errors";

/**
 * A batch of the load failed and was rolled back. Batches before it stay committed
 * (`committedRows` of them); nothing of the failing batch or after it was written.
 */
export class LoadBatchError extends DatabaseError {
  constructor(
    readonly table: string,
    readonly batchIndex: number,
    readonly committedRows: number,
    cause: unknown,
    detail: string,
  ) {
    super(`Loading ${table} failed in batch ${batchIndex + 1} (rolled back; ${committedRows} row(s) of earlier batches stay committed): ${detail}`, cause);
  }
}
