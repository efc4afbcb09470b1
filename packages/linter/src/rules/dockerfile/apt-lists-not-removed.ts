import type { Instruction } from "@shipshape/dockerfile";
import { commandName, positionalArgs, type ParsedEmbeddedScript, type ShellCommand } from "@shipshape/shell";
import type { Fix } from "@shipshape/text";
import { defineRule, type DockerfileRuleContext } from "../../rule.js";
import { md } from "../../docs.js";
import { allCommands, cacheMountCovers, posixScripts, removesLater, runsLater, stageLeavesImage, toolCalls } from "./support/shell-commands.js";

const LISTS = "/var/lib/apt/lists";

/** apt's options that take a value (`-o Dir::Cache=...`, `-c file`). */
export const APT_VALUE_FLAGS = ["o", "option", "c", "config-file"];
const APT_TOOLS = ["apt-get", "apt", "aptitude"];
const UPDATE = ["update"];
const DIST_CLEAN_SYNTAX = { valueFlags: APT_VALUE_FLAGS };

/** `apt-get dist-clean` (apt 2.7 and later) removes the package lists as well as the archives. */
function distClean(cmd: ShellCommand): boolean {
  const name = commandName(cmd);
  return (name === "apt-get" || name === "apt") && positionalArgs(cmd, DIST_CLEAN_SYNTAX)[0]?.value === "dist-clean";
}

/**
 * The last statement of a script when it is a plain top-level command, so that ` && rm ...` can follow
 * it: not inside a subshell, substitution, function or compound body, not sent to the background.
 */
function lastTopLevelCommand(script: ParsedEmbeddedScript): ShellCommand | undefined {
  const commands = script.script.commands;
  if (commands.length === 0) return undefined;
  const lastEnd = Math.max(...commands.map((c) => c.scriptRange.end));
  const last = commands.find((c) => c.scriptRange.end === lastEnd && c.context.depth === 0);
  if (!last || last.context.inCompound || last.context.inFunction || last.context.inNestedShell || last.background) return undefined;
  return last;
}

function appendCleanup(ctx: DockerfileRuleContext<any>, node: Instruction): Fix | undefined {
  const scripts = posixScripts(ctx, node);
  const script = scripts[0];
  // An exec-form command has no shell to run `&& rm` with.
  if (scripts.length !== 1 || !script || script.kind === "exec-form" || (script.kind === "shell-form" && node.heredocs.length > 0)) return undefined;
  const last = lastTopLevelCommand(script);
  return last ? ctx.fix.insertAfter(last.range, ` && rm -rf ${LISTS}/*`, `Append rm -rf ${LISTS}/* to the RUN`) : undefined;
}

export default defineRule({
  code: "DL3009",
  name: "apt-lists-not-removed",
  kind: "dockerfile",
  category: "performance",
  severity: "info",
  enabledByDefault: true,
  local: true,
  fix: "unsafe",
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags a \`RUN\` that runs \`apt-get update\` (or \`apt update\`, \`aptitude update\`) and does not remove
    \`/var/lib/apt/lists\` afterwards in the same \`RUN\`, in a stage whose files end up in an image (the last
    stage, or a stage another \`FROM\` builds on).

    ## Why is this bad?
    \`apt-get update\` downloads the package lists, tens of megabytes that nothing in the running container
    needs. Once the layer is committed, deleting them in a later \`RUN\` no longer makes the image smaller.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    RUN apt-get update && apt-get install -y --no-install-recommends curl
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    RUN apt-get update && apt-get install -y --no-install-recommends curl \\
     && rm -rf /var/lib/apt/lists/*
    \`\`\`

    Or keep the lists out of the layer with a cache mount:

    \`\`\`dockerfile
    FROM debian:12
    RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl
    \`\`\`

    ## Fix safety
    The fix appends \` && rm -rf /var/lib/apt/lists/*\` after the last command of the \`RUN\` (offered when
    that command is a plain top-level one, so the chain stays valid also across backslash continuations). It is
    unsafe: a later \`RUN\` that installs packages without its own \`apt-get update\` fails once the lists are gone.

    ## Differences from hadolint
    hadolint is satisfied by any \`rm -rf\`, whatever it removes. Here only an \`rm\` that runs after the update
    and removes \`/var/lib/apt/lists\` (its contents, or a parent directory), a later \`apt-get dist-clean\`
    (apt 2.7 and later, which removes the lists too), or a cache/tmpfs mount on that directory or a parent,
    counts. A stage is known to be a base also when a \`FROM\` names it through an \`ARG\`. Heredoc scripts
    and wrapped commands (\`sudo apt-get\`) are read too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      const updates = toolCalls(ctx, node, APT_TOOLS, UPDATE, APT_VALUE_FLAGS);
      if (updates.length === 0 || cacheMountCovers(node, LISTS)) return;
      const commands = allCommands(ctx, node);
      const bare = updates.find((u) => !removesLater(commands, u, LISTS) && !runsLater(commands, u, distClean));
      // The stage is looked at last: a RUN that cleans up is judged from its own text (see `local`).
      if (!bare || !stageLeavesImage(ctx, node)) return;
      ctx.report(bare.subcommand, `Remove ${LISTS} after '${bare.cmd.name!.value} update' in the same RUN: the package lists stay in the layer`, {
        fix: appendCleanup(ctx, node),
      });
    },
  }),
});
