/** COPY and ADD: the file op (sources, dest, flags, `--link`) and its content inputs. */
import type { AddInstruction, CopyInstruction } from "@shipshape/dockerfile";
import {
  absolute, depOf, flagValue, opContext, resolvePath,
  type ContentInput, type DispatchContext, type Expander, type StepDraft,
} from "./dispatch-common.js";
import type { StageInfo } from "./graph.js";
import { checkLocalSource } from "./source-checks.js";
import { isRemoteSource } from "./sources.js";
import type { BuildState } from "./state.js";
import { expand } from "./vars.js";

export function dispatchCopy(
  instr: CopyInstruction | AddInstruction,
  state: BuildState,
  stage: StageInfo,
  ctx: DispatchContext,
  d: StepDraft,
  x: Expander,
): void {
  const sources = instr.sources.map((w) => ({ raw: w.value, value: x(w.value, w.range), range: w.range }));
  const destRaw = instr.destination?.value ?? "";
  const dest = x(destRaw, instr.destination?.range ?? instr.args.range);
  const destAbs = dest.endsWith("/") || dest === "." ? `${resolvePath(state.workdir ?? "/", dest)}/`.replace(/\/\/$/, "/") : resolvePath(state.workdir ?? "/", dest);
  const chown = instr.chown ? x(instr.chown.value?.value ?? "", instr.chown.range) : "";
  const chmod = instr.chmod ? x(instr.chmod.value?.value ?? "", instr.chmod.range) : "";
  const excludes = instr.exclude.map((f) => f.value?.value ?? "");
  const linkValue = instr.link ? (instr.link.value?.value ?? "true").toLowerCase() : "false";
  const link = linkValue !== "false" && chmod === "";
  const inputs: ContentInput[] = [];
  const local: string[] = [];
  const fromDep = instr.kind === "Copy" && instr.from ? depOf(stage, "copy-from", instr) : undefined;
  const isFromFlag = instr.kind === "Copy" && instr.from !== undefined;

  for (const s of sources) {
    const heredocName = instr.heredocs.length > 0 && s.raw.startsWith("<<") ? /^<<-?["']?([^"']+)["']?$/.exec(s.raw)?.[1] : undefined;
    const h = heredocName ? instr.heredocs.find((hd) => hd.name === heredocName) : undefined;
    if (h) {
      const body = h.expand ? expand(h.content, state.buildEnv, ctx.graph.escape).value : h.content;
      inputs.push({ kind: "inline", text: body });
      continue;
    }
    if (instr.kind === "Add" && isRemoteSource(s.value)) {
      inputs.push({ kind: "remote", url: s.value, pinned: instr.checksum !== undefined });
      continue;
    }
    local.push(s.value);
    if (!isFromFlag && ctx.report) checkLocalSource(s.value, s.range, ctx);
  }
  if (local.length > 0) {
    if (!isFromFlag) inputs.push({ kind: "context", sources: local, excludes });
    else if (fromDep?.target.kind === "stage") inputs.push({ kind: "stage", index: fromDep.target.index, paths: local.map(absolute) });
    else if (fromDep?.target.kind === "image") inputs.push({ kind: "image", ref: fromDep.target.ref, paths: local.map(absolute) });
    else if (fromDep?.target.kind === "context") inputs.push({ kind: "context", sources: local, excludes, namedContext: fromDep.target.value });
  }
  d.vertex = {
    opParts: [instr.keyword, sources.map((s) => s.value), destAbs, chown, chmod, excludes, link, flagValue(instr, "parents") ?? "", opContext(stage, ctx)],
    chain: !link,
    inputs,
  };
  d.layer = true;
  const flags = [instr.chown ? `--chown=${chown}` : "", instr.chmod ? `--chmod=${chmod}` : ""].filter(Boolean);
  const displayFlags = [...(instr.link ? [instr.link.text] : []), ...instr.exclude.map((f) => f.text), ...flags];
  const fromText = isFromFlag ? `--from=${(instr as CopyInstruction).from!.value?.value ?? ""} ` : "";
  d.expanded = `${instr.keyword} ${fromText}${displayFlags.map((f) => f + " ").join("")}${sources.map((s) => s.value).join(" ")} ${dest}`.trimEnd();
  d.history = `${instr.keyword} ${flags.map((f) => f + " ").join("")}${sources.map((s) => (s.raw.startsWith("<<") ? s.raw.replace(/["']/g, "") : s.value)).join(" ")} ${dest} # buildkit`;
}
