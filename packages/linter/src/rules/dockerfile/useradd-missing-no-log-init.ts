import { flagOption, hasFlag } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { commandsIn, insertAfterWord, resolveWord } from "./support/shell-commands.js";

/** useradd options that take a value. */
const USERADD_VALUE_FLAGS = [
  "u", "uid", "g", "gid", "G", "groups", "d", "home-dir", "s", "shell", "c", "comment", "e", "expiredate", "f",
  "inactive", "k", "skel", "K", "key", "p", "password", "R", "root", "P", "prefix", "Z", "selinux-user", "b", "base-dir",
];

export default defineRule({
  code: "DL3046",
  name: "useradd-missing-no-log-init",
  kind: "dockerfile",
  category: "performance",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  fix: "safe",
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags \`useradd\` with a high user id (six digits or more) and without \`-l\` (\`--no-log-init\`).

    ## Why is this bad?
    useradd records the new user in \`/var/log/lastlog\` and \`/var/log/faillog\`, sparse files indexed by
    user id. Docker's layer storage does not keep them sparse, so a uid such as 1000000 can add gigabytes to
    the image.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    RUN useradd -u 1000000 app
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    RUN useradd --no-log-init -u 1000000 app
    \`\`\`

    ## Fix safety
    The fix inserts \`--no-log-init\` right after \`useradd\`. It is safe: only the login records of the new user
    are skipped.

    ## Differences from hadolint
    A uid given through a variable is checked with the value the ARG or ENV in force gives it; options are read
    as useradd reads them. Wrapped commands and heredoc scripts are checked too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const { cmd } of commandsIn(ctx, node, "useradd")) {
        if (hasFlag(cmd, "l", "no-log-init")) continue;
        const uid = flagOption(cmd, "u", { valueFlags: USERADD_VALUE_FLAGS }) ?? flagOption(cmd, "uid", { valueFlags: USERADD_VALUE_FLAGS });
        if (!uid) continue;
        const values = uid.valueWord ? resolveWord(ctx, node, uid.valueWord) : uid.value?.includes("$") ? undefined : [uid.value ?? ""];
        const value = values?.[0];
        if (value === undefined || value.length <= 5) continue;
        ctx.report(cmd.name!, `useradd with uid ${value} and without --no-log-init makes a huge /var/log/lastlog`, {
          fix: insertAfterWord(ctx, cmd.name!, "--no-log-init", "Add --no-log-init to useradd"),
        });
      }
    },
  }),
});
