import { hasFlag } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { APK_VALUE_FLAGS } from "./apk-unpinned.js";
import { allCommands, cacheMountCovers, insertAfterWord, removesLater, toolCalls } from "./support/shell-commands.js";

const CACHE = "/var/cache/apk";

export default defineRule({
  code: "DL3019",
  name: "apk-missing-no-cache",
  kind: "dockerfile",
  category: "performance",
  severity: "info",
  enabledByDefault: true,
  local: true,
  fix: "safe",
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags \`apk add\` without \`--no-cache\`, unless a cache/tmpfs mount holds \`/var/cache/apk\` or the same
    \`RUN\` removes it afterwards.

    ## Why is this bad?
    Without \`--no-cache\`, apk keeps the package index it downloaded in \`/var/cache/apk\`, and it ends up in
    the layer. \`--no-cache\` fetches the index to a temporary place instead (no \`apk update\` needed).

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.21
    RUN apk update && apk add curl=8.11.0-r2
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.21
    RUN apk add --no-cache curl=8.11.0-r2
    \`\`\`

    ## Fix safety
    The fix inserts \`--no-cache\` right after \`add\`. It is safe: apk then reads the index without storing it.

    ## Differences from hadolint
    An \`rm\` of \`/var/cache/apk\` after the \`apk add\` in the same \`RUN\` counts too. Wrapped commands and
    heredoc scripts are checked too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      const calls = toolCalls(ctx, node, "apk", ["add"], APK_VALUE_FLAGS);
      if (calls.length === 0 || cacheMountCovers(node, CACHE)) return;
      const commands = allCommands(ctx, node);
      for (const call of calls) {
        if (hasFlag(call.cmd, "no-cache") || removesLater(commands, call, CACHE)) continue;
        ctx.report(call.cmd.name!, "apk add keeps the package index in the layer: add --no-cache", {
          fix: insertAfterWord(ctx, call.subcommand, "--no-cache", "Add --no-cache to apk add"),
        });
      }
    },
  }),
});
