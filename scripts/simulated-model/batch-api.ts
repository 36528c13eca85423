import type http from "node:http";
import type { FaultPlan, FaultRule, RequestFacts } from "./faults";

/** What the Batch API has billed: the lines it ran (each one a request, at the batch price). */
export interface BatchStats {
  /** Batches created (`POST /v1/batches`). */
  batches: number;
  /** Lines run (each a chat request), and their tokens. */
  requests: number;
  tokensIn: number;
  tokensOut: number;
  tokensCached: number;
  /** `GET /v1/batches/{id}` calls. */
  polls: number;
}

/** One line's result from the simulated model's chat handler. */
export type LineResult =
  | { kind: "error"; status: number; body: unknown }
  | { kind: "completion"; completion: Record<string, unknown>; tokensIn: number; tokensOut: number; tokensCached: number };

export interface BatchApiDeps {
  /** Run one chat request body (a line), with the fault the batch plan picks for it. */
  run(body: unknown, raw: string, pick: (facts: RequestFacts) => FaultRule | undefined): LineResult;
  /** One plan per batch fault kind, so a rule of one kind never stands in the way of another's. */
  plans: Record<"batch_line_error" | "batch_expired" | "batch_failed" | "poll_reset", FaultPlan>;
  stats: BatchStats;
  later(ms: number, fn: () => void): void;
  /** How long a batch takes to validate, then to run, ms. */
  latencyMs: number;
}

type Send = (status: number, body: unknown, headers?: Record<string, string>) => void;

interface StoredBatch {
  id: string;
  object: "batch";
  endpoint: string;
  input_file_id: string;
  completion_window: string;
  status: "validating" | "failed" | "in_progress" | "finalizing" | "completed" | "expired" | "cancelling" | "cancelled";
  created_at: number;
  metadata: Record<string, string> | null;
  output_file_id: string | null;
  error_file_id: string | null;
  errors: unknown;
  request_counts: { total: number; completed: number; failed: number };
  [key: string]: unknown;
}

/**
 * The Batch API of the simulated model, as OpenAI's: `POST /v1/files` (multipart, purpose "batch") stores a JSONL of
 * requests; `POST /v1/batches` starts a batch that validates, then runs every line through the same chat handler
 * (same answers, tokens and faults) and writes an output file and an error file; `GET /v1/batches/{id}` polls it,
 * `GET /v1/batches` lists them (with their metadata, so a client can find a batch it created), and
 * `GET /v1/files/{id}/content` downloads a file. Faults: `batch_line_error` (a line answered 500),
 * `batch_expired` (half the lines run, the rest expire), `batch_failed` (nothing runs), `poll_reset` (a poll's
 * connection is reset).
 */
