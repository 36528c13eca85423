import http from "node:http";
import type { AddressInfo } from "node:net";

/** A Slack-like incoming webhook on 127.0.0.1 that records what it receives and can be told to fail. */
export interface WebhookReceiver {
  url: string;
  /** Bodies of the requests it answered with 200. */
  received: { text: string; alert: { rule: string; kind: string; runId: string } }[];
  /** Requests seen, failed ones included. */
  hits: number;
  /** What to answer next: a status, or "hang" to never answer. */
  mode: number | "hang";
  /** Answers to give first, one per request, before falling back to `mode` (e.g. `[503, { status: 429, retryAfter: "1" }]`). */
  script: (number | { status: number; retryAfter?: string })[];
  /** When each request arrived (ms since the epoch). */
  hitTimes: number[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const state = { received: [] as WebhookReceiver["received"], hits: 0, mode: 200 as WebhookReceiver["mode"], script: [] as WebhookReceiver["script"], hitTimes: [] as number[] };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      state.hits++;
      state.hitTimes.push(Date.now());
      const next = state.script.shift() ?? state.mode;
      if (next === "hang") return; // the client's timeout ends it
      const { status, retryAfter } = typeof next === "number" ? { status: next, retryAfter: undefined } : next;
      if (status === 200) state.received.push(JSON.parse(body));
      res.writeHead(status, { "content-type": "text/plain", ...(retryAfter === undefined ? {} : { "retry-after": retryAfter }) }).end(status === 200 ? "ok" : "no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/services/T1/B1/token`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as WebhookReceiver;
}
