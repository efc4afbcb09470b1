import type { CmdInstruction, EntrypointInstruction, HealthcheckInstruction } from "@shipshape/dockerfile";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

/** Words that need no shell at all: no quoting, expansion, operators or globbing. */
const PLAIN_WORDS = /^[^\s$`'"\\|&;<>()*?[\]{}~#!]+(?:\s+[^\s$`'"\\|&;<>()*?[\]{}~#!]+)*$/;

export default defineRule({
  code: "DL3025",
  name: "json-args-recommended",
  aliases: ["JSONArgsRecommended"],
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  fix: "unsafe",
  docs: () => md`
    ## What it does
    Flags \`CMD\` and \`ENTRYPOINT\` written in shell form (\`CMD node server.js\`) in a stage that does not
    choose its shell with \`SHELL\`, and \`HEALTHCHECK CMD\` in shell form as hadolint does (BuildKit's
    JSONArgsRecommended leaves HEALTHCHECK alone; a shell-form check needs \`/bin/sh\` in the image, which
    distroless images lack).

    ## Why is this bad?
    The shell form runs the command as \`/bin/sh -c "..."\`, so the shell is PID 1: it does not forward
    signals, \`docker stop\` waits for its timeout and then kills the process, and the process never gets
    the chance to shut down cleanly. An \`ENTRYPOINT\` in shell form also ignores \`CMD\` and the arguments
    given to \`docker run\`.

    ## Example
    \`\`\`dockerfile
    FROM node:22-slim
    CMD node server.js
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22-slim
    CMD ["node", "server.js"]
    \`\`\`

    ## Fix safety
    Unsafe, and only offered when the command is plain words (no variables, quotes or operators): the
    command then runs without a shell, so the environment and signals it sees change.

    ## Differences from hadolint
    This is also BuildKit's \`JSONArgsRecommended\` check. As BuildKit, a stage that sets \`SHELL\` is not
    reported (the shell was chosen deliberately); hadolint reports it.
  `,
  create: (ctx) => {
    const check = (node: CmdInstruction | EntrypointInstruction | HealthcheckInstruction, message: string) => {
      const command = node.command;
      if (command?.kind !== "ShellForm" || command.value.trim() === "") return;
      // A SHELL (or shell hint) in force means the shell was chosen on purpose, as BuildKit reasons.
      if (ctx.shellOf(node).join(" ") !== "/bin/sh -c") return;
      const words = command.value.trim();
      const fix = PLAIN_WORDS.test(words)
        ? ctx.fix.replace(command, JSON.stringify(words.split(/\s+/)).replace(/","/g, '", "'), "Use the JSON form")
        : undefined;
      ctx.report(command, message, { fix });
    };
    const signals = (node: CmdInstruction | EntrypointInstruction) => check(node, `Use the JSON form for ${node.keyword} so the command receives signals directly`);
    return {
      Cmd: signals,
      Entrypoint: signals,
      // hadolint's DL3025 also asks it of HEALTHCHECK CMD (BuildKit's JSONArgsRecommended does not).
      Healthcheck(node: HealthcheckInstruction) {
        if (node.type?.value.toUpperCase() !== "CMD") return;
        check(node, "Use the JSON form for HEALTHCHECK CMD: in shell form every check needs /bin/sh in the image and starts it");
      },
    };
  },
});
