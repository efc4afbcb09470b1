import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { keyItems, ownItems, reportOutOfOrder } from "./support/order.js";
import { getValue, isMap, isScalar, isSeq, serviceMaps } from "./support/nodes.js";

export default defineRule({
  code: "DC010",
  name: "service-dependencies-alphabetical-order",
  aliases: ["service-dependencies-alphabetical-order"],
  kind: "compose",
  category: "style",
  severity: "style",
  enabledByDefault: false,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags \`depends_on\` entries (short or long form) not in alphabetical order.

    ## Why is this bad?
    A sorted list shows at a glance whether a dependency is there, and keeps diffs small.

    ## Example
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        depends_on:
          - redis
          - db
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        depends_on:
          - db
          - redis
    \`\`\`

    ## Fix safety
    The fix moves whole entries; the start order comes from the dependencies, not from the list order.
    It is not offered for flow-style lists (\`[redis, db]\`) or when anchors or aliases are involved.
  `,
  create: (ctx) => ({
    File(model) {
      for (const { name, map } of serviceMaps(model.root)) {
        const deps = getValue(map, "depends_on");
        const message = (dep: string, before: string) => `Dependency '${dep}' of service '${name}' should come before '${before}'`;
        const title = `Sort the dependencies of service '${name}'`;
        if (isMap(deps)) reportOutOfOrder(ctx, keyItems(deps), (a, b) => a.localeCompare(b), "map", message, title);
        else if (isSeq(deps)) {
          const items = ownItems(deps).filter(isScalar).map((n) => ({ item: String(n.value), entry: { start: n.range.start, end: n.range.end }, target: n }));
          reportOutOfOrder(ctx, items, (a, b) => a.localeCompare(b), "seq", message, title);
        }
      }
    },
  }),
});
