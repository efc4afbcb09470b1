import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { reportRpmInstallWithoutYes } from "./support/shell-commands.js";

export default defineRule({
  code: "DL3038",
  name: "dnf-missing-yes",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  fix: "safe",
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags \`dnf\` and \`microdnf\` \`install\`, \`groupinstall\` and \`localinstall\` without \`-y\` (\`--assumeyes\`).

    ## Why is this bad?
    dnf asks "Is this ok [y/N]" before installing; a build cannot answer, so the install is cancelled.

    ## Example
    \`\`\`dockerfile
    FROM fedora:41
    RUN dnf install httpd-2.4.62 && dnf clean all
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM fedora:41
    RUN dnf install -y httpd-2.4.62 && dnf clean all
    \`\`\`

    ## Fix safety
    The fix inserts \`-y\` right after the subcommand. It is safe: it only answers the question the build cannot.

    ## Differences from hadolint
    The subcommand is read as dnf reads it (the first operand, option values skipped). Wrapped commands and
    heredoc scripts are checked too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      reportRpmInstallWithoutYes(ctx, node, ["dnf", "microdnf"]);
    },
  }),
});
