import { hasFlag } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { APT_GET_VALUE_FLAGS, simulates } from "./apt-get-unpinned.js";
import { insertAfterWord, toolCalls } from "./support/shell-commands.js";

export default defineRule({
  code: "DL3015",
  name: "apt-get-install-recommends",
  kind: "dockerfile",
  category: "performance",
  severity: "info",
  enabledByDefault: true,
  local: true,
  fix: "unsafe",
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags \`apt-get install\` without \`--no-install-recommends\`.

    ## Why is this bad?
    By default apt-get also installs every package the requested ones merely recommend: documentation,
    optional tools, sometimes hundreds of megabytes the image never uses, each one more thing to patch.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    RUN apt-get update && apt-get install -y curl
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    RUN apt-get update && apt-get install -y --no-install-recommends curl
    \`\`\`

    ## Fix safety
    The fix inserts \`--no-install-recommends\` right after \`install\`. It is unsafe: the image then lacks
    the recommended packages, and the software may have relied on one of them (\`ca-certificates\` for
    \`curl\` is the classic case).

    ## Differences from hadolint
    \`-o APT::Install-Recommends=false\` (or \`=0\`) counts as well, as hadolint's bare argument does, and a
    simulation (\`apt-get -s install\`) installs nothing.
    Wrapped commands (\`sudo apt-get\`) and heredoc scripts are checked too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const call of toolCalls(ctx, node, "apt-get", ["install"], APT_GET_VALUE_FLAGS)) {
        if (hasFlag(call.cmd, "no-install-recommends") || simulates(call.cmd)) continue;
        if (call.cmd.args.some((a) => /^(-o)?APT::Install-Recommends=(false|0|no)$/i.test(a.value))) continue;
        ctx.report(call.cmd.name!, "apt-get install without --no-install-recommends also installs recommended packages", {
          fix: insertAfterWord(ctx, call.subcommand, "--no-install-recommends", "Add --no-install-recommends to apt-get install"),
        });
      }
    },
  }),
});
