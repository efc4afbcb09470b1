import { hasFlag } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { insertAfterWord, toolCalls } from "./support/shell-commands.js";

/** zypper options (global and of install) that take a value. */
export const ZYPPER_VALUE_FLAGS = [
  "R", "root", "c", "config", "D", "reposd-dir", "C", "cache-dir", "raw-cache-dir", "solv-cache-dir", "pkg-cache-dir",
  "userdata", "t", "type", "r", "repo", "from", "installroot",
];

const PROMPTING = ["install", "in", "remove", "rm", "source-install", "si", "patch"];

export default defineRule({
  code: "DL3034",
  name: "zypper-missing-non-interactive",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  fix: "safe",
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags \`zypper install\`, \`remove\`, \`source-install\` and \`patch\` (and their short forms) run without
    \`--non-interactive\` (\`-n\`), \`--no-confirm\` or \`-y\`.

    ## Why is this bad?
    zypper asks for confirmation before it changes anything; a build cannot answer, so the command fails.

    ## Example
    \`\`\`dockerfile
    FROM opensuse/leap:15.6
    RUN zypper install httpd=2.4.58 && zypper clean
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM opensuse/leap:15.6
    RUN zypper --non-interactive install httpd=2.4.58 && zypper clean
    \`\`\`

    ## Fix safety
    The fix inserts \`--non-interactive\` right after \`zypper\` (it is a global option, so it goes before the
    subcommand). It is safe: it only answers the questions the build cannot.

    ## Differences from hadolint
    The subcommand is read as zypper reads it (the first operand, option values skipped). Wrapped commands
    and heredoc scripts are checked too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const call of toolCalls(ctx, node, "zypper", PROMPTING, ZYPPER_VALUE_FLAGS)) {
        if (hasFlag(call.cmd, "non-interactive", "n", "no-confirm", "y")) continue;
        const name = call.cmd.name!;
        ctx.report(name, `zypper ${call.subcommand.value} needs --non-interactive: a build cannot answer its prompts`, {
          fix: insertAfterWord(ctx, name, "--non-interactive", "Add --non-interactive to zypper"),
        });
      }
    },
  }),
});
