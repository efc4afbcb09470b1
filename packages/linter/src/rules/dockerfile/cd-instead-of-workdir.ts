import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { commandsIn } from "./support/shell-commands.js";

export default defineRule({
  code: "DL3003",
  name: "cd-instead-of-workdir",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags \`cd\` in \`RUN\` when it changes the directory of the whole step. A \`cd\` inside a subshell
    (\`( cd src && make )\`), a command substitution or an \`sh -c\` script is scoped and not reported.

    ## Why is this bad?
    The directory a \`cd\` sets is lost when the step ends, so later instructions silently run elsewhere, and a
    chain of \`cd\`s is hard to follow. \`WORKDIR\` sets the directory for every following instruction and makes it
    visible in the Dockerfile.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    RUN cd /usr/src/app && make
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    WORKDIR /usr/src/app
    RUN make
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    hadolint reports every \`cd\`, even in a subshell (issue #422). Here a \`cd\` whose effect ends with its
    subshell, command substitution or nested \`sh -c\` script is left alone. Heredoc scripts are read too;
    PowerShell and cmd stages are not checked. As in hadolint, ONBUILD triggers are not checked.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const { cmd } of commandsIn(ctx, node, "cd")) {
        const c = cmd.context;
        if (c.inSubshell || c.inSubstitution || c.inNestedShell) continue;
        ctx.report(cmd.name!, "Use WORKDIR to change directory: a cd lasts only until the end of this RUN");
      }
    },
  }),
});
