import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { keyItems, reportOutOfOrder } from "./support/order.js";

const DEFAULT_ORDER = ["x-*", "version", "name", "include", "services", "networks", "volumes", "secrets", "configs", "models"];

/** Position of a key in the order: `x-*` stands for every extension key; unlisted keys go last. */
function rankIn(order: readonly string[], key: string): number {
  const exact = order.indexOf(key);
  if (exact >= 0) return exact;
  if (key.startsWith("x-") && order.includes("x-*")) return order.indexOf("x-*");
  return order.length;
}

export default defineRule({
  code: "DC015",
  name: "top-level-properties-order",
  aliases: ["top-level-properties-order"],
  kind: "compose",
  category: "style",
  severity: "style",
  enabledByDefault: false,
  fix: "safe",
  options: {
    customOrder: {
      type: "string[]",
      description: "The order of the top-level keys; `x-*` stands for every extension key.",
      default: DEFAULT_ORDER,
    },
  },
  docs: () => md`
    ## What it does
    Flags top-level keys out of the usual order: extension fields, \`version\`, \`name\`, \`include\`,
    \`services\`, \`networks\`, \`volumes\`, \`secrets\`, \`configs\`, \`models\` (option \`customOrder\`).

    ## Why is this bad?
    Files that share one layout are quicker to read: the services come first, the resources they use after.

    ## Example
    \`\`\`yaml
    volumes:
      data:
    services:
      db:
        image: postgres:17
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      db:
        image: postgres:17
    volumes:
      data:
    \`\`\`

    ## Fix safety
    The fix moves whole sections with the comment lines right above each; key order has no meaning to
    Compose. It is not offered when anchors or aliases are involved, since an alias must follow its anchor.
  `,
  create: (ctx) => ({
    File(model) {
      if (!model.root) return;
      const order = ctx.options.customOrder;
      reportOutOfOrder(ctx, keyItems(model.root), (a, b) => rankIn(order, a) - rankIn(order, b), "map",
        (key) => `Top-level key '${key}' is out of order; expected: ${order.join(", ")}`, "Sort the top-level keys");
    },
  }),
});
