import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { wholeLines } from "./support/lines.js";

export default defineRule({
  code: "DC006",
  name: "no-version-field",
  aliases: ["no-version-field"],
  kind: "compose",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: false,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags the top-level \`version\` key and offers to remove it.

    ## Why is this bad?
    The Compose specification ignores \`version\`; it suggests a file format that no longer exists and
    Compose prints a warning about it on every run.

    ## Example
    \`\`\`yaml
    version: "3.8"
    services:
      web:
        image: nginx:1.27
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
    \`\`\`

    ## Fix safety
    Safe: Compose ignores the key, so removing its line changes nothing.

    ## Differences from dclint
    Off by default, because the loader's \`CF010\` (obsolete-version) already warns about the key; turn
    this rule on for the fix, or under dclint's name.
  `,
  create: (ctx) => ({
    File(model) {
      const entry = model.root?.entries.find((e) => e.key === "version" && e.keyFile === ctx.file.path);
      if (!entry) return;
      const lines = wholeLines(ctx.file.text, entry.keyRange.start, Math.max(entry.keyRange.end, entry.value.range.end));
      ctx.report(entry.keyRange, "The 'version' key is obsolete; Compose ignores it", {
        fix: lines ? ctx.fix.remove(lines, "Remove the 'version' key") : undefined,
        tags: ["deprecated"],
      });
    },
  }),
});