export function createBatchApi(deps: BatchApiDeps) {
  const files = new Map<string, { id: string; content: string; purpose: string; filename: string }>();
  const batches = new Map<string, StoredBatch>();
  let fileNo = 0;
  let pollNo = 0;

  const fileObject = (f: { id: string; content: string; purpose: string; filename: string }) => ({
    id: f.id, object: "file", bytes: Buffer.byteLength(f.content), created_at: Math.floor(Date.now() / 1000), filename: f.filename, purpose: f.purpose, status: "processed",
  });
  const storeFile = (content: string, purpose: string, filename: string) => {
    const f = { id: `file-sim-${++fileNo}`, content, purpose, filename };
    files.set(f.id, f);
    return f;
  };

  function runBatch(batch: StoredBatch, lines: { custom_id: string; body: unknown }[], expire: boolean) {
    const out: string[] = [];
    const errors: string[] = [];
    const upTo = expire ? Math.floor(lines.length / 2) : lines.length;
    lines.forEach((line, k) => {
      if (k >= upTo) {
        errors.push(JSON.stringify({ id: `batch_req_${k}`, custom_id: line.custom_id, response: null, error: { code: "batch_expired", message: "This request could not be executed before the completion window expired." } }));
        return;
      }
      const raw = JSON.stringify(line.body);
      const r = deps.run(line.body, raw, (facts) => deps.plans.batch_line_error.pick(facts));
      if (r.kind === "error") {
        errors.push(JSON.stringify({ id: `batch_req_${k}`, custom_id: line.custom_id, response: { status_code: r.status, request_id: `req_${k}`, body: r.body }, error: null }));
        return;
      }
      deps.stats.requests++;
      deps.stats.tokensIn += r.tokensIn;
      deps.stats.tokensOut += r.tokensOut;
      deps.stats.tokensCached += r.tokensCached;
      out.push(JSON.stringify({ id: `batch_req_${k}`, custom_id: line.custom_id, response: { status_code: 200, request_id: `req_${k}`, body: r.completion }, error: null }));
    });
    if (out.length > 0) batch.output_file_id = storeFile(out.join("\n") + "\n", "batch_output", `${batch.id}_output.jsonl`).id;
    if (errors.length > 0) batch.error_file_id = storeFile(errors.join("\n") + "\n", "batch_output", `${batch.id}_error.jsonl`).id;
    batch.request_counts = { total: lines.length, completed: out.length, failed: errors.length };
    batch.status = expire ? "expired" : "completed";
    batch[expire ? "expired_at" : "completed_at"] = Math.floor(Date.now() / 1000);
  }

  /** Handle a Batch API request; false when the path is not one of its endpoints. */
  function handle(req: http.IncomingMessage, raw: Buffer, send: Send, res: http.ServerResponse): boolean {
    const url = req.url ?? "";
    if (req.method === "POST" && url.startsWith("/v1/files")) {
      void new Response(raw, { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData().then(
        async (form) => {
          const file = form.get("file");
          if (!file || typeof file === "string") return send(400, { error: { message: "No file in the upload", type: "invalid_request_error" } });
          const f = storeFile(await file.text(), String(form.get("purpose") ?? ""), file.name || "upload.jsonl");
          send(200, fileObject(f));
        },
        () => send(400, { error: { message: "The upload is not multipart/form-data", type: "invalid_request_error" } }),
      );
      return true;
    }
    const content = /^\/v1\/files\/([^/]+)\/content$/.exec(url);
    if (req.method === "GET" && content) {
      const f = files.get(content[1]!);
      if (!f) return send(404, { error: { message: `No such file: ${content[1]}`, type: "invalid_request_error" } }), true;
      res.writeHead(200, { "content-type": "application/octet-stream", "x-simulated-model": "true" });
      res.end(f.content);
      return true;
    }
    if (req.method === "POST" && url === "/v1/batches") {
      let body: { input_file_id?: string; endpoint?: string; completion_window?: string; metadata?: Record<string, string> };
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        return send(400, { error: { message: "Body is not JSON", type: "invalid_request_error" } }), true;
      }
      const input = files.get(body.input_file_id ?? "");
      if (!input) return send(400, { error: { message: `No such file: ${body.input_file_id}`, type: "invalid_request_error" } }), true;
      const lines = input.content.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as { custom_id: string; body: unknown });
      deps.stats.batches++;
      const batch: StoredBatch = {
        id: `batch_sim_${deps.stats.batches}`, object: "batch", endpoint: body.endpoint ?? "/v1/chat/completions", input_file_id: input.id,
        completion_window: body.completion_window ?? "24h", status: "validating", created_at: Math.floor(Date.now() / 1000), metadata: body.metadata ?? null,
        output_file_id: null, error_file_id: null, errors: null, request_counts: { total: lines.length, completed: 0, failed: 0 },
      };
      batches.set(batch.id, batch);
      const facts: RequestFacts = { number: deps.stats.batches, contentHash: input.id, repeat: 0, playHashes: [], names: [] };
      const failed = deps.plans.batch_failed.pick(facts);
      const expire = !failed && deps.plans.batch_expired.pick(facts) !== undefined;
      deps.later(deps.latencyMs, () => {
        if (failed) {
          batch.status = "failed";
          batch.errors = { object: "list", data: [{ code: "invalid_request", message: "The batch failed validation (simulated)", line: 1 }] };
          return;
        }
        batch.status = "in_progress";
        deps.later(deps.latencyMs, () => runBatch(batch, lines, expire));
      });
      // The answer takes a moment, as a real create does: a client that dies meanwhile never learns the id.
      deps.later(deps.latencyMs / 3, () => send(200, batch));
      return true;
    }
    const one = /^\/v1\/batches\/([^/?]+)$/.exec(url);
    if (req.method === "GET" && one) {
      deps.stats.polls++;
      pollNo++;
      if (deps.plans.poll_reset.pick({ number: pollNo, contentHash: `poll:${pollNo}`, repeat: 0, playHashes: [], names: [] })) {
        res.socket?.resetAndDestroy();
        return true;
      }
      const batch = batches.get(one[1]!);
      if (!batch) return send(404, { error: { message: `No such batch: ${one[1]}`, type: "invalid_request_error" } }), true;
      send(200, batch);
      return true;
    }
    if (req.method === "GET" && url.startsWith("/v1/batches")) {
      const data = [...batches.values()].reverse();
      send(200, { object: "list", data, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null, has_more: false });
      return true;
    }
    return false;
  }

  return { handle };
}
