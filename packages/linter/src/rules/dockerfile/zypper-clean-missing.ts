import { commandName, positionalArgs } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { allCommands, cacheMountCovers, removesLater, runsLater, toolCalls } from "./support/shell-commands.js";
import { ZYPPER_VALUE_FLAGS } from "./zypper-missing-non-interactive.js";

const CACHE = "/var/cache/zypp";

export default defineRule({
  code: "DL3036",
  name: "zypper-clean-missing",
  kind: "dockerfile",
  category: "performance",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags \`zypper install\` with no \`zypper clean\` (or removal of \`/var/cache/zypp\`) after it in the same \`RUN\`.

    ## Why is this bad?
    zypper keeps repository metadata and downloaded packages in \`/var/cache/zypp\`. Unless the same \`RUN\`
    removes them, they are committed into the layer.

    ## Example
    \`\`\`dockerfile
    FROM opensuse/leap:15.6
    RUN zypper --non-interactive install httpd=2.4.58
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM opensuse/leap:15.6
    RUN zypper --non-interactive install httpd=2.4.58 && zypper clean --all
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    The clean must run after the install. An \`rm\` of \`/var/cache/zypp\` (or a parent) counts too, and so
    does a cache/tmpfs mount on it. Wrapped commands and heredoc scripts are checked too; PowerShell and cmd
    stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      const installs = toolCalls(ctx, node, "zypper", ["install", "in"], ZYPPER_VALUE_FLAGS);
      if (installs.length === 0 || cacheMountCovers(node, CACHE)) return;
      const commands = allCommands(ctx, node);
      const cleans = (cmd: Parameters<typeof commandName>[0]) =>
        commandName(cmd) === "zypper" && ["clean", "cc"].includes(positionalArgs(cmd, { valueFlags: ZYPPER_VALUE_FLAGS })[0]?.value ?? "");
      for (const call of installs) {
        if (runsLater(commands, call, cleans) || removesLater(commands, call, CACHE)) continue;
        ctx.report(call.cmd.name!, "Run 'zypper clean' after zypper install in the same RUN, or the package cache stays in the layer");
      }
    },
  }),
});
