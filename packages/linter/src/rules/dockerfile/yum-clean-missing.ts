import { commandName, positionalArgs, type ShellCommand } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { allCommands, cacheMountCovers, removesLater, runsLater, toolCalls, RPM_TOOL_VALUE_FLAGS } from "./support/shell-commands.js";

/** `<tool> clean all` (a partial clean such as `clean metadata` leaves the packages). */
export function cleansAll(tools: readonly string[]): (cmd: ShellCommand) => boolean {
  return (cmd) => {
    if (!tools.includes(commandName(cmd) ?? "")) return false;
    const [sub, ...rest] = positionalArgs(cmd, { valueFlags: RPM_TOOL_VALUE_FLAGS });
    return sub?.value === "clean" && rest.some((w) => w.value === "all");
  };
}

export default defineRule({
  code: "DL3032",
  name: "yum-clean-missing",
  kind: "dockerfile",
  category: "performance",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags \`yum install\` with no \`yum clean all\` (or removal of \`/var/cache/yum\`) after it in the same \`RUN\`.

    ## Why is this bad?
    yum keeps downloaded packages and repository metadata in \`/var/cache/yum\`. Unless the same \`RUN\` removes
    them, they are committed into the layer and make the image bigger for nothing.

    ## Example
    \`\`\`dockerfile
    FROM centos:7
    RUN yum install -y httpd-2.4.6
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM centos:7
    RUN yum install -y httpd-2.4.6 && yum clean all
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    hadolint accepts any later \`yum\` command with the argument \`clean\` or \`all\` and any \`rm -rf\`. Here it
    takes \`yum clean all\` specifically, an \`rm\` of \`/var/cache/yum\` (or a parent), or a cache/tmpfs mount
    on it. Wrapped commands and heredoc scripts are checked too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      const installs = toolCalls(ctx, node, "yum", ["install", "groupinstall", "localinstall"], RPM_TOOL_VALUE_FLAGS);
      if (installs.length === 0 || cacheMountCovers(node, "/var/cache/yum")) return;
      const commands = allCommands(ctx, node);
      for (const call of installs) {
        if (runsLater(commands, call, cleansAll(["yum"])) || removesLater(commands, call, "/var/cache/yum")) continue;
        ctx.report(call.cmd.name!, "Run 'yum clean all' after yum install in the same RUN, or the package cache stays in the layer");
      }
    },
  }),
});
