import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { toolCalls } from "./support/shell-commands.js";
import { ZYPPER_VALUE_FLAGS } from "./zypper-missing-non-interactive.js";

export default defineRule({
  code: "DL3035",
  name: "zypper-dist-upgrade",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags \`zypper dist-upgrade\` (\`zypper dup\`) in \`RUN\`.

    ## Why is this bad?
    A distribution upgrade inside an image moves the whole system to whatever the repositories hold today,
    possibly a new release: the base image you pinned no longer says what you ship. Use a newer base image
    instead, or update single packages.

    ## Example
    \`\`\`dockerfile
    FROM opensuse/leap:15.6
    RUN zypper --non-interactive dist-upgrade
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM opensuse/leap:15.6
    RUN zypper --non-interactive patch
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    Only the subcommand counts (hadolint takes any argument \`dup\`, a package name included). Wrapped
    commands and heredoc scripts are checked too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const call of toolCalls(ctx, node, "zypper", ["dist-upgrade", "dup"], ZYPPER_VALUE_FLAGS)) {
        ctx.report(call.subcommand, `Do not run 'zypper ${call.subcommand.value}' in an image: build from a newer base image instead`);
      }
    },
  }),
});
