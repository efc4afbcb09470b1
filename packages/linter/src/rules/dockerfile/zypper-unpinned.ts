import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { pinMessage, reportUnpinned, toolCalls } from "./support/shell-commands.js";
import { ZYPPER_VALUE_FLAGS } from "./zypper-missing-non-interactive.js";

/** `pkg=1.2`, `pkg>=1.2`, `pkg<2`, or a local `.rpm` file. */
function pinned(pkg: string): boolean {
  return /[=<>]/.test(pkg) || pkg.endsWith(".rpm");
}

export default defineRule({
  code: "DL3037",
  name: "zypper-unpinned",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags packages in \`zypper install\` (\`zypper in\`) without a version (\`httpd=2.4.58\`, \`'httpd>=2.4'\`).

    ## Why is this bad?
    Without a version, each build installs whatever the repository serves that day: builds of the same commit
    differ, and an update can break the image without any change on your side.

    ## Example
    \`\`\`dockerfile
    FROM opensuse/leap:15.6
    RUN zypper --non-interactive install httpd && zypper clean
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM opensuse/leap:15.6
    RUN zypper --non-interactive install httpd=2.4.58 && zypper clean
    \`\`\`

    ## Fix safety
    No fix is offered: only you know which version to pin.

    ## Differences from hadolint
    A package holding a variable is checked with the value the ARG or ENV in force gives it; when the value is
    unknown the word is not reported (hadolint reports it). Option values (\`--repo x\`) are not taken for
    packages. Wrapped commands and heredoc scripts are checked too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const call of toolCalls(ctx, node, "zypper", ["install", "in"], ZYPPER_VALUE_FLAGS)) {
        reportUnpinned(ctx, node, call.operands, pinned, (pkgs) => pinMessage(pkgs, "zypper install", "="));
      }
    },
  }),
});
