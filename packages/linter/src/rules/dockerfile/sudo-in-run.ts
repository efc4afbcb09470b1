import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { commandsIn } from "./support/shell-commands.js";

export default defineRule({
  code: "DL3004",
  name: "sudo-in-run",
  kind: "dockerfile",
  category: "security",
  severity: "error",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags \`sudo\` in \`RUN\`.

    ## Why is this bad?
    A build step already runs as the user \`USER\` names, so \`sudo\` is either useless (as root) or a sign that
    the image ships \`sudo\` with a password-less rule for its user, which lets anything in the container
    become root. sudo also mishandles signals and TTYs as PID 1. Switch with \`USER\` around the steps that
    need root, or use \`gosu\`/\`su-exec\` in an entrypoint.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    USER app
    RUN sudo apt-get update
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    USER root
    RUN apt-get update
    USER app
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    Only the \`sudo\` command counts (not a package or file named sudo), also behind wrappers such as \`env\`.
    Heredoc scripts are read too; PowerShell and cmd stages are not checked.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const { cmd } of commandsIn(ctx, node, "sudo")) {
        ctx.report(cmd.name!, "Do not use sudo in a build: set USER for the steps that need root, or use gosu in the entrypoint");
      }
    },
  }),
});
