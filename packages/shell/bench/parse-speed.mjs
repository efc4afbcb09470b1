// Measures parseShell per RUN line over the real-world Dockerfiles in ../shared/corpus.
// Usage: npx tsc -b packages/shell && node packages/shell/bench/parse-speed.mjs
// Not a test: prints figures only. RUN lines are extracted crudely (continuations joined, comment
// lines skipped, heredoc RUNs left out), which is enough for timing.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { clearShellParseCache, initShell, parseShell } from "../dist/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.resolve(here, "../../..", "../shared/corpus/dockerfiles");

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

function runLines(text) {
  const out = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*RUN\s+(.*)$/i.exec(lines[i]);
    if (!m) continue;
    let cur = m[1];
    while (/\\\s*$/.test(cur) && i + 1 < lines.length) {
      cur = cur.replace(/\\\s*$/, "");
      i++;
      if (/^\s*#/.test(lines[i]) || lines[i].trim() === "") { cur += "\\"; continue; }
      cur += lines[i];
    }
    if (!cur.includes("<<") && !cur.trimStart().startsWith("[")) out.push(cur);
  }
  return out;
}

await initShell();
const scripts = [];
for (const f of files(corpus)) scripts.push(...runLines(readFileSync(f, "utf8")));
const chars = scripts.reduce((n, s) => n + s.length, 0);

// CPU time of this process, so other load on the machine does not inflate the figures.
const cpu = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

for (let r = 0; r < 3; r++) for (const s of scripts) parseShell(s); // warm-up (JIT, wasm tier-up)
let commands = 0;
let errors = 0;
const rounds = 3;
let cold = 0;
for (let r = 0; r < rounds; r++) {
  clearShellParseCache();
  const t0 = cpu();
  for (const s of scripts) {
    const p = parseShell(s);
    if (r === 0) {
      commands += p.commands.length;
      if (p.hasSyntaxError) errors++;
    }
  }
  cold += cpu() - t0;
}
cold /= rounds;
// The cache holds 512 texts: measure hits on a working set that fits.
const some = scripts.slice(0, 400);
for (const s of some) parseShell(s);
const t1 = cpu();
for (const s of some) parseShell(s);
const cached = (cpu() - t1) * (scripts.length / some.length);
console.log(`${scripts.length} RUN lines (${(chars / scripts.length).toFixed(0)} chars avg), ${commands} commands, ${errors} with syntax errors`);
console.log(`parseShell, cold: ${(cold / scripts.length).toFixed(1)} µs CPU per RUN line (${((cold * 1000) / chars).toFixed(0)} ns per char)`);
console.log(`parseShell, same text again (tree cache): ${(cached / scripts.length).toFixed(1)} µs CPU per RUN line`);

const line = "apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 ca-certificates git && rm -rf /var/lib/apt/lists/*";
const n = 5000;
let t2 = 0;
for (let i = 0; i < n; i++) {
  clearShellParseCache();
  const t = cpu();
  parseShell(line);
  t2 += cpu() - t;
}
const t3 = cpu();
for (let i = 0; i < n; i++) parseShell(line);
console.log(`typical apt-get RUN line (${line.length} chars): cold ${(t2 / n).toFixed(1)} µs CPU, cached tree ${((cpu() - t3) / n).toFixed(1)} µs CPU`);
