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
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const state = { received: [] as WebhookReceiver["received"], hits: 0, mode: 200 as WebhookReceiver["mode"] };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      state.hits++;
      if (state.mode === "hang") return; // the client's timeout ends it
      if (state.mode === 200) state.received.push(JSON.parse(body));
      res.writeHead(state.mode, { "content-type": "text/plain" }).end(state.mode === 200 ? "ok" : "no");
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
