import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { pinMessage, reportUnpinned, toolCalls } from "./support/shell-commands.js";

/** apk options that take a value. */
export const APK_VALUE_FLAGS = ["t", "virtual", "X", "repository", "p", "root", "arch", "keys-dir", "cache-dir", "repositories-file"];

/** `pkg=1.2-r0`, `pkg~1.2`, `pkg>1.2`, `pkg<2`, or a local `.apk` file. */
function pinned(pkg: string): boolean {
  return /[=~<>]/.test(pkg) || pkg.endsWith(".apk");
}

export default defineRule({
  code: "DL3018",
  name: "apk-unpinned",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags packages in \`apk add\` without a version constraint (\`curl=8.11.0-r2\`, \`curl~8.11\`).

    ## Why is this bad?
    Without a version, each build installs whatever the Alpine mirror serves that day: builds of the same
    commit differ, and an update can break the image without any change on your side.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.21
    RUN apk add --no-cache curl
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.21
    RUN apk add --no-cache curl~8.11
    \`\`\`

    ## Fix safety
    No fix is offered: only you know which version to pin.

    ## Differences from hadolint
    A package holding a variable is checked with the value the ARG or ENV in force gives it; when the value is
    unknown the word is not reported (hadolint reports it). Values of \`--root\`, \`--arch\` and the other value
    options are not taken for packages. Wrapped commands and heredoc scripts are checked too; PowerShell and
    cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const call of toolCalls(ctx, node, "apk", ["add"], APK_VALUE_FLAGS)) {
        reportUnpinned(ctx, node, call.operands, pinned, (pkgs) => pinMessage(pkgs, "apk add", "="));
      }
    },
  }),
});
