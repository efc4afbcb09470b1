import type { Instruction } from "@shipshape/dockerfile";
import { hasFlag, type ShellAssignment } from "@shipshape/shell";
import { defineRule, type DockerfileRuleContext } from "../../rule.js";
import { md } from "../../docs.js";
import { allCommands, cacheMountTargets, insertAfterWord, pipInstalls, scopeOf, TRUTHY, type FoundCommand } from "./support/shell-commands.js";

const SETTING = "PIP_NO_CACHE_DIR";

function truthy(value: string | undefined): boolean {
  return value !== undefined && TRUTHY.has(value.replace(/^["']|["']$/g, ""));
}

/** `PIP_NO_CACHE_DIR=1` set by the environment, by the command itself, or earlier in the RUN. */
function cacheDisabled(ctx: DockerfileRuleContext<any>, node: Instruction, call: FoundCommand): boolean {
  if (truthy(scopeOf(ctx, node).lookup(SETTING))) return true;
  const sets = (a: ShellAssignment) => a.name === SETTING && truthy(a.value?.value);
  if (call.cmd.assignments.some(sets)) return true;
  return allCommands(ctx, node).some((c) =>
    c.order < call.order && (c.cmd.assignments.some(sets) || (c.cmd.name?.value === "export" && c.cmd.args.some((w) => {
      const [name, value] = w.value.split("=", 2);
      return name === SETTING && truthy(value);
    }))));
}

export default defineRule({
  code: "DL3042",
  name: "pip-cache-dir",
  kind: "dockerfile",
  category: "performance",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  fix: "safe",
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags \`pip install\` without \`--no-cache-dir\`, unless \`PIP_NO_CACHE_DIR\` is set to a true value (by
    \`ENV\`/\`ARG\` in the stage or a stage it builds on, or in the \`RUN\` itself) or a cache/tmpfs mount holds
    pip's cache.

    ## Why is this bad?
    pip keeps every downloaded wheel in \`~/.cache/pip\`. In an image that cache is never used again, but it
    is committed into the layer with the installed packages.

    ## Example
    \`\`\`dockerfile
    FROM python:3.12
    RUN pip install flask==3.0.3
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM python:3.12
    RUN pip install --no-cache-dir flask==3.0.3
    \`\`\`

    \`\`\`dockerfile
    FROM python:3.12
    RUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0.3
    \`\`\`

    ## Fix safety
    The fix inserts \`--no-cache-dir\` right after \`install\`. It is safe: only the download cache changes.

    ## Differences from hadolint
    \`PIP_NO_CACHE_DIR\` counts when set by an \`ARG\` too (ARGs are in the environment of \`RUN\`), by
    \`env PIP_NO_CACHE_DIR=1 pip ...\`, or by an earlier \`export\` in the same \`RUN\`; a mention of it after
    the install does not. A cache mount on \`~/.cache\` counts as well as one on \`~/.cache/pip\`. Wrapped
    commands and heredoc scripts are checked too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      const calls = pipInstalls(ctx, node);
      if (calls.length === 0) return;
      if (cacheMountTargets(node).some((t) => t.endsWith(".cache/pip") || t.endsWith("/.cache"))) return;
      for (const call of calls) {
        if (hasFlag(call.pip, "no-cache-dir") || cacheDisabled(ctx, node, call)) continue;
        ctx.report(call.cmd.name!, "pip install keeps its download cache in the layer: add --no-cache-dir", {
          fix: insertAfterWord(ctx, call.install, "--no-cache-dir", "Add --no-cache-dir to pip install"),
        });
      }
    },
  }),
});
