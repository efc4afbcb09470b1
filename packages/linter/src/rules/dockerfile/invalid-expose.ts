import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { hasVariable, subRange } from "./support/words.js";

const PROTOCOLS = ["tcp", "udp", "sctp"];

export default defineRule({
  code: "DF117",
  name: "invalid-expose",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags an \`EXPOSE\` value that is not a port or port range (\`80\`, \`8000-8010\`) with an optional
    protocol, a range that starts above its end (\`9000-8000\`), and a protocol other than \`tcp\`, \`udp\`
    or \`sctp\` (in any case).

    ## Why is this bad?
    BuildKit refuses it (\`invalid containerPort\`, \`invalid proto\`) and the build stops.

    ## Example
    \`\`\`dockerfile
    FROM nginx:1.27
    EXPOSE http 443/https
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM nginx:1.27
    EXPOSE 80 443/tcp
    \`\`\`

    ## Fix safety
    No fix.

    ## Relation to other rules
    Ports out of 0-65535 are DL3011's, values with an address or host port (\`127.0.0.1:80\`, \`8080:80\`)
    are ExposeInvalidFormat's and upper-case protocols ExposeProtoCasing's; this rule leaves them alone.
    dockerfile-utils reports these as \`INVALID_PORT\` and \`INVALID_PROTO\`. Values with variables are
    skipped.
  `,
  create: (ctx) => ({
    Expose(node) {
      for (const port of node.ports) {
        const value = port.value;
        if (hasVariable(value) || value.includes(":")) continue;
        const slash = value.indexOf("/");
        const number = slash < 0 ? value : value.slice(0, slash);
        if (!/^\d+(-\d+)?$/.test(number)) {
          ctx.report(subRange(port, 0, number.length) ?? port, `'${number}' is not a port or port range (e.g. 8080 or 8000-8010)`);
          continue;
        }
        const [first, last] = number.split("-").map(Number);
        if (last !== undefined && first! > last) {
          ctx.report(subRange(port, 0, number.length) ?? port, `'${number}' is not a port range: it starts above its end (write ${last}-${first})`);
          continue;
        }
        if (slash < 0) continue;
        const proto = value.slice(slash + 1);
        if (!PROTOCOLS.includes(proto.toLowerCase())) {
          ctx.report(subRange(port, slash + 1, value.length) ?? port, `'${proto}' is not a protocol EXPOSE knows: use tcp, udp or sctp`);
        }
      }
    },
  }),
});
