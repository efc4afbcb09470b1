/**
 * The extension in real VS Code: runs test/vscode/run-e2e.sh once (code-server + headless chromium; the
 * first run installs its tools, about 3 minutes) and turns each of the driver's checks into a test, with
 * what the page showed as the failure message. Screenshots land in test/vscode/screenshots/.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
  screenshot?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const CHECKS = [
  "coexistence: with the Docker extension active, shipshape hides its duplicate by default",
  "coexistence: showAll shows shipshape's copy too, and deduplicate hides it again",
  "Dockerfile diagnostics carry shipshape codes",
  "a quick fix applies (FromAsCasing: as -> AS)",
  "hover on a variable shows its value",
  "completion after COPY --from= lists the stages",
  "compose: the undefined network is reported at its line",
  "compose: completion in depends_on lists services",
  "Fix all applies every safe fix",
  "Explain rule shows the rule's documentation",
  "Show build plan renders the stage graph",
  "the build plan follows edits to the Dockerfile",
];

describe("shipshape in VS Code (code-server)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "shipshape-vscode-e2e-"));
  const resultFile = path.join(dir, "results.json");
  let results: CheckResult[] = [];
  let log = "";

  beforeAll(() => {
    const run = spawnSync("bash", [path.join(here, "run-e2e.sh")], {
      env: { ...process.env, RESULT: resultFile },
      encoding: "utf8",
      timeout: 900_000,
    });
    log = `${run.stdout ?? ""}${run.stderr ?? ""}`;
    if (existsSync(resultFile)) results = JSON.parse(readFileSync(resultFile, "utf8")) as CheckResult[];
  }, 900_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the run produced results and no driver error", () => {
    expect(results.length, log.slice(-3000)).toBeGreaterThan(0);
    expect(results.filter((r) => r.name === "driver")).toEqual([]);
  });

  it.each(CHECKS)("%s", (name) => {
    const r = results.find((x) => x.name === name);
    expect(r, `check did not run:\n${log.slice(-2000)}`).toBeDefined();
    expect(r!.ok, `${r!.detail}\n(screenshot ${r!.screenshot})`).toBe(true);
  });
});
