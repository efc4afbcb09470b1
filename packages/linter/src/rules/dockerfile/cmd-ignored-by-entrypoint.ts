import type { CmdInstruction, EntrypointInstruction } from "@shipshape/dockerfile";
import type { Stage } from "@shipshape/semantic";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { POSIX_INTERPRETERS } from "./support/shell-commands.js";
import { lineOf } from "./support/words.js";

/** A command line that reads its positional parameters gets CMD's words (shifted by one: the first is `$0`). */
const READS_ARGUMENTS = /\$\{?[@*#0-9]/;

/**
 * Whether an ENTRYPOINT drops the arguments a CMD (or `docker run IMAGE ARGS`, or Compose's `command`)
 * gives it: a shell form under a POSIX shell (`shell`, the SHELL in force for it) whose command line
 * does not read its positional parameters.
 */
export function entrypointIgnoresArguments(entrypoint: EntrypointInstruction, shell: readonly string[]): boolean {
  const form = entrypoint.command;
  if (form?.kind !== "ShellForm" || form.value.trim() === "" || READS_ARGUMENTS.test(form.value)) return false;
  const program = (shell[0] ?? "").split("/").pop()!;
  return POSIX_INTERPRETERS.has(program) && shell[shell.length - 1] === "-c";
}

function last<K extends "Cmd" | "Entrypoint">(stage: Stage, kind: K): (K extends "Cmd" ? CmdInstruction : EntrypointInstruction) | undefined {
  let found: CmdInstruction | EntrypointInstruction | undefined;
  for (const instr of stage.instructions) if (instr.kind === kind) found = instr as CmdInstruction | EntrypointInstruction;
  return found as (K extends "Cmd" ? CmdInstruction : EntrypointInstruction) | undefined;
}

export default defineRule({
  code: "DF215",
  name: "cmd-ignored-by-entrypoint",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a \`CMD\` in a stage whose \`ENTRYPOINT\` (its own, or one inherited from the stage it is built
    \`FROM\`) is written in shell form, under a POSIX shell, with a command line that does not read its
    arguments (\`$@\`, \`$1\`, ...).

    ## Why is this bad?
    A shell-form \`ENTRYPOINT\` runs \`/bin/sh -c "<its command line>"\`, and the words of \`CMD\` are
    handed to that shell as \`$0\`, \`$1\`, ... which the command line never reads. So the \`CMD\` is
    silently ignored, and so is any command given to \`docker run IMAGE ...\`. The image looks
    configurable and is not.

    ## Example
    \`\`\`dockerfile
    FROM python:3.13-slim
    ENTRYPOINT python -m app
    CMD ["--port", "8080"]
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM python:3.13-slim
    ENTRYPOINT ["python", "-m", "app"]
    CMD ["--port", "8080"]
    \`\`\`

    ## Notes
    A shell-form command line that reads its arguments (\`ENTRYPOINT exec app "$@"\`) is not reported,
    although it loses CMD's first word to \`$0\`. Under a \`SHELL\` such as PowerShell or cmd, extra words are
    appended to the command line, so nothing is reported there. An \`ENTRYPOINT\` from an external base
    image is not known offline.

    ## Fix safety
    No fix is offered: which words belong to the entrypoint and which to the command is the author's choice.
  `,
  create: (ctx) => ({
    "File:exit"() {
      // The ENTRYPOINT in force at the end of each stage: its own last one, else its base stage's.
      const entrypoints = new Map<number, EntrypointInstruction | undefined>();
      const entrypointOf = (stage: Stage, seen: Set<number>): EntrypointInstruction | undefined => {
        if (entrypoints.has(stage.index)) return entrypoints.get(stage.index);
        let found = last(stage, "Entrypoint");
        if (!found && stage.base.kind === "stage" && !seen.has(stage.base.stage.index)) {
          seen.add(stage.index);
          found = entrypointOf(stage.base.stage, seen);
        }
        entrypoints.set(stage.index, found);
        return found;
      };
      for (const stage of ctx.semantic.stages) {
        const cmd = last(stage, "Cmd");
        if (!cmd?.command) continue;
        const entrypoint = entrypointOf(stage, new Set([stage.index]));
        if (!entrypoint || !entrypointIgnoresArguments(entrypoint, ctx.shellOf(entrypoint))) continue;
        const line = lineOf(ctx.file.lines, entrypoint.range.start);
        const own = stage.instructions.includes(entrypoint);
        const where = own ? `on line ${line}` : `on line ${line} (inherited from stage '${ctx.semantic.stages.find((s) => s.instructions.includes(entrypoint))!.displayName}')`;
        ctx.report(
          cmd.keywordWord,
          `This CMD is ignored: the ENTRYPOINT ${where} is in shell form, whose command line never reads CMD's words; write that ENTRYPOINT as a JSON array`,
          { related: [{ message: "the shell-form ENTRYPOINT", target: entrypoint.keywordWord }] },
        );
      }
    },
  }),
});
