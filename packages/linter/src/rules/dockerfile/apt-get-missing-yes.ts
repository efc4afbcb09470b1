import { countFlag, flagValue, hasFlag, type ShellCommand } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { APT_GET_VALUE_FLAGS, simulates } from "./apt-get-unpinned.js";
import { insertAfterWord, toolCalls } from "./support/shell-commands.js";

/** `-y`, `--yes`, `--assume-yes`, `-qq` / `-q -q` / `-q=2` (quiet level 2 implies yes), or the apt option. */
function answersYes(cmd: ShellCommand): boolean {
  if (hasFlag(cmd, "y", "yes", "assume-yes")) return true;
  if (countFlag(cmd, "q", "quiet") >= 2 || flagValue(cmd, "q") === "2" || flagValue(cmd, "quiet") === "2") return true;
  // `-o X=v`, `-oX=v`, `--option X=v` and `--option=X=v` all set an apt option.
  return cmd.args.some((a) => /^(?:-o|--option=)?APT::Get::Assume-Yes=(true|1|yes)$/i.test(a.value));
}

export default defineRule({
  code: "DL3014",
  name: "apt-get-missing-yes",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  fix: "safe",
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags \`apt-get install\` without \`-y\` (or \`--yes\`, \`--assume-yes\`, \`-qq\`).

    ## Why is this bad?
    A build has no one to answer apt-get's "Do you want to continue? [Y/n]": without \`-y\` the question
    reads end of input and the install aborts as soon as it needs to confirm anything.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    RUN apt-get update && apt-get install curl
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    RUN apt-get update && apt-get install -y curl
    \`\`\`

    ## Fix safety
    The fix inserts \`-y\` right after \`install\`. It is safe: it only answers the question the build cannot.

    ## Differences from hadolint
    \`-o APT::Get::Assume-Yes=true\` counts as well, and a simulation (\`apt-get -s install\`) asks nothing. Wrapped commands (\`sudo apt-get\`) and heredoc scripts
    are checked too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const call of toolCalls(ctx, node, "apt-get", ["install"], APT_GET_VALUE_FLAGS)) {
        if (answersYes(call.cmd) || simulates(call.cmd)) continue;
        ctx.report(call.cmd.name!, "apt-get install needs -y: a build cannot answer its prompt", {
          fix: insertAfterWord(ctx, call.subcommand, "-y", "Add -y to apt-get install"),
        });
      }
    },
  }),
});
