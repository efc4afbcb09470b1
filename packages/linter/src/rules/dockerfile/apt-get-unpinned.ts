import { hasFlag, type ShellCommand } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { pinMessage, reportUnpinned, toolCalls } from "./support/shell-commands.js";

/** apt-get options that take a value (their value is not a package). */
export const APT_GET_VALUE_FLAGS = ["t", "target-release", "o", "option", "c", "config-file", "a", "host-architecture"];

/** `apt-get -s install` only shows what would happen: nothing is installed, nothing asked. */
export function simulates(cmd: ShellCommand): boolean {
  return hasFlag(cmd, "s", "simulate", "just-print", "dry-run", "recon", "no-act");
}

/** `pkg=1.2`, `pkg/bookworm-backports` (a release), or a local `.deb` file. */
function pinned(pkg: string): boolean {
  return pkg.includes("=") || pkg.includes("/") || pkg.endsWith(".deb");
}

export default defineRule({
  code: "DL3008",
  name: "apt-get-unpinned",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags packages in \`apt-get install\` that are not pinned to a version (\`curl=7.88.1-10+deb12u8\`),
    a release (\`curl/bookworm-backports\`) or a local \`.deb\` file.

    ## Why is this bad?
    Without a version, the package is whatever the mirror serves on the day of the build: two builds of the
    same commit can get different software, and a new upstream release can break the image unannounced.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    RUN apt-get update && apt-get install -y --no-install-recommends curl
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    ARG CURL_VERSION=7.88.1-10+deb12u8
    RUN apt-get update && apt-get install -y --no-install-recommends curl=\${CURL_VERSION}
    \`\`\`

    ## Fix safety
    No fix is offered: only you know which version to pin.

    ## Differences from hadolint
    A package word holding a variable (\`$PACKAGES\`) is checked with the value the ARG or ENV in force gives
    it, split into words as the shell does; when the value is unknown the word is not reported (hadolint
    reports every variable as an unpinned package). Options are read as apt-get reads them, so the values of
    \`-o\`, \`-c\` and \`-a\` are not taken for packages, and \`apt-get -s install\` (a simulation) is not checked. Wrapped commands (\`sudo apt-get\`) and heredoc
    scripts are checked too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const call of toolCalls(ctx, node, "apt-get", ["install"], APT_GET_VALUE_FLAGS)) {
        if (simulates(call.cmd)) continue;
        reportUnpinned(ctx, node, call.operands, pinned, (pkgs) => pinMessage(pkgs, "apt-get install", "="));
      }
    },
  }),
});
