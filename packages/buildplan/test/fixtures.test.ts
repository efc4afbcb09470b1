// Golden plans of the repository's example Dockerfiles, checked in under fixtures/plans/ for review.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { plan, planToJson, renderDot, renderMermaid, renderPlanText, type PlanOptions } from "@shipshape/buildplan";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const golden = (name: string): string => `${root}fixtures/plans/${name}`;

const CASES: { name: string; file: string; options: PlanOptions }[] = [
  { name: "web", file: "fixtures/web/Dockerfile", options: {} },
  {
    name: "web.changed-package-json",
    file: "fixtures/web/Dockerfile",
    options: { changedPaths: ["package.json"], dockerignore: "node_modules\n*.md\n" },
  },
  { name: "go-service", file: "fixtures/go-service/Dockerfile", options: {} },
  {
    name: "go-service.arm64.changed-go-mod",
    file: "fixtures/go-service/Dockerfile",
    options: { platform: "linux/arm64", changedPaths: ["go.mod"], buildArgs: { GO_VERSION: "1.22" } },
  },
  { name: "legacy", file: "fixtures/legacy/Dockerfile", options: {} },
];

describe("golden plans of fixtures/", () => {
  for (const c of CASES) {
    const text = readFileSync(`${root}${c.file}`, "utf8");
    const p = plan(text, { dockerfilePath: c.file, ...c.options });
    it(`${c.name}: text`, async () => {
      await expect(renderPlanText(p)).toMatchFileSnapshot(golden(`${c.name}.txt`));
    });
    it(`${c.name}: json`, async () => {
      await expect(JSON.stringify(planToJson(p), null, 2) + "\n").toMatchFileSnapshot(golden(`${c.name}.json`));
    });
  }
  it("go-service: mermaid and dot", async () => {
    const p = plan(readFileSync(`${root}fixtures/go-service/Dockerfile`, "utf8"));
    await expect(renderMermaid(p)).toMatchFileSnapshot(golden("go-service.mmd"));
    await expect(renderDot(p)).toMatchFileSnapshot(golden("go-service.dot"));
  });
});
