/** RUN: the exec op (argv after shell wrapping, env, cwd, user, mounts) and its content inputs. */
import type { RunInstruction } from "@shipshape/dockerfile";
import type { Range } from "@shipshape/text";
import {
  absolute, commandArgv, depOf, flagValue, opContext, ownText, resolvePath,
  type ContentInput, type DispatchContext, type Expander, type StepDraft,
} from "./dispatch-common.js";
import type { StageInfo } from "./graph.js";
import { checkLocalSource } from "./source-checks.js";
import { sharedBuildEnv, type BuildState } from "./state.js";
import { expandForDisplay, type Escape } from "./vars.js";

export function dispatchRun(instr: RunInstruction, state: BuildState, stage: StageInfo, ctx: DispatchContext, d: StepDraft, x: Expander): void {
  const escape: Escape = ctx.graph.escape;
  const mounts = instr.mounts.map((m) => {
    const expanded: Record<string, string> = {};
    for (const field of m.fields) {
      const key = field.key.value.toLowerCase();
      const raw = field.value?.value ?? "";
      expanded[key] = key === "from" ? raw : x(raw, field.value?.range ?? field.range);
    }
    const sourceField = m.fields.find((f) => ["source", "src"].includes(f.key.value.toLowerCase()));
    if (ctx.report) checkMount(m.type, expanded, state.workdir ?? "/", m.range, ctx);
    return { type: m.type, values: expanded, sourceRange: sourceField?.value?.range ?? m.range };
  });
  const inputs: ContentInput[] = [];
  const mountKeys: unknown[] = [];
  for (const m of mounts) {
    const v = m.values;
    const target = resolvePath(state.workdir ?? "/", v["target"] ?? v["dst"] ?? v["destination"] ?? "");
    if (m.type === "bind") {
      const source = v["source"] ?? v["src"] ?? "/";
      const from = v["from"];
      if (from === undefined || from === "") {
        inputs.push({ kind: "context", sources: [source], excludes: [] });
        if (ctx.report) checkLocalSource(source, m.sourceRange, ctx);
      }
      else {
        const dep = depOf(stage, "mount-from", instr, from);
        if (dep?.target.kind === "stage") inputs.push({ kind: "stage", index: dep.target.index, paths: [absolute(source)] });
        else if (dep?.target.kind === "context") inputs.push({ kind: "context", sources: [source], excludes: [], namedContext: dep.target.value });
        else if (dep?.target.kind === "image") inputs.push({ kind: "image", ref: dep.target.ref, paths: [absolute(source)] });
      }
      mountKeys.push(["bind", target, source, v["rw"] !== undefined || v["readwrite"] !== undefined]);
    } else if (m.type === "cache") {
      // Only the target (and the namespace) is part of the key, never the contents.
      mountKeys.push(["cache", target]);
    } else if (m.type === "secret") {
      mountKeys.push(["secret", v["id"] ?? "", v["target"] ?? v["dst"] ?? "", v["env"] ?? ""]);
    } else if (m.type === "ssh") {
      mountKeys.push(["ssh", v["id"] ?? "default", target]);
    } else {
      mountKeys.push([m.type, target, v["size"] ?? ""]);
    }
  }
  const argv = instr.command ? commandArgv(instr.command, state.shell) : [];
  const heredocs = instr.heredocs.map((h) => h.content);
  // The same env object (hashed once) for every RUN until an ENV or ARG changes it.
  const env = sharedBuildEnv(state);
  const net = flagValue(instr, "network");
  const sec = flagValue(instr, "security");
  d.vertex = {
    opParts: ["exec", argv, heredocs, env, state.workdir ?? "/", state.user ?? "root", net ?? "", sec ?? "", mountKeys, ctx.buildArgs["BUILDKIT_SANDBOX_HOSTNAME"] ?? "", opContext(stage, ctx)],
    chain: true,
    inputs,
  };
  d.layer = true;
  const shadowed = state.args.filter((a) => a.value !== undefined && state.configEnv.has(a.name) && state.configEnv.get(a.name) !== a.value);
  d.shadowed = shadowed.map((a) => a.name);
  const rest = ownText(instr).slice(instr.keywordWord.value.length);
  // BuildKit names a heredoc RUN after its first line too.
  const firstLine = instr.heredocs[0]?.content.split(/\r?\n/).find((l) => l.trim() !== "");
  d.expanded = "RUN" + expandForDisplay(rest, state.buildEnv, escape) + (firstLine !== undefined ? ` (${firstLine.trim()}...)` : "");
  const declared = state.args.filter((a) => a.value !== undefined || state.buildEnv.has(a.name));
  const prefix = declared.length > 0 ? `|${declared.length} ${declared.map((a) => `${a.name}=${state.buildEnv.get(a.name) ?? a.value ?? ""}`).join(" ")} ` : "";
  d.history = `RUN ${prefix}${argv.join(" ")} # buildkit`;
}

const MOUNT_TYPES = new Set(["bind", "cache", "tmpfs", "secret", "ssh"]);

/**
 * What BuildKit refuses when it dispatches a RUN --mount (the parser accepts any type): an unknown type, and
 * a target that resolves to `/` (a relative or missing target is joined to the WORKDIR).
 */
function checkMount(type: string, values: Record<string, string>, workdir: string, range: Range, ctx: DispatchContext): void {
  if (!MOUNT_TYPES.has(type)) {
    ctx.sink.report("InvalidMount", `unsupported mount type "${type}"`, range);
    return;
  }
  if (type === "secret" || type === "ssh") return; // they default their target
  const target = values["target"] ?? values["dst"] ?? values["destination"] ?? "";
  if (resolvePath(workdir, target) === "/") ctx.sink.report("InvalidMount", `invalid mount target "${target === "" ? "/" : target}"`, range);
}
