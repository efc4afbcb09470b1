import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { ownItems } from "./support/order.js";
import { getValue, isScalar, isSeq, serviceMaps } from "./support/nodes.js";

/** Text that reads back as the same string when written plain: no spaces, no YAML indicators, not a number or boolean. */
function plainSafe(value: string): boolean {
  if (!/^[^\s\-?:,\[\]{}#&*!|>'"%@`]\S*$/.test(value)) return false;
  if (/: |#|:$/.test(value)) return false;
  return !/^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|true|false|null|~|yes|no|on|off)$/i.test(value);
}

export default defineRule({
  code: "DC004",
  name: "no-quotes-in-volumes",
  aliases: ["no-quotes-in-volumes"],
  kind: "compose",
  category: "style",
  severity: "style",
  enabledByDefault: false,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags short-syntax \`volumes\` entries of a service written in quotes, and offers to drop the quotes.

    ## Why is this bad?
    Quotes around a mount spec add nothing and make the list inconsistent; it is dclint's style rule.

    ## Example
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        volumes:
          - "./html:/usr/share/nginx/html:ro"
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        volumes:
          - ./html:/usr/share/nginx/html:ro
    \`\`\`

    ## Fix safety
    Safe: the fix is offered only when the unquoted text reads back as the same string (no spaces, no YAML
    indicators, no escapes); otherwise the finding comes without a fix.
  `,
  create: (ctx) => ({
    File(model) {
      for (const { name, map } of serviceMaps(model.root)) {
        const list = getValue(map, "volumes");
        if (!isSeq(list)) continue;
        for (const item of ownItems(list)) {
          if (!isScalar(item) || item.style !== "quoted" || item.file !== ctx.file.path) continue;
          const text = ctx.text(item);
          const inner = text.slice(1, -1);
          const escapes = text.startsWith('"') ? inner.includes("\\") : inner.includes("''");
          // Flow collections give `,[]{}` a meaning: only items of a block list lose their quotes.
          const lineStart = ctx.file.text.lastIndexOf("\n", item.range.start - 1) + 1;
          const block = /^\s*-\s*$/.test(ctx.file.text.slice(lineStart, item.range.start));
          const fix = block && !escapes && plainSafe(inner) ? ctx.fix.replace(item, inner, "Remove the quotes") : undefined;
          ctx.report(item, `Volume '${inner}' of service '${name}' is quoted; write it without quotes`, fix ? { fix } : undefined);
        }
      }
    },
  }),
});
