/** The human-readable plan: stages in build order, skipped ones last, each step, then the final image. */
import { visibleControls } from "@shipshape/text";
import type { BuildPlan, ImageConfig, StagePlan, StepPlan } from "./types.js";

export function renderPlanText(plan: BuildPlan): string {
  const out: string[] = [];
  const byId = new Map(plan.stages.map((s) => [s.id, s]));
  const platform = plan.targetPlatform === plan.buildPlatform ? plan.targetPlatform : `${plan.targetPlatform} (built on ${plan.buildPlatform})`;
  out.push(`Target: ${plan.target ?? "(none)"}  platform: ${platform}`);
  if (plan.order.length > 0) out.push(`Build order: ${plan.order.map((w) => w.join(" + ")).join("  ->  ")}`);
  if (plan.images.length > 0) out.push(`Images: ${plan.images.join(", ")}`);
  if (plan.contextPaths.length > 0) out.push(`Context sent: ${plan.contextPaths.length === 1 && plan.contextPaths[0] === "." ? "everything (after .dockerignore)" : plan.contextPaths.join(", ")}`);
  const valued = plan.globalArgs.filter((a) => a.value !== undefined);
  if (valued.length > 0) out.push(`Global ARGs: ${valued.map((a) => `${a.name}=${a.value} (${a.source})`).join(", ")}`);

  const ordered: StagePlan[] = plan.order.flat().map((id) => byId.get(id)!).filter(Boolean);
  for (const s of plan.stages) if (!ordered.includes(s)) ordered.push(s);
  for (const s of ordered) {
    out.push("");
    out.push(stageHeader(s));
    if (s.description) out.push(`  # ${s.description}`);
    if (!s.built) {
      out.push(`  skipped: ${s.skippedBecause ?? "not built"}`);
      continue;
    }
    for (const step of s.steps) out.push(stepLine(step, plan.cacheAnalysed));
    if (plan.cacheAnalysed) {
      const first = s.firstMiss !== null ? s.steps[s.firstMiss] : undefined;
      out.push(`  first step to re-run: ${first ? `line ${first.line} ${first.instruction}` : "none"}`);
    }
  }

  if (plan.image) {
    out.push("");
    out.push(`Image (${plan.target}):`);
    out.push(...imageLines(plan.image));
  }
  if (plan.diagnostics.length > 0) {
    out.push("");
    out.push("Diagnostics:");
    for (const d of plan.diagnostics) out.push(`  ${d.line}:${d.column}  ${d.severity}  ${d.code}  ${d.message}`);
  }
  // For a terminal: an escape sequence in the Dockerfile is shown, not run.
  return visibleControls(out.join("\n")) + "\n";
}

function stageHeader(s: StagePlan): string {
  const from = s.baseStage ? `stage ${s.baseStage}` : s.baseKind === "scratch" ? "scratch" : s.base;
  const deps = s.dependsOn.length > 0 ? `, needs ${s.dependsOn.join(", ")}` : "";
  const ctx = s.context ? `, named context ${s.context}` : "";
  return `Stage ${s.id} (#${s.index}, line ${s.line}) from ${from} [${s.platform}${deps}${ctx}]${s.built ? "" : " SKIPPED"}`;
}

function stepLine(step: StepPlan, cacheAnalysed: boolean): string {
  const kind = step.layer ? "layer" : step.vertex ? "source" : "meta";
  const cache = cacheAnalysed ? `  ${step.cache.padEnd(17)}` : "";
  const text = oneLine(step.expanded);
  const reason = cacheAnalysed && step.cacheReason ? `   (${step.cacheReason})` : "";
  return `  ${String(step.line).padStart(4)}  ${kind.padEnd(6)}${cache}  ${text}${reason}`;
}

function oneLine(text: string): string {
  const t = text.replace(/\s+/g, " ");
  return t.length > 100 ? `${t.slice(0, 97)}...` : t;
}

function imageLines(img: ImageConfig): string[] {
  const out: string[] = [];
  const show = (k: string, v: string): void => void out.push(`  ${k.padEnd(12)}${v}`);
  if (img.inheritsUnknownBase) show("base", "external image (its own config is not known offline)");
  if (img.platform) show("platform", img.platform);
  if (img.workdir !== undefined) show("workdir", img.workdir);
  if (img.user !== undefined) show("user", img.user);
  for (const [k, v] of Object.entries(img.env)) show("env", `${k}=${v}`);
  if (img.entrypoint !== undefined) show("entrypoint", JSON.stringify(img.entrypoint));
  if (img.cmd !== undefined) show("cmd", JSON.stringify(img.cmd));
  if (img.exposedPorts.length > 0) show("expose", img.exposedPorts.join(" "));
  if (img.volumes.length > 0) show("volumes", img.volumes.join(" "));
  for (const [k, v] of Object.entries(img.labels)) show("label", `${k}=${v}`);
  if (img.healthcheck) show("healthcheck", JSON.stringify(img.healthcheck));
  if (img.stopSignal !== undefined) show("stopsignal", img.stopSignal);
  if (img.shell !== undefined) show("shell", JSON.stringify(img.shell));
  for (const t of img.onBuild) show("onbuild", t);
  return out;
}
