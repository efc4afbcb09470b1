import { KNOWN_INSTRUCTIONS } from "@shipshape/dockerfile";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { likelyTypoOf } from "./support/builder.js";

/** The suggestion written in the case the user wrote the keyword in. */
function inCaseOf(written: string, keyword: string): string {
  return written === written.toLowerCase() ? keyword.toLowerCase() : keyword;
}

export default defineRule({
  code: "DF102",
  name: "unknown-instruction",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags an instruction keyword BuildKit does not know, and suggests the keyword it is closest to when the
    word is one or two edits away from one (\`RUNN\`, \`COPPY\`, \`ENTRYPONT\`).

    ## Why is this bad?
    BuildKit stops with \`unknown instruction\` before building anything. A stray line left by a broken
    continuation (a missing \`\\\`) shows up the same way.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20
    RUNN apk add --no-cache curl
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20
    RUN apk add --no-cache curl
    \`\`\`

    ## Fix safety
    Safe when a suggestion is offered: only the keyword is replaced, by the one known keyword closest to
    it (at most two edits; no fix when two keywords are equally close). The file did not build before, so
    no working behaviour can change.

    ## Relation to dockerfile-utils
    dockerfile-utils reports this as \`UNKNOWN_INSTRUCTION\`, without a suggestion.
  `,
  create: (ctx) => ({
    Unknown(node) {
      const written = node.keywordWord.value;
      const keyword = likelyTypoOf(written, KNOWN_INSTRUCTIONS);
      if (!keyword) {
        ctx.report(node.keywordWord, `Unknown instruction '${written}'`);
        return;
      }
      const replacement = inCaseOf(written, keyword);
      ctx.report(node.keywordWord, `Unknown instruction '${written}'; did you mean '${replacement}'?`, {
        fix: ctx.fix.replace(node.keywordWord, replacement, `Replace '${written}' with '${replacement}'`),
      });
    },
  }),
});
