// Copied into dist/kernel/ by scripts/kernel-lib/build.mjs and required first by its index.js:
// says so, once, when src/ has changed since the notebooks' library was built.
const { createHash } = require("node:crypto");
const { readdirSync, readFileSync, existsSync } = require("node:fs");
const path = require("node:path");

function sourceHash(srcDir) {
  const hash = createHash("sha256");
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith(".ts")) hash.update(path.relative(srcDir, file)).update(readFileSync(file));
    }
  };
  walk(srcDir);
  return hash.digest("hex");
}

function checkStale() {
  const stampFile = path.join(__dirname, "build-stamp.json");
  const srcDir = path.join(__dirname, "..", "..", "src");
  if (!existsSync(stampFile) || !existsSync(srcDir)) return;
  const { srcHash } = JSON.parse(readFileSync(stampFile, "utf8"));
  if (srcHash !== sourceHash(srcDir)) {
    console.warn(
      "Note: src/ has changed since the notebooks' library was built, so this kernel runs the old code.\n" +
        "Run `npm run build` in the project folder, then restart the kernel (Kernel → Restart).",
    );
  }
}

module.exports = { sourceHash, checkStale };
