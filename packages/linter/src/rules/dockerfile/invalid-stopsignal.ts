import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { isValidSignal } from "./support/builder.js";
import { hasVariable, unquote } from "./support/words.js";

export default defineRule({
  code: "DF108",
  name: "invalid-stopsignal",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags a \`STOPSIGNAL\` that is not a signal: a positive number, or a Linux signal name with or without
    \`SIG\`, in any case (\`SIGTERM\`, \`term\`, \`9\`, \`SIGRTMIN+3\`).

    ## Why is this bad?
    BuildKit refuses the instruction (\`Invalid signal\`) and the build stops.

    ## Example
    \`\`\`dockerfile
    FROM nginx:1.27
    STOPSIGNAL SIGTERMINATE
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM nginx:1.27
    STOPSIGNAL SIGQUIT
    \`\`\`

    ## Fix safety
    No fix.

    ## Relation to dockerfile-utils
    dockerfile-utils reports \`INVALID_SIGNAL\` for anything not starting with \`SIG\` and not numeric; BuildKit
    (moby's \`signal.ParseSignal\`) also accepts \`TERM\` and lower case, and refuses unknown \`SIG\` names and
    \`0\`, which this rule follows. A value with a variable is skipped.
  `,
  create: (ctx) => ({
    Stopsignal(node) {
      const signal = node.signal;
      if (!signal || signal.value === "" || hasVariable(signal.value)) return;
      const value = unquote(signal.value);
      if (!isValidSignal(value)) ctx.report(signal, `'${value}' is not a signal STOPSIGNAL accepts (e.g. SIGTERM, SIGQUIT, 9)`);
    },
  }),
});
