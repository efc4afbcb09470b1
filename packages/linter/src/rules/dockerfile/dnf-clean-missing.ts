import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { allCommands, cacheMountCovers, cacheMountTargets, removesLater, runsLater, toolCalls, RPM_TOOL_VALUE_FLAGS } from "./support/shell-commands.js";
import { cleansAll } from "./yum-clean-missing.js";

/** Where dnf 4, dnf 5 and microdnf keep their caches. */
const CACHE_DIRS = ["/var/cache/dnf", "/var/cache/libdnf5", "/var/cache/yum"];

const INSTALLING = ["install", "in", "upgrade", "up", "upgrade-minimal", "up-min", "reinstall", "rei", "groupinstall", "localinstall"];

export default defineRule({
  code: "DL3040",
  name: "dnf-clean-missing",
  kind: "dockerfile",
  category: "performance",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags \`dnf\` or \`microdnf\` installs and upgrades with no \`dnf clean all\` (or removal of the dnf cache)
    after them in the same \`RUN\`.

    ## Why is this bad?
    dnf keeps downloaded packages and repository metadata in \`/var/cache/dnf\` (\`/var/cache/libdnf5\` for
    dnf 5). Unless the same \`RUN\` removes them, they are committed into the layer.

    ## Example
    \`\`\`dockerfile
    FROM fedora:41
    RUN dnf install -y httpd-2.4.62
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM fedora:41
    RUN dnf install -y httpd-2.4.62 && dnf clean all
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    hadolint accepts any later \`dnf\` command with the argument \`clean\` or \`all\`, and any \`rm -rf\`. Here it
    takes \`dnf clean all\` or \`microdnf clean all\`, an \`rm\` of \`/var/cache/dnf\`, \`/var/cache/libdnf5\` or
    \`/var/cache/yum\` (or a parent), or a cache/tmpfs mount on one of them (or on a \`.cache/libdnf5\`).
    Wrapped commands and heredoc scripts are checked too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      const installs = toolCalls(ctx, node, ["dnf", "microdnf"], INSTALLING, RPM_TOOL_VALUE_FLAGS);
      if (installs.length === 0) return;
      if (CACHE_DIRS.some((d) => cacheMountCovers(node, d)) || cacheMountTargets(node).some((t) => t.endsWith(".cache/libdnf5"))) return;
      const commands = allCommands(ctx, node);
      for (const call of installs) {
        if (runsLater(commands, call, cleansAll(["dnf", "microdnf"])) || CACHE_DIRS.some((d) => removesLater(commands, call, d))) continue;
        const tool = call.cmd.name!.value.replace(/^.*\//, "");
        ctx.report(call.cmd.name!, `Run '${tool} clean all' after ${tool} ${call.subcommand.value} in the same RUN, or the package cache stays in the layer`);
      }
    },
  }),
});
