import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

/** `/x`, a Windows drive path (`C:\x`, `c:/x`), or a variable whose value is unknown here. */
function looksAbsolute(path: string): boolean {
  const p = path.replace(/^(["'])(.*)\1$/, "$2");
  return p.startsWith("/") || p.startsWith("$") || /^[A-Za-z]:[\\/]/.test(p);
}

export default defineRule({
  code: "DL3000",
  name: "workdir-relative",
  aliases: ["WorkdirRelativePath"],
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags a \`WORKDIR\` whose path is relative.

    ## Why is this bad?
    A relative \`WORKDIR\` is resolved against the working directory in force, which may come from the base
    image. When the base image changes its \`WORKDIR\`, every later path in the Dockerfile silently moves.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20
    WORKDIR app
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20
    WORKDIR /app
    \`\`\`

    ## Fix safety
    No fix is offered: the absolute path depends on the base image's working directory.

    ## Differences from BuildKit
    This is also BuildKit's \`WorkdirRelativePath\` check (one rule, hadolint's code and severity).
    BuildKit only reports the first relative \`WORKDIR\` of a stage when no \`WORKDIR\` came before in
    the stage or the stage it builds on; this rule, as hadolint, reports every relative path. Paths starting with a variable are
    not reported, as their value is known only at build time.
  `,
  create: (ctx) => ({
    Workdir(node) {
      if (node.path && !looksAbsolute(node.path.value)) {
        ctx.report(node.path, `Use an absolute path for WORKDIR instead of '${node.path.value}'`);
      }
    },
  }),
});
