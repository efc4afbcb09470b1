import { isIP } from "@shipshape/compose";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { ownItems, reportOutOfOrder } from "./support/order.js";
import { getValue, isScalar, isSeq, serviceMaps } from "./support/nodes.js";

/** Port specs compare as text, numbers by value (`8080:80` after `443:443`). */
/**
 * dclint's sort key: the published port (`8080` of `127.0.0.1:8080:80` and of `8080:80`), the host
 * address left out; numbers compared by value.
 */
function publishedPort(port: string): string {
  const [spec = ""] = port.split("/");
  const parts = spec.split(/:(?![^[]*\])/);
  const host = parts[0]!.replace(/^\[(.*)\]$/, "$1");
  return isIP(host) ? String(parts[1]) : parts[0]!;
}

const compare = (a: string, b: string) => publishedPort(a).localeCompare(publishedPort(b), "en", { numeric: true });

export default defineRule({
  code: "DC013",
  name: "service-ports-alphabetical-order",
  aliases: ["service-ports-alphabetical-order"],
  kind: "compose",
  category: "style",
  severity: "style",
  enabledByDefault: false,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags short-syntax \`ports\` of a service that are not sorted by published port, as dclint sorts them
    (\`127.0.0.2:8081:80\` before \`127.0.0.1:9229:9229\`: the host address does not count; numbers are
    compared by value).

    ## Why is this bad?
    A sorted list makes a duplicate or a missing port easy to spot.

    ## Example
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        ports:
          - "8443:443"
          - "8080:80"
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        ports:
          - "8080:80"
          - "8443:443"
    \`\`\`

    ## Fix safety
    The fix moves whole list items; the order of ports has no meaning to Compose. Lists with long-syntax
    entries or in flow style are left alone.
  `,
  create: (ctx) => ({
    File(model) {
      for (const { name, map } of serviceMaps(model.root)) {
        const ports = getValue(map, "ports");
        if (!isSeq(ports)) continue;
        const nodes = ownItems(ports);
        if (!nodes.every(isScalar)) continue;
        const items = nodes.map((n) => ({ item: String(n.value), entry: { start: n.range.start, end: n.range.end }, target: n }));
        reportOutOfOrder(ctx, items, compare, "seq", (port, before) => `Port '${port}' of service '${name}' should come before '${before}'`, `Sort the ports of service '${name}'`);
      }
    },
  }),
});
