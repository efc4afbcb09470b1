import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { subRange } from "./support/words.js";

export default defineRule({
  code: "ExposeProtoCasing",
  name: "expose-proto-casing",
  kind: "dockerfile",
  category: "style",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags an \`EXPOSE\` protocol that is not lowercase (\`80/TCP\`).

    ## Why is this bad?
    The protocol is stored lowercase in the image; writing it otherwise is inconsistent with every other
    tool and with the image configuration.

    ## Example
    \`\`\`dockerfile
    FROM nginx:1.27
    EXPOSE 80/TCP
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM nginx:1.27
    EXPOSE 80/tcp
    \`\`\`

    ## Fix safety
    Safe: only the protocol's case changes.

    ## Differences from BuildKit
    None.
  `,
  create: (ctx) => ({
    Expose(node) {
      for (const port of node.ports) {
        const slash = port.value.lastIndexOf("/");
        if (slash < 0) continue;
        const proto = port.value.slice(slash + 1);
        if (proto === proto.toLowerCase() || proto.includes("$")) continue;
        const target = subRange(port, slash + 1, port.value.length);
        if (!target) continue;
        const lower = proto.toLowerCase();
        ctx.report(target, `Write the protocol '${proto}' in lowercase: '${lower}'`, { fix: ctx.fix.replace(target, lower, `Write '${lower}'`) });
      }
    },
  }),
});
