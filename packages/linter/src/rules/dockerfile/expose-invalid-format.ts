import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { hasVariable } from "./support/words.js";

export default defineRule({
  code: "ExposeInvalidFormat",
  name: "expose-invalid-format",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags an \`EXPOSE\` port written with an IP address or a host port (\`8080:80\`,
    \`127.0.0.1:8080:80\`).

    ## Why is this bad?
    \`EXPOSE\` only documents which container ports the image listens on. Where a port is published on
    the host is decided when the container runs (\`docker run -p\`, compose \`ports\`), so the build drops
    the address and the host port: the line does not do what it says.

    ## Example
    \`\`\`dockerfile
    FROM nginx:1.27
    EXPOSE 8080:80
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM nginx:1.27
    EXPOSE 80
    \`\`\`

    ## Fix safety
    Safe: the address and host port are removed, leaving the container port and protocol the image
    already records.

    ## Differences from BuildKit
    None.
  `,
  create: (ctx) => ({
    Expose(node) {
      for (const port of node.ports) {
        if (!port.value.includes(":") || hasVariable(port.value)) continue;
        const slash = port.value.indexOf("/");
        const spec = slash < 0 ? port.value : port.value.slice(0, slash);
        const container = spec.slice(spec.lastIndexOf(":") + 1) + (slash < 0 ? "" : port.value.slice(slash));
        const fix = /^\d/.test(container) ? ctx.fix.replace(port, container, `Expose '${container}' only`) : undefined;
        ctx.report(port, `EXPOSE takes container ports only: '${port.value}' has an address or host port, which the build ignores`, { fix });
      }
    },
  }),
});
