import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { hasVariable, unquote } from "./support/words.js";

const RESERVED = ["com.docker.", "io.docker.", "org.dockerproject."];

/** Why a label key breaks Docker's key conventions, or undefined when it follows them. */
function problemOf(key: string): string | undefined {
  if (key === "") return "is empty";
  if (!/^[a-z]/.test(key)) return "must start with a lowercase letter";
  if (!/[a-z0-9]$/.test(key)) return "must end with a lowercase letter or digit";
  if (/[^a-z0-9./_-]/.test(key)) return "may only contain lowercase letters, digits, '.', '/', '_' and '-'";
  if (key.includes("..") || key.includes("--")) return "must not contain '..' or '--'";
  const reserved = RESERVED.find((p) => key.startsWith(p));
  if (reserved) return `uses the namespace '${reserved}' reserved for Docker`;
  return undefined;
}

export default defineRule({
  code: "DL3048",
  name: "invalid-label-key",
  kind: "dockerfile",
  category: "style",
  severity: "style",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags \`LABEL\` keys that do not follow Docker's key format: lowercase letters, digits, \`.\`, \`/\`,
    \`_\` and \`-\`, starting with a letter and ending with a letter or digit, without \`..\` or \`--\`, and
    outside the namespaces Docker reserves (\`com.docker.\`, \`io.docker.\`, \`org.dockerproject.\`).

    ## Why is this bad?
    Tools that read labels (registries, scanners, orchestrators) expect keys in reverse-DNS form. Keys
    in other shapes are easy to misspell, can collide with Docker's own, and may be rejected.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20
    LABEL Maintainer="ops@example.com"
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.authors="ops@example.com"
    \`\`\`

    ## Fix safety
    No fix is offered: renaming a label changes what tools find.

    ## Differences from hadolint
    Keys written with a variable are not checked.
  `,
  create: (ctx) => ({
    Label(node) {
      for (const pair of node.pairs) {
        const key = unquote(pair.key.value);
        if (hasVariable(key)) continue;
        const problem = problemOf(key);
        if (problem) ctx.report(pair.key, `Label key '${key}' ${problem}`);
      }
    },
  }),
});
