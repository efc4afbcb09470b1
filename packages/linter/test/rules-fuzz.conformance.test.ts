/**
 * Every rule, those off by default included, on files no one wrote: Dockerfiles made of instructions drawn
 * from the whole corpus (some cut short, mixed with lines that stress the rules' own corners), and the
 * corpus's compose files with lines inserted, removed and repeated. A rule may find anything there, but
 * it must never fail (an `internal-error` finding). The generator is seeded, so a failure repeats.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { initShell } from "@shipshape/shell";
import { parseDockerfile } from "@shipshape/dockerfile";
import { lint } from "../src/lint.js";
import { walk } from "../../compose/test/corpus-files.js";

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../shared/corpus");

/** mulberry32: small, seeded, and without the short cycles of an LCG's low bits. */
function seeded(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n | 0;
  };
}

/** Lines that reach the corners of rules: stage references, shells, mounts, paths, installs, lockfiles. */
const DOCKERFILE_EXTRAS = [
  "FROM scratch AS x", "FROM x", "FROM ${BASE}", "ONBUILD RUN chown -R 1 /", 'SHELL ["pwsh","-c"]', "WORKDIR ..", "WORKDIR $NOPE",
  "COPY . .", "COPY --from=0 / /", "COPY --chown=1 a b", "ENTRYPOINT $X", "ENTRYPOINT exec a \"$@\"", "CMD", 'CMD ["a"', "ENTRYPOINT \"",
  "RUN apt-get update", "RUN apk update", "RUN npm install", "RUN yarn", "COPY package-lock.json yarn.lock pnpm-lock.yaml ./",
  'RUN chown -R 1 "${A:-/}"', "RUN <<EOF\napt-get update\nEOF", "USER", "ARG A=/app", "ENV B=$A/x", "RUN chmod -R -w .",
  "RUN chown --reference=a -R b", "RUN cd; chown -R 1 .", "RUN --mount=type=cache,target=/var/lib/apt,sharing= apt-get update",
  "RUN --mount=type=cache,target= x", "RUN --mount=type=bind,source=package-lock.json npm i", "HEALTHCHECK NONE x", "EXPOSE 80/tcpx",
  "LABEL a", "ARG", "ENV", "# hadolint ignore=DL3008", "# shipshape ignore=DF216 -- x", "# check=skip=all", "# escape=`",
];

const COMPOSE_EXTRAS = [
  "    privileged: yes", "    cap_add: ALL", "    cap_add: [~]", "    environment:\n      - PASSWORD", "    environment: {TOKEN: 5}",
  "    volumes: [/var/run/docker.sock]", "    volumes:\n      - type: bind\n        source: 7\n        target: /x",
  '    environment:\n      DB_URL: "mysql://a:b@c"', "  x:\n    extends: {file: nope.yml, service: y}", "    privileged: ${P}",
  '    environment: ["=x"]', "    command: [a, b]", "    build: {context: ., dockerfile_inline: 'FROM a\\nENTRYPOINT b'}",
  "    entrypoint: ~", "include: [x.yml]", "    depends_on: {db: {condition: service_healthy}}",
];

describe("every rule on generated files", () => {
  beforeAll(async () => {
    await initShell();
  });

  it("never fails on mixed Dockerfile instructions", { timeout: 300_000 }, async () => {
    const froms: string[] = [];
    const instructions: string[] = [];
    for (const f of walk(path.join(corpus, "dockerfiles"))) {
      const text = fs.readFileSync(f, "utf8");
      for (const instr of parseDockerfile(text).ast.instructions) {
        (instr.kind === "From" ? froms : instructions).push(text.slice(instr.range.start, instr.range.end));
      }
    }
    const rnd = seeded(20261124);
    const files = [];
    for (let i = 0; i < 800; i++) {
      const out: string[] = [froms[rnd(froms.length)]!];
      for (let k = 2 + rnd(30); k > 0; k--) {
        const pick = rnd(8);
        let part = pick === 0 ? DOCKERFILE_EXTRAS[rnd(DOCKERFILE_EXTRAS.length)]! : pick === 1 ? froms[rnd(froms.length)]! : instructions[rnd(instructions.length)]!;
        if (rnd(20) === 0) part = part.slice(0, rnd(part.length + 1));
        out.push(part);
      }
      files.push({ path: `/fuzz/${i}/Dockerfile`, text: `${out.join("\n")}\n`, kind: "dockerfile" as const });
    }
    const found = await lint(files, { noConfigSearch: true, select: ["all"] });
    expect(found.filter((d) => d.code === "internal-error").map((d) => `${d.file}: ${d.message}`)).toEqual([]);
    // The files reach many rules (71 codes with this seed), so a rule that fails is likely to be met.
    expect(new Set(found.map((d) => d.code)).size).toBeGreaterThan(60);
  });

  it("never fails on edited compose files", { timeout: 300_000 }, async () => {
    const sources = walk(path.join(corpus, "compose")).filter((f) => /\.ya?ml$/.test(f)).map((f) => fs.readFileSync(f, "utf8").split("\n"));
    const rnd = seeded(1124);
    const files = [];
    for (let i = 0; i < 500; i++) {
      const lines = [...sources[rnd(sources.length)]!];
      for (let k = 1 + rnd(4); k > 0; k--) {
        const at = rnd(lines.length + 1);
        const op = rnd(3);
        if (op === 0) lines.splice(at, 0, COMPOSE_EXTRAS[rnd(COMPOSE_EXTRAS.length)]!);
        else if (op === 1) lines.splice(at, 1);
        else lines.splice(at, 0, lines[rnd(lines.length)] ?? "");
      }
      files.push({ path: `/fuzz/${i}/compose.yaml`, text: lines.join("\n"), kind: "compose" as const });
    }
    const found = await lint(files, { noConfigSearch: true, select: ["all"] });
    expect(found.filter((d) => d.code === "internal-error").map((d) => `${d.file}: ${d.message}`)).toEqual([]);
    expect(new Set(found.map((d) => d.code)).size).toBeGreaterThan(30);
  });
});
