/**
 * A memoizing session (`memoize: true`, what the language server uses) reuses the findings of `local`
 * rules on instructions that did not change. Whatever the edit, its findings must equal a fresh lint's.
 */
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "@shipshape/dockerfile";
import { initShell } from "@shipshape/shell";
import type { Diagnostic } from "@shipshape/text";
import { LintSession } from "../src/lint.js";
import { defineRule, type DockerfileRule, type DockerfileRuleContext, type DockerfileVisitor } from "../src/rule.js";
import { md } from "../src/docs.js";
import { ALL_RULES } from "../src/rules/all.js";

await initShell();

const BASE = [
  "# syntax=docker/dockerfile:1",
  "ARG BASE=debian:12",
  "ARG TOKEN_SECRET=abc",
  "FROM ${BASE} as build",
  "ENV PATH=/usr/local/bin:$PATH HOME /root",
  "RUN apt-get update && apt-get install curl",
  "RUN apt-get update && apt-get install -y --no-install-recommends git=1:2.39 && rm -rf /var/lib/apt/lists/*",
  "RUN wget -O /tmp/x https://example.com/x && curl -fsSL https://example.com/y | sh",
  "RUN yarn install",
  "RUN <<EOF",
  "set -e",
  "apk add curl",
  "EOF",
  "LABEL org.opencontainers.image.created=$BUILD_DATE maintainer=me",
  "ONBUILD RUN apt-get install python3",
  "COPY --from=nowhere /a /b",
  "WORKDIR app",
  "",
  "FROM mcr.microsoft.com/powershell:7.4 AS win",
  'SHELL ["pwsh", "-Command"]',
  "RUN apt-get install curl; cd /tmp",
  "RUN Invoke-WebRequest -Uri https://example.com -OutFile x.zip",
  "",
  "FROM build AS final",
  "RUN cd /src && sudo make install \\",
  "    && apk add bash",
  "USER root",
  "EXPOSE 80/TCP 8080",
  'CMD ["node", "server.js"]',
  "CMD node other.js",
  "",
].join("\n");

/** A seeded generator (xorshift), so a failing sequence can be replayed. */
function seeded(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** One random edit of the kinds an editor makes: type or delete characters, add, remove or move lines. */
function edit(text: string, random: () => number): string {
  const lines = text.split("\n");
  const at = Math.floor(random() * lines.length);
  const line = lines[at]!;
  const col = Math.floor(random() * (line.length + 1));
  const pieces = [" ", "x", "\\", "$", "#", "1", '"', "curl ", "&& rm -rf /var/lib/apt/lists/*", "pwsh"];
  switch (Math.floor(random() * 6)) {
    case 0:
    case 1:
      lines[at] = line.slice(0, col) + pieces[Math.floor(random() * pieces.length)] + line.slice(col);
      break;
    case 2:
      lines[at] = line.slice(0, col) + line.slice(col + 1 + Math.floor(random() * 4));
      break;
    case 3:
      lines.splice(at, 0, BASE.split("\n")[Math.floor(random() * 30)]!);
      break;
    case 4:
      lines.splice(at, 1);
      break;
    default: {
      const to = Math.floor(random() * lines.length);
      lines.splice(to, 0, ...lines.splice(at, 1));
    }
  }
  return lines.join("\n");
}

const order = (a: Diagnostic, b: Diagnostic) =>
  a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code) || a.message.localeCompare(b.message);

/** A test rule declared local, counting its calls in `create`'s hooks. */
function localProbe(code: string, create: (ctx: DockerfileRuleContext) => DockerfileVisitor): DockerfileRule {
  return defineRule({
    code,
    name: `probe-${code.toLowerCase()}`,
    kind: "dockerfile",
    category: "correctness",
    severity: "warning",
    enabledByDefault: true,
    local: true,
    docs: md`probe`,
    create,
  });
}

/** A session without the memo: each lint parses and runs every rule afresh. */
const plain = new LintSession({ noConfigSearch: true });
async function fresh(text: string): Promise<Diagnostic[]> {
  return (await plain.lintFile({ path: "Dockerfile", text, kind: "dockerfile" })).diagnostics.sort(order);
}

