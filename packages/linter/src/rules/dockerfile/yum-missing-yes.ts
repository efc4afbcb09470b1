import { hasFlag } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { insertAfterWord, toolCalls } from "./support/shell-commands.js";

/** yum/dnf options that take a value (their value is not a package or a subcommand). */
export const RPM_TOOL_VALUE_FLAGS = [
  "c", "config", "installroot", "enablerepo", "disablerepo", "x", "exclude", "setopt", "d", "debuglevel", "e",
  "errorlevel", "releasever", "R", "randomwait", "downloaddir", "destdir", "disableplugin", "enableplugin",
  "rpmverbosity", "repo", "repoid", "forcearch", "comment", "color",
];

export default defineRule({
  code: "DL3030",
  name: "yum-missing-yes",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  fix: "safe",
  onbuild: true,
  docs: md`
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
      for (const call of toolCalls(ctx, node, "yum", ["install", "groupinstall", "localinstall"], RPM_TOOL_VALUE_FLAGS)) {
        if (hasFlag(call.cmd, "y", "assumeyes")) continue;
        ctx.report(call.cmd.name!, `yum ${call.subcommand.value} needs -y: a build cannot answer its prompt`, {
          fix: insertAfterWord(ctx, call.subcommand, "-y", `Add -y to yum ${call.subcommand.value}`),
        });
      }
    },
  }),
});
