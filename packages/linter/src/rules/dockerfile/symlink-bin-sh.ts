import { commandName, hasFlag, positionalArgs } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { commandsIn } from "./support/shell-commands.js";

/** Where the default shell lives (`/bin` is `/usr/bin` on merged-usr systems). */
const DEFAULT_SHELLS = new Set(["/bin/sh", "/usr/bin/sh"]);
/** ln's options that take a value. */
const LN_SYNTAX = { valueFlags: ["S", "suffix"] };

export default defineRule({
  code: "DL4005",
  name: "symlink-bin-sh",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags \`ln\` that replaces \`/bin/sh\` (makes it a link to another shell).

    ## Why is this bad?
    Replacing \`/bin/sh\` changes the shell of every script and package maintainer script in the image, not
    only of your \`RUN\` steps. To run your steps with bash, say so with \`SHELL\`.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    RUN ln -sf /bin/bash /bin/sh
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    SHELL ["/bin/bash", "-c"]
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    Only a link created at \`/bin/sh\` (or \`/usr/bin/sh\`) counts: hadolint reports any \`ln\` that mentions
    \`/bin/sh\`, also \`ln -s /bin/sh /usr/local/bin/sh\`, which leaves the default shell alone. Wrapped commands
    and heredoc scripts are read too; PowerShell and cmd stages are not checked.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const { cmd } of commandsIn(ctx, node, "ln")) {
        if (commandName(cmd) !== "ln" || hasFlag(cmd, "t", "target-directory")) continue;
        const operands = positionalArgs(cmd, LN_SYNTAX);
        const link = operands[operands.length - 1];
        if (operands.length < 2 || !link || !DEFAULT_SHELLS.has(link.value.replace(/\/+$/, ""))) continue;
        ctx.report(link, `Do not replace ${link.value}: set the shell of RUN with SHELL instead`);
      }
    },
  }),
});
