// Preloaded by the bench into a child process tree (NODE_OPTIONS=--require …): each process appends its
// peak resident set size (KiB, from getrusage) to $BENCH_RSS_FILE when it exits; the bench takes the largest.
const { appendFileSync } = require("node:fs");
process.on("exit", () => {
  if (process.env.BENCH_RSS_FILE) appendFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
