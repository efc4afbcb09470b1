// The README's quick start, as a new user types it after `npm install`: the command is read from the README,
// so this test follows it when it changes, and run through npm's bin link (npx), not the bin's path.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, ensureBuilt } from "./helpers.js";

// npx starts npm before the bin: about 2 s alone, and 5 s when the other test files keep both cores busy.
const NPX_TIMEOUT = 120_000;

/** The command after `npm install && ` in the README's first shell block. */
function quickStartCommand(): string[] {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const block = /## Quick start\s+```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  const line = block?.split("\n").find((l) => l.startsWith("npm install && "));
  if (!line) throw new Error("README: no `npm install && ...` line in the Quick start block");
  return line.slice("npm install && ".length).trim().split(/\s+/);
}

describe("the README's quick start", () => {
  it("lints the bundled fixtures (three Dockerfiles and a compose file), with a summary and exit 1 for their deliberate findings", () => {
    ensureBuilt();
    const [npx, ...args] = quickStartCommand();
    expect([npx, ...args.slice(0, 2)]).toEqual(["npx", "shipshape", "lint"]);
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
    for (const k of Object.keys(env)) if (k.startsWith("SHIPSHAPE_") || k.startsWith("HADOLINT_")) delete env[k];
    const r = spawnSync("npx", ["--no-install", ...args], { cwd: ROOT, env, encoding: "utf8", timeout: NPX_TIMEOUT });
    expect(r.status, r.stderr).toBe(1);
    // npm may log about itself (a setting it does not know, a newer npm); shipshape itself says nothing on stderr.
    expect(r.stderr.split("\n").filter((l) => l.trim() !== "" && !/^npm (warn|notice|info|http|timing|verbose)\b/.test(l))).toEqual([]);
    const files = new Set([...r.stdout.matchAll(/^(fixtures\/\S+?):\d+:\d+: /gm)].map((m) => m[1]));
    // go-service is the clean example: linted (four files in the summary), nothing to report.
    expect([...files].sort()).toEqual(["fixtures/compose.yaml", "fixtures/legacy/Dockerfile", "fixtures/web/Dockerfile"]);
    expect(r.stdout).toMatch(/^\d+ problems \(\d+ errors, \d+ warnings, \d+ info, \d+ style\) in 4 files\.$/m);
    expect(r.stdout).not.toMatch(/internal-error/);
  }, NPX_TIMEOUT);
});
