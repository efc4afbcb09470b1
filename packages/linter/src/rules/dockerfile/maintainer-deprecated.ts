import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

/** A double-quoted LABEL value; the text is taken literally, so quotes and backslashes are escaped. */
function quoted(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export default defineRule({
  code: "DL4000",
  name: "maintainer-deprecated",
  aliases: ["MaintainerDeprecated"],
  kind: "dockerfile",
  category: "best-practice",
  severity: "error",
  enabledByDefault: true,
  local: true,
  fix: "unsafe",
  docs: () => md`
    ## What it does
    Flags the \`MAINTAINER\` instruction.

    ## Why is this bad?
    \`MAINTAINER\` is deprecated: it only fills the image's legacy author field, which tools no longer
    read. A label, \`org.opencontainers.image.authors\`, is the standard place for this information.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20
    MAINTAINER Jane Doe <jane@example.com>
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
    \`\`\`

    ## Fix safety
    Unsafe: the instruction is replaced by the label above, so the image's author field is no longer set
    and anything that reads it sees a change.

    ## Differences from hadolint
    This is also BuildKit's \`MaintainerDeprecated\` check; the severity is hadolint's (error).
  `,
  create: (ctx) => ({
    Maintainer(node) {
      const who = node.maintainer?.value.trim();
      const fix = who
        ? ctx.fix.replace(node, `LABEL org.opencontainers.image.authors=${quoted(who)}`, "Replace with a LABEL")
        : undefined;
      ctx.report(node.keywordWord, "MAINTAINER is deprecated; set the org.opencontainers.image.authors label instead", {
        fix,
        tags: ["deprecated"],
      });
    },
  }),
});
