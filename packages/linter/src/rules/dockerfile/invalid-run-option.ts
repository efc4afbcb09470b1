import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { hasVariable, unquote } from "./support/words.js";

const NETWORK = ["default", "none", "host"];
const SECURITY = ["sandbox", "insecure"];

export default defineRule({
  code: "DF116",
  name: "invalid-run-option",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags a \`RUN --network\` other than \`default\`, \`none\` or \`host\`, and a \`RUN --security\` other than
    \`sandbox\` or \`insecure\`.

    ## Why is this bad?
    BuildKit refuses the instruction (\`unsupported network mode\`, \`unsupported security mode\`). A
    compose-style network name such as \`--network=bridge\` or \`--network=my-net\` is not a build option.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20
    RUN --network=bridge apk add --no-cache curl
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20
    RUN --network=default apk add --no-cache curl
    \`\`\`

    ## Fix safety
    No fix.

    ## Relation to dockerfile-utils
    dockerfile-utils does not check RUN flags. These flags are not expanded by BuildKit, so a value with a
    variable is refused too; it is reported with the same message.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const [flag, allowed, what] of [[node.network, NETWORK, "network"], [node.security, SECURITY, "security"]] as const) {
        const value = flag?.value;
        if (!value) continue;
        const v = unquote(value.value);
        if (allowed.includes(v)) continue;
        const note = hasVariable(v) ? " (variables are not expanded here)" : "";
        ctx.report(value.range.end > value.range.start ? value : flag, `'--${what}=${v}' is not a ${what} mode RUN takes: use ${allowed.join(", ")}${note}`);
      }
    },
  }),
});
