import type { Instruction, RunInstruction } from "@shipshape/dockerfile";
import { defineRule, type DockerfileRuleContext } from "../../rule.js";
import { md } from "../../docs.js";
import { posixScripts } from "./support/shell-commands.js";

/**
 * True when a RUN is one command (a pipeline counts as one): exec form, or a shell script with no
 * `&&`, `||`, `;`, `&` or newline between top-level statements. Heredoc RUNs are scripts, never merged.
 */
function isSingleCommand(ctx: DockerfileRuleContext<any>, run: RunInstruction): boolean {
  if (run.command?.kind === "JsonForm") return true;
  if (run.heredocs.length > 0 || !run.command) return false;
  const scripts = posixScripts(ctx, run);
  const script = scripts[0]?.script;
  if (scripts.length !== 1 || !script?.parsed || script.hasSyntaxError || script.commands.length === 0) return false;
  return !script.commands.some((c) =>
    c.context.depth === 0 && !c.context.inCompound && !c.context.inFunction && !c.context.inNestedShell &&
    c.connector !== undefined && c.connector !== "|" && c.connector !== "|&");
}

function flagsOf(run: RunInstruction): string {
  return run.flags.map((f) => f.text).sort().join("\n");
}

function sameFlags(a: RunInstruction, b: RunInstruction): boolean {
  // Most RUNs have no flags: nothing to sort and join then.
  if (a.flags.length === 0 && b.flags.length === 0) return true;
  return flagsOf(a) === flagsOf(b);
}

export default defineRule({
  code: "DL3059",
  name: "consecutive-run",
  kind: "dockerfile",
  category: "performance",
  severity: "info",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a \`RUN\` right after another \`RUN\` (comments between them do not count) when both are single
    commands and have the same flags.

    ## Why is this bad?
    Each \`RUN\` is a layer. Two one-command steps in a row can usually be one step joined with \`&&\`: fewer
    layers, and files one command creates and the next deletes never reach the image.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    RUN mkdir -p /app
    RUN chown 1000 /app
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    RUN mkdir -p /app \\
     && chown 1000 /app
    \`\`\`

    ## Fix safety
    No fix is offered: whether two steps belong together (for the build cache) is your choice.

    ## Differences from hadolint
    Heredoc \`RUN\`s are scripts and never reported (hadolint suggests merging them, issue #805). Flags are
    compared as a set, so \`--network=none --mount=...\` equals the same flags in the other order. Command
    chains are recognised by parsing, so a \`;\` inside quotes does not make a chain. PowerShell and cmd stages
    are not checked.
  `,
  create: (ctx) => {
    let previous: Instruction | undefined;
    return {
      Stage() {
        previous = undefined;
      },
      Instruction(node) {
        const prev = previous;
        previous = node;
        if (node.kind !== "Run" || prev?.kind !== "Run") return;
        if (!sameFlags(node, prev) || !isSingleCommand(ctx, prev) || !isSingleCommand(ctx, node)) return;
        ctx.report(node.keywordWord, "This RUN follows another single-command RUN with the same flags: join them with && to save a layer", {
          related: [{ message: "the RUN before", target: prev.keywordWord }],
        });
      },
    };
  },
});
