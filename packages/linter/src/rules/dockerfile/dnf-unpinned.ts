import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { pinMessage, reportUnpinned, toolCalls, RPM_TOOL_VALUE_FLAGS } from "./support/shell-commands.js";
import { rpmPinned } from "./yum-unpinned.js";

export default defineRule({
  code: "DL3041",
  name: "dnf-unpinned",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags packages in \`dnf install\` and \`microdnf install\` without a version (\`httpd-2.4.62\`).

    ## Why is this bad?
    Without a version, each build installs whatever the repository serves that day: builds of the same commit
    differ, and an update can break the image without any change on your side.

    ## Example
    \`\`\`dockerfile
    FROM fedora:41
    RUN dnf install -y httpd && dnf clean all
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM fedora:41
    RUN dnf install -y httpd-2.4.62 && dnf clean all
    \`\`\`

    ## Fix safety
    No fix is offered: only you know which version to pin.

    ## Differences from hadolint
    A package holding a variable is checked with the value the ARG or ENV in force gives it (hadolint only
    checks that the variable is declared); when the value is unknown the word is not reported. \`dnf module\`
    and \`dnf group\` are not checked, as in hadolint. Wrapped commands and heredoc scripts are checked too;
    PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const call of toolCalls(ctx, node, ["dnf", "microdnf"], ["install"], RPM_TOOL_VALUE_FLAGS)) {
        const tool = call.cmd.name!.value.replace(/^.*\//, "");
        reportUnpinned(ctx, node, call.operands, rpmPinned, (pkgs) => pinMessage(pkgs, `${tool} install`, "-"));
      }
    },
  }),
});
