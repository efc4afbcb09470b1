import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { pinMessage, quotedList, reportUnpinned, toolCalls, RPM_TOOL_VALUE_FLAGS } from "./support/shell-commands.js";

/**
 * An RPM package spec with a version: `name-version[-release][.arch]` (at least one part after the
 * name starts with a digit), or a local `.rpm` file.
 */
export function rpmPinned(pkg: string): boolean {
  if (pkg.endsWith(".rpm")) return true;
  const rest = pkg.split("-").slice(1);
  return rest.length > 0 && rest.every((p) => /^[0-9A-Za-z.~^_:+]*$/.test(p)) && rest.some((p) => /^[0-9]/.test(p));
}

/** A module spec with a stream: `nodejs:20`. */
export function modulePinned(spec: string): boolean {
  return spec.includes(":");
}

export default defineRule({
  code: "DL3033",
  name: "yum-unpinned",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags packages in \`yum install\` without a version (\`httpd-2.4.6\`), and modules in
    \`yum module install\` without a stream (\`nodejs:18\`).

    ## Why is this bad?
    Without a version, each build installs whatever the repository serves that day: builds of the same commit
    differ, and an update can break the image without any change on your side.

    ## Example
    \`\`\`dockerfile
    FROM centos:7
    RUN yum install -y httpd && yum clean all
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM centos:7
    ARG HTTPD_VERSION=2.4.6
    RUN yum install -y httpd-\${HTTPD_VERSION} && yum clean all
    \`\`\`

    ## Fix safety
    No fix is offered: only you know which version to pin.

    ## Differences from hadolint
    A package holding a variable is checked with the value the ARG or ENV in force gives it (hadolint only
    checks that the variable is declared); when the value is unknown the word is not reported. Option values
    are not taken for packages. Wrapped commands and heredoc scripts are checked too; PowerShell and cmd
    stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const call of toolCalls(ctx, node, "yum", ["install"], RPM_TOOL_VALUE_FLAGS)) {
        reportUnpinned(ctx, node, call.operands, rpmPinned, (pkgs) => pinMessage(pkgs, "yum install", "-"));
      }
      for (const call of toolCalls(ctx, node, "yum", ["module"], RPM_TOOL_VALUE_FLAGS)) {
        if (call.operands[0]?.value !== "install") continue;
        reportUnpinned(ctx, node, call.operands.slice(1), modulePinned, (mods) => `Pin the stream of ${quotedList(mods)} in yum module install (${mods[0]}:<stream>)`);
      }
    },
  }),
});
