// Parser throughput: @shipshape/dockerfile against dockerfile-ast over the Dockerfile corpus, one process,
// warmed up. Run `npx tsc -b` first.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DockerfileParser } from "dockerfile-ast";
import { parseDockerfile } from "../packages/dockerfile/dist/index.js";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const corpus = path.resolve(root, "../shared/corpus/dockerfiles");
const files = fs
  .readdirSync(corpus, { recursive: true })
  .map((f) => path.join(corpus, String(f)))
  .filter((f) => fs.statSync(f).isFile())
  .map((f) => fs.readFileSync(f, "utf8"));
const bytes = files.reduce((n, t) => n + Buffer.byteLength(t), 0);

function measure(parse) {
  for (let i = 0; i < 3; i++) for (const t of files) parse(t); // warm up
  let rounds = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  do {
    for (const t of files) parse(t);
    rounds++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  } while (elapsed < 3);
  return { mbps: (bytes * rounds) / elapsed / 1e6, fps: (files.length * rounds) / elapsed };
}

const ours = measure((t) => parseDockerfile(t));
const theirs = measure((t) => DockerfileParser.parse(t));
const row = (name, r) => `${name.padEnd(24)} ${r.mbps.toFixed(1).padStart(8)} MB/s ${r.fps.toFixed(0).padStart(9)} files/s`;
console.log(`${files.length} files, ${(bytes / 1e6).toFixed(2)} MB`);
console.log(row("@shipshape/dockerfile", ours));
console.log(row("dockerfile-ast", theirs));
console.log(`speed-up: ${(ours.mbps / theirs.mbps).toFixed(2)}x`);