describe("a memoizing session", () => {
  it("gives a fresh lint's findings after every one of 300 random edits (nodes kept by the re-parse too)", async () => {
    const random = seeded(20261123);
    const session = new LintSession({ noConfigSearch: true, memoize: true });
    let text = BASE;
    let previous: ReturnType<typeof parseDockerfile> | undefined;
    let compared = 0;
    for (let step = 0; step < 300; step++) {
      // Now and then go back to the original text, so findings recorded long ago are met again.
      text = step % 50 === 49 ? BASE : edit(text, random);
      const parsed = parseDockerfile(text, previous ? { previous } : {});
      previous = parsed;
      const memoized = (await session.lintFile({ path: "Dockerfile", text, kind: "dockerfile", parsed })).diagnostics.sort(order);
      expect(memoized, `after step ${step}:\n${text}`).toEqual(await fresh(text));
      compared += memoized.length;
    }
    expect(compared).toBeGreaterThan(300 * 10);
  }, 60_000);

  it("moves a kept finding with its instruction, fix included", async () => {
    const session = new LintSession({ noConfigSearch: true, memoize: true });
    const text = "FROM debian:12\nRUN apt-get update && apt-get install curl\n";
    const first = (await session.lintFile({ path: "Dockerfile", text, kind: "dockerfile" })).diagnostics.find((d) => d.code === "DL3014")!;
    const moved = "# a comment\n\n" + text;
    const second = (await session.lintFile({ path: "Dockerfile", text: moved, kind: "dockerfile" })).diagnostics.find((d) => d.code === "DL3014")!;
    const shift = "# a comment\n\n".length;
    expect(second.range).toEqual({ start: first.range.start + shift, end: first.range.end + shift });
    expect(second.fix!.edits.map((e) => e.range.start)).toEqual(first.fix!.edits.map((e) => e.range.start + shift));
    expect(moved.slice(second.range.start, second.range.end)).toBe(text.slice(first.range.start, first.range.end));
  });

  it("runs again a local rule's call that read more than its instruction", async () => {
    let calls = 0;
    const probe = localProbe("T001", (ctx) => ({
      Env(node) {
        calls++;
        // The number of stages is not the instruction's own: this call must not be kept.
        if (node.pairs.length > 0 && ctx.stages.length > 1) ctx.report(node, "two stages");
      },
    }));
    const session = new LintSession({ noConfigSearch: true, memoize: true, rules: [probe] });
    const one = "FROM a\nENV A=1\n";
    const codes = async (text: string) => (await session.lintFile({ path: "Dockerfile", text, kind: "dockerfile" })).diagnostics.map((d) => d.code);
    expect(await codes(one)).toEqual([]);
    expect(await codes(one + "FROM b\n")).toEqual(["T001"]);
    expect(await codes(one)).toEqual([]);
    expect(calls).toBe(3);
  });

  it("does not run a kept local call again", async () => {
    let calls = 0;
    const probe = localProbe("T002", (ctx) => ({
      Run(node) {
        calls++;
        if (ctx.text(node).includes("sudo")) ctx.report(node.keywordWord, "sudo");
      },
    }));
    const session = new LintSession({ noConfigSearch: true, memoize: true, rules: [probe] });
    const lintText = async (text: string) => (await session.lintFile({ path: "Dockerfile", text, kind: "dockerfile" })).diagnostics;
    await lintText("FROM a\nRUN sudo x\nRUN y\n");
    expect(calls).toBe(2);
    const again = await lintText("FROM a\n\nRUN sudo x\nRUN y\nRUN z\n");
    expect(calls).toBe(3);
    expect(again.map((d) => d.range.start)).toEqual([8]);
  });

  it("keeps only rules that have instruction hooks alone", () => {
    const instructionHooks = /^(Instruction|[A-Z][a-z]+)$/;
    const stub = new Proxy({}, { get: (_t, key) => (key === "options" ? {} : () => undefined) });
    for (const rule of ALL_RULES) {
      if (rule.kind !== "dockerfile" || !rule.local) continue;
      const hooks = Object.keys(rule.create(stub as never));
      expect(hooks.length, rule.code).toBeGreaterThan(0);
      for (const hook of hooks) expect(["File", "Stage", "Comment", "Directive"].includes(hook) || !instructionHooks.test(hook), `${rule.code} ${hook}`).toBe(false);
    }
  });
});
