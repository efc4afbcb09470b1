import { positionalArgs } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { commandsIn, replaceWord } from "./support/shell-commands.js";

/** apt subcommands that apt-get has under the same name. */
const APT_GET_SUBCOMMANDS = new Set([
  "install", "update", "upgrade", "remove", "purge", "autoremove", "dist-upgrade", "clean", "autoclean",
  "source", "build-dep", "download", "satisfy", "check",
]);

export default defineRule({
  code: "DL3027",
  name: "apt-instead-of-apt-get",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  fix: "unsafe",
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags the \`apt\` command in \`RUN\`.

    ## Why is this bad?
    \`apt\` is the interactive front end: its output and behaviour may change between releases and it warns
    that it "does not have a stable CLI interface". Scripts should use \`apt-get\` and \`apt-cache\`.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    RUN apt update && apt install -y curl
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    RUN apt-get update && apt-get install -y curl
    \`\`\`

    ## Fix safety
    For subcommands apt-get also has (\`install\`, \`update\`, \`remove\`, ...), the fix replaces \`apt\` with
    \`apt-get\`. It is unsafe: the two differ in details (apt shows progress, \`apt upgrade\` installs new
    dependencies where \`apt-get upgrade\` holds them back). \`apt search\`, \`apt show\`, \`apt list\` get no fix
    (they belong to \`apt-cache\` or \`dpkg\`).

    ## Differences from hadolint
    Wrapped commands (\`sudo apt\`) and heredoc scripts are checked too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const { cmd } of commandsIn(ctx, node, "apt")) {
        const name = cmd.name!;
        const sub = positionalArgs(cmd, { valueFlags: ["o", "option", "c", "config-file", "t", "target-release"] })[0];
        const fixable = name.raw === "apt" && sub !== undefined && APT_GET_SUBCOMMANDS.has(sub.value);
        ctx.report(name, "Use apt-get (or apt-cache) in scripts: apt has no stable command-line interface", {
          fix: fixable ? replaceWord(ctx, name, "apt-get", "Replace apt with apt-get") : undefined,
        });
      }
    },
  }),
});
