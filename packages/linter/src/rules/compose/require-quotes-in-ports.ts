import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { ownItems } from "./support/order.js";
import { getValue, isScalar, isSeq, serviceMaps } from "./support/nodes.js";

export default defineRule({
  code: "DC008",
  name: "require-quotes-in-ports",
  aliases: ["require-quotes-in-ports"],
  kind: "compose",
  category: "style",
  severity: "style",
  enabledByDefault: false,
  fix: "safe",
  options: {
    quoteType: { type: "enum", values: ["single", "double"], description: "The quotes the fix adds.", default: "single" },
    portsSections: { type: "string[]", description: "The service keys whose entries must be quoted.", default: ["ports", "expose"] },
  },
  docs: () => md`
    ## What it does
    Flags short-syntax entries of \`ports\` and \`expose\` written without quotes, and offers to quote them;
    also, as dclint does, entries in the other kind of quotes than \`quoteType\` (single by default).

    ## Why is this bad?
    YAML 1.1 parsers read an unquoted \`22:22\` as a base-60 number (1342), so the same file means different
    things to different tools. Quoted, a port is always a string.

    ## Example
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        ports:
          - 8080:80
        expose:
          - 9000
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        ports:
          - '8080:80'
        expose:
          - '9000'
    \`\`\`

    ## Fix safety
    Safe: Compose reads a quoted port exactly like the plain one.
  `,
  create: (ctx) => ({
    File(model) {
      const q = ctx.options.quoteType === "double" ? '"' : "'";
      for (const { name, map } of serviceMaps(model.root)) {
        for (const section of ctx.options.portsSections) {
          const list = getValue(map, section);
          if (!isSeq(list)) continue;
          for (const item of ownItems(list)) {
            if (!isScalar(item) || item.file !== ctx.file.path) continue;
            const text = ctx.text(item);
            if (item.style === "plain") {
              ctx.report(item, `Port '${text}' of service '${name}' (${section}) should be quoted`, {
                fix: ctx.fix.replace(item, `${q}${text}${q}`, "Quote the port"),
              });
              continue;
            }
            // As dclint: quoted, but with the other quotes (a port has no quotes or escapes inside to keep).
            const written = text[0];
            if (item.style !== "quoted" || written === q || !/^(["'])[^"'\\]*\1$/.test(text)) continue;
            const which = q === "'" ? "single" : "double";
            ctx.report(item, `Port ${text} of service '${name}' (${section}) should be in ${which} quotes`, {
              fix: ctx.fix.replace(item, `${q}${text.slice(1, -1)}${q}`, `Use ${which} quotes`),
            });
          }
        }
      }
    },
  }),
});
