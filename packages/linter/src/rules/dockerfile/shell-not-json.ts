import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

export default defineRule({
  code: "DF111",
  name: "shell-not-json",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags a \`SHELL\` instruction that is not a JSON array of strings, or is an empty one.

    ## Why is this bad?
    \`SHELL\` only has an exec form: BuildKit stops with \`SHELL requires the arguments to be in JSON form\`
    or \`SHELL requires at least one argument\`. An array written with single quotes is not JSON and fails
    the same way.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    SHELL /bin/bash -o pipefail -c
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    SHELL ["/bin/bash", "-o", "pipefail", "-c"]
    \`\`\`

    ## Fix safety
    No fix: splitting the words of a shell form into arguments is a guess.

    ## Relation to dockerfile-utils
    dockerfile-utils reports this as \`SHELL_JSON_FORM\` and \`SHELL_REQUIRES_ONE\`. An empty \`SHELL\` is DF101.
  `,
  create: (ctx) => ({
    Shell(node) {
      const command = node.command;
      if (!command) return;
      if (command.kind === "JsonForm") {
        if (command.elements.length === 0) ctx.report(command, "SHELL needs at least the shell program: [] is empty");
        return;
      }
      const singleQuoted = /^\[\s*'/.test(command.value.trim());
      ctx.report(node.args, singleQuoted
        ? "SHELL takes a JSON array, and JSON strings use double quotes, not single quotes"
        : "SHELL takes a JSON array of strings, e.g. [\"/bin/bash\", \"-c\"]");
    },
  }),
});
