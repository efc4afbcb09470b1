// plan() over every real-world Dockerfile of the shared corpus: it never throws, never reports an internal
// error, every renderer accepts its result, and every stage can be planned as the target.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { plan, planToJson, renderDot, renderMermaid, renderPlanText } from "@shipshape/buildplan";
import { parseDockerfile } from "@shipshape/dockerfile";
import { analyzeDockerfile } from "@shipshape/semantic";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const corpus = path.resolve(repoRoot, "../shared/corpus/dockerfiles");

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const files = walk(corpus);

describe("plan over the corpus", () => {
  it("finds the corpus", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("plans every file without throwing or an internal error, also with named stages as targets", () => {
    const failures: string[] = [];
    let stagesPlanned = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const rel = path.relative(corpus, file);
      try {
        const p = plan(text, { dockerfilePath: rel, changedPaths: ["go.mod", "package.json", "src/main.c"], dockerignore: "*.md\n.git\n" });
        if (p.diagnostics.some((d) => d.code === "internal-error")) failures.push(`${rel}: ${p.diagnostics.find((d) => d.code === "internal-error")!.message}`);
        renderPlanText(p);
        renderMermaid(p);
        renderDot(p);
        JSON.stringify(planToJson(p));
        // Every named stage as the target (the first few per file keep the run short).
        for (const s of p.stages.filter((x) => x.name !== null).slice(0, 5)) {
          if (s.name === null) continue;
          const q = plan(text, { target: s.name, platform: "linux/arm64" });
          stagesPlanned++;
          if (q.target !== s.id) failures.push(`${rel}: target ${s.name} resolved to ${q.target}`);
          if (q.diagnostics.some((d) => d.code === "internal-error")) failures.push(`${rel} --target ${s.name}: internal error`);
        }
      } catch (err) {
        failures.push(`${rel}: threw ${err instanceof Error ? err.stack : String(err)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(stagesPlanned).toBeGreaterThan(0);
  });

  it("agrees with @shipshape/semantic's model on stage ids, base stages and the stages built", () => {
    const diffs: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const p = plan(text);
      const model = analyzeDockerfile(parseDockerfile(text).ast);
      const ours = p.stages.map((s) => `${s.id}:${s.built}:${s.baseStage}`).join(" ");
      const theirs = model.stages
        .map((s) => `${s.displayName}:${s.reachable}:${s.base.kind === "stage" ? s.base.stage.displayName : null}`)
        .join(" ");
      if (ours !== theirs) diffs.push(`${path.relative(corpus, file)}: ${ours} <> ${theirs}`);
    }
    expect(diffs).toEqual([]);
  });

  it("agrees with @shipshape/semantic on the ARG and ENV values every RUN of a built stage sees", () => {
    const diffs: string[] = [];
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const p = plan(text);
      const model = analyzeDockerfile(parseDockerfile(text).ast);
      for (const st of model.stages) {
        const ours = p.stages[st.index];
        if (!ours?.built) continue;
        for (const instr of st.instructions) {
          if (instr.kind !== "Run") continue;
          const step = ours.steps.find((s) => s.line === instr.startLine && s.instruction === "RUN");
          if (!step) continue;
          const theirs = new Map([...model.scopeAt(instr).entries].map(([k, e]) => [k, e.value]));
          const mine = new Map(Object.entries({ ...step.state.env, ...step.state.args }));
          for (const k of new Set([...mine.keys(), ...theirs.keys()])) {
            if (k === "PATH") continue; // unknown for external images; each side marks that differently
            compared++;
            if (mine.get(k) !== theirs.get(k)) diffs.push(`${path.relative(corpus, file)}:${instr.startLine} ${k}: ${mine.get(k)} <> ${theirs.get(k)}`);
          }
        }
      }
    }
    expect(diffs).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  });
});
