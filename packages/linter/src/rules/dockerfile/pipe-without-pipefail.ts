import type { Instruction } from "@shipshape/dockerfile";
import { commandName, setsPipefail, type ParsedEmbeddedScript, type ShellPipeline, type ShellWord } from "@shipshape/shell";
import type { Range } from "@shipshape/text";
import { defineRule, type DockerfileRuleContext } from "../../rule.js";
import { md } from "../../docs.js";
import { posixScripts } from "./support/shell-commands.js";

/** `-o`, or a cluster ending in it (`-eo`, `-euxo`). */
const O_OPTION = /^-[A-Za-z]*o$/;
const POSIX_SHELL_NAME = /^(ba|z|k|mk|a|da)?sh$/;

/** `-o pipefail` among a shell's arguments (also `-eo pipefail`, `-euxo pipefail`). */
function hasPipefailOption(argv: readonly string[]): boolean {
  for (let i = 0; i + 1 < argv.length; i++) if (argv[i + 1] === "pipefail" && O_OPTION.test(argv[i]!)) return true;
  return false;
}

/** The same for a command's argument words. */
function hasPipefailWords(args: readonly ShellWord[]): boolean {
  for (let i = 0; i + 1 < args.length; i++) if (args[i + 1]!.value === "pipefail" && O_OPTION.test(args[i]!.value)) return true;
  return false;
}

function shellSetsPipefail(ctx: DockerfileRuleContext<any>, node: Instruction): boolean {
  return hasPipefailOption(ctx.shellOf(node));
}

/** `RUN ["bash", "-o", "pipefail", "-c", "..."]`: the exec-form shell's own options set pipefail. */
function execShellSetsPipefail(instr: Instruction): boolean {
  const command = instr.kind === "Run" ? instr.command : undefined;
  return command?.kind === "JsonForm" && hasPipefailOption(command.elements.map((e) => e.value));
}

/** A pipeline inside `bash -o pipefail -c '...'`: the nested shell was started with pipefail. */
function inPipefailShell(script: ParsedEmbeddedScript, pipeline: ShellPipeline): boolean {
  return script.script.commands.some((c) =>
    c.scriptRange.start < pipeline.scriptRange.start && c.scriptRange.end >= pipeline.scriptRange.end &&
    POSIX_SHELL_NAME.test(commandName(c) ?? "") && hasPipefailWords(c.args));
}

/** True when `set -o pipefail` runs at top level of the script before the pipeline starts. */
function pipefailBefore(script: ParsedEmbeddedScript, pipeline: ShellPipeline): boolean {
  return script.script.commands.some((c) =>
    c.scriptRange.start < pipeline.scriptRange.start && c.context.depth === 0 && !c.context.inFunction && setsPipefail(c));
}

/** The source range of the pipeline's first `|` (or `|&`), found after its first simple command. */
function pipeRange(script: ParsedEmbeddedScript, pipeline: ShellPipeline): Range {
  const first = pipeline.commands[0];
  const from = first && first.pipelineIndex === 0 ? first.scriptRange.end : pipeline.scriptRange.start;
  const at = script.script.text.indexOf("|", from);
  if (at < 0 || at >= pipeline.scriptRange.end) return pipeline.range;
  const width = script.script.text[at + 1] === "&" ? 2 : 1;
  return { start: script.toSource(at), end: script.toSource(at + width - 1) + 1 };
}

export default defineRule({
  code: "DL4006",
  name: "pipe-without-pipefail",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags a pipe in \`RUN\` when a failure on its left side would go unnoticed: neither the stage's \`SHELL\`
    sets \`-o pipefail\` nor does the script run \`set -o pipefail\` before the pipe.

    ## Why is this bad?
    A pipeline's status is its last command's. In \`RUN curl -fsSL https://x/install.sh | sh\`, a failed
    download still "succeeds" (\`sh\` happily runs an empty script) and the build goes on with a broken image.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    RUN curl -fsSL https://example.com/install.sh | bash
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    SHELL ["/bin/bash", "-o", "pipefail", "-c"]
    RUN curl -fsSL https://example.com/install.sh | bash
    \`\`\`

    \`\`\`dockerfile
    FROM debian:12
    RUN set -o pipefail && curl -fsSL https://example.com/install.sh | bash
    \`\`\`

    ## Fix safety
    No fix is offered: \`pipefail\` is not in every \`/bin/sh\` (older dash lacks it), so the shell to use is your choice.

    ## Differences from hadolint
    \`set -o pipefail\` (or \`set -euo pipefail\`) earlier in the same script counts, also in heredoc scripts
    (hadolint ignores it, issue #1084), and so does a pipe inside \`bash -o pipefail -c '...'\`. Any \`SHELL\`
    with \`-o pipefail\` counts, not only bash, zsh and ash. The finding points at the pipe itself, and
    \`RUN <<EOF bash\` is read as the script it is (issue #1137). PowerShell and cmd stages are not checked.
    An exec-form \`RUN ["bash", "-o", "pipefail", "-c", "..."]\` sets pipefail with its own options, and an
    exec-form shell never uses the stage's \`SHELL\`: \`RUN ["/bin/sh", "-c", "a | b"]\` is flagged whatever
    \`SHELL\` says.
  `,
  create: (ctx) => ({
    Run(node) {
      // Most RUNs have no pipe at all: then the shell in force does not matter.
      const scripts = posixScripts(ctx, node);
      if (!scripts.some((s) => s.script.pipelines.length > 0)) return;
      // The stage's SHELL runs shell-form and heredoc scripts; an exec-form script runs in the shell its
      // own array starts, with that array's options, whatever SHELL says.
      const stageShell = shellSetsPipefail(ctx, node);
      for (const script of scripts) {
        if (script.kind === "exec-form-shell" ? execShellSetsPipefail(script.instruction) : stageShell) continue;
        const bare = script.script.pipelines.find((p) => !pipefailBefore(script, p) && !inPipefailShell(script, p));
        if (!bare) continue;
        ctx.report(pipeRange(script, bare), "A failure before this pipe is ignored: set -o pipefail (in SHELL or at the start of the RUN)");
        return;
      }
    },
  }),
});
