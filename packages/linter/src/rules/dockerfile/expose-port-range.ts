import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { hasVariable, subRange } from "./support/words.js";

export default defineRule({
  code: "DL3011",
  name: "expose-port-range",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags an \`EXPOSE\` port (or an end of a port range) above 65535.

    ## Why is this bad?
    TCP and UDP ports are 16-bit numbers: 65535 is the largest. A larger number is a typo, and the build
    rejects it.

    ## Example
    \`\`\`dockerfile
    FROM nginx:1.27
    EXPOSE 80800
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM nginx:1.27
    EXPOSE 8080
    \`\`\`

    ## Fix safety
    No fix is offered: the intended port is unknown.

    ## Differences from hadolint
    Ports written with variables (\`EXPOSE \${PORT}\`) are not checked. Only the container port of a
    \`host:container\` mapping is checked here; the mapping itself is \`ExposeInvalidFormat\`'s concern.
  `,
  create: (ctx) => ({
    Expose(node) {
      for (const port of node.ports) {
        if (hasVariable(port.value)) continue;
        const slash = port.value.indexOf("/");
        const spec = slash < 0 ? port.value : port.value.slice(0, slash);
        const container = spec.lastIndexOf(":") + 1;
        for (const m of spec.slice(container).matchAll(/\d+/g)) {
          if (Number(m[0]) <= 65535) continue;
          const from = container + m.index;
          const target = subRange(port, from, from + m[0].length) ?? port;
          ctx.report(target, `Port ${m[0]} is out of range: ports go from 0 to 65535`);
        }
      }
    },
  }),
});
