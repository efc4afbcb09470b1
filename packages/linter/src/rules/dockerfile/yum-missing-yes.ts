import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { reportRpmInstallWithoutYes } from "./support/shell-commands.js";

export default defineRule({
  code: "DL3030",
  name: "yum-missing-yes",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  fix: "safe",
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags \`yum install\`, \`yum groupinstall\` and \`yum localinstall\` without \`-y\` (\`--assumeyes\`).

    ## Why is this bad?
    yum asks "Is this ok [y/N]" before installing; a build cannot answer, so the install is cancelled.

    ## Example
    \`\`\`dockerfile
    FROM centos:7
    RUN yum install httpd-2.4.6 && yum clean all
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM centos:7
    RUN yum install -y httpd-2.4.6 && yum clean all
    \`\`\`

    ## Fix safety
    The fix inserts \`-y\` right after the subcommand. It is safe: it only answers the question the build cannot.

    ## Differences from hadolint
    The subcommand is read as yum reads it (the first operand, option values skipped), so a package named
    \`install\` is not taken for the subcommand. Wrapped commands and heredoc scripts are checked too;
    PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      reportRpmInstallWithoutYes(ctx, node, ["yum"]);
    },
  }),
});
