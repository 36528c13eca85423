#!/usr/bin/env node
// tslab (the notebooks' kernel) loads compiled files by "<specifier>.js", so `from "../domain"`
// must name the folder's barrel: `from "../domain/index"`. This rewrites such imports in src/.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const walk = (dir) => readdirSync(dir).flatMap((n) => {
  const f = path.join(dir, n);
  return statSync(f).isDirectory() ? walk(f) : f.endsWith(".ts") ? [f] : [];
});
let changed = 0;
for (const file of walk(path.join(root, "src"))) {
  const text = readFileSync(file, "utf8");
  const next = text.replace(/(from\s+|import\()(["'])(\.{1,2}\/[^"']*)\2/g, (all, head, q, spec) => {
    const target = path.resolve(path.dirname(file), spec);
    return existsSync(target) && statSync(target).isDirectory() ? `${head}${q}${spec.replace(/\/$/, "")}/index${q}` : all;
  });
  if (next !== text) {
    writeFileSync(file, next);
    changed++;
    console.log(`fixed ${path.relative(root, file)}`);
  }
}
console.log(`${changed} file(s) changed`);
