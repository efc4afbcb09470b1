import type { Flag } from "@shipshape/dockerfile";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { commandsIn } from "./support/shell-commands.js";

/**
 * A mode that makes files writable by everyone: an octal mode whose "others" digit has the write bit
 * (the sticky bit, as in `1777` for /tmp-like directories, is allowed), or a symbolic `o+w` / `a+w` / `a=rwx`.
 */
export function isWorldWritable(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const sticky = mode.length === 4 && (Number(mode[0]) & 1) === 1;
    return !sticky && (Number(mode[mode.length - 1]) & 2) === 2;
  }
  return mode.split(",").some((clause) => /^[ugoa]*[ao][ugoa]*[+=][rwxXst]*w/.test(clause));
}

export default defineRule({
  code: "DF210",
  name: "world-writable-chmod",
  kind: "dockerfile",
  category: "security",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags \`chmod 777\` (or any mode that lets everyone write: \`666\`, \`o+w\`, \`a=rwx\`) in \`RUN\`, and
    \`COPY --chmod\`/\`ADD --chmod\` with such a mode. Modes with the sticky bit (\`1777\`, the mode of
    \`/tmp\`) are accepted.

    ## Why is this bad?
    Any process in the container, whatever its user, can then replace those files: a compromised
    unprivileged process can rewrite the application or its configuration. It is usually a shortcut around
    a permission problem that \`chown\` to the right user solves properly.

    ## Example
    \`\`\`dockerfile
    FROM node:22-alpine
    COPY --chmod=777 app /app
    RUN chmod -R 777 /app/data
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22-alpine
    COPY --chown=node:node --chmod=755 app /app
    RUN chown -R node:node /app/data
    \`\`\`

    ## Fix safety
    No fix: the right owner and mode depend on the application.
  `,
  create: (ctx) => {
    const checkFlag = (keyword: string, flag: Flag | undefined) => {
      const mode = flag?.value;
      if (mode && isWorldWritable(mode.value)) ctx.report(mode, `${keyword} --chmod=${mode.value} makes the files writable by every user`);
    };
    return {
      Copy: (node) => checkFlag("COPY", node.chmod),
      Add: (node) => checkFlag("ADD", node.chmod),
      Run(node) {
        for (const { cmd } of commandsIn(ctx, node, "chmod")) {
          const mode = cmd.args.find((a) => !a.value.startsWith("-") || /^-[rwxXst]+$/.test(a.value));
          if (mode?.isStatic && isWorldWritable(mode.value)) ctx.report(mode.range, `chmod ${mode.value} makes the files writable by every user`);
        }
      },
    };
  },
});
