import { getValue, isMap } from "./support/nodes.js";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { keyItems, reportOutOfOrder } from "./support/order.js";

export default defineRule({
  code: "DC014",
  name: "services-alphabetical-order",
  aliases: ["services-alphabetical-order"],
  kind: "compose",
  category: "style",
  severity: "style",
  enabledByDefault: false,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags services not listed in alphabetical order.

    ## Why is this bad?
    In a long file, a predictable order makes a service easy to find and keeps diffs small.

    ## Example
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
      db:
        image: postgres:17
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      db:
        image: postgres:17
      web:
        image: nginx:1.27
    \`\`\`

    ## Fix safety
    The fix moves whole services, with the comment lines right above each; YAML mappings have no order,
    so nothing changes for Compose. It is not offered when the section uses anchors, aliases or merge
    keys, or is written in flow style.
  `,
  create: (ctx) => ({
    File(model) {
      const services = getValue(model.root, "services");
      if (!isMap(services)) return;
      reportOutOfOrder(ctx, keyItems(services), (a, b) => a.localeCompare(b), "map",
        (name, before) => `Service '${name}' should come before '${before}'`, "Sort services alphabetically");
    },
  }),
});
