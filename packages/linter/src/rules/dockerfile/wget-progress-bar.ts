import { hasFlag } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { commandsIn } from "./support/shell-commands.js";

export default defineRule({
  code: "DL3047",
  name: "wget-progress-bar",
  kind: "dockerfile",
  category: "style",
  severity: "info",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags \`wget\` without an option that tames its progress output: \`--progress=...\`, \`-q\` (\`--quiet\`),
    \`-nv\` (\`--no-verbose\`), \`-o\` (\`--output-file\`) or \`-a\` (\`--append-output\`).

    ## Why is this bad?
    Without a terminal, wget falls back to printing a line of dots every few kilobytes: a large download
    floods the build log with thousands of lines.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    RUN wget https://example.com/app.tar.gz
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    RUN wget --progress=dot:giga https://example.com/app.tar.gz
    \`\`\`

    ## Fix safety
    No fix is offered: whether to keep some progress output is your choice.

    ## Differences from hadolint
    Options are read as wget reads them (\`-qO-\` has \`-q\`). Wrapped commands and heredoc scripts are checked
    too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const { cmd } of commandsIn(ctx, node, "wget")) {
        if (hasFlag(cmd, "progress", "q", "quiet", "-nv", "no-verbose", "o", "output-file", "a", "append-output")) continue;
        ctx.report(cmd.name!, "wget without --progress (or -q, -nv) floods the build log with progress dots");
      }
    },
  }),
});
