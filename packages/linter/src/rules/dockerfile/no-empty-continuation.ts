import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

export default defineRule({
  code: "NoEmptyContinuation",
  name: "no-empty-continuation",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags blank lines inside an instruction continued with \`\\\`.

    ## Why is this bad?
    The build skips blank lines in a continued instruction today, but has announced that they will
    become an error. They also make the instruction look as if it ended at the blank line, so an
    instruction continued by mistake goes unnoticed.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20
    RUN apk add --no-cache \\

        curl
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20
    RUN apk add --no-cache \\
        curl
    \`\`\`

    ## Fix safety
    Safe: the blank lines are deleted; the build already ignores them. Comment lines are not blank and
    stay.

    ## Differences from BuildKit
    None: one finding per instruction, at its first blank line.
  `,
  create: (ctx) => ({
    Instruction(node) {
      const lines = node.emptyContinuationLines;
      const first = lines[0];
      if (!first) return;
      const text = ctx.file.text;
      // Each blank line goes with its line break.
      const edits = lines.map((r) => {
        let end = r.end;
        if (text[end] === "\r") end++;
        if (text[end] === "\n") end++;
        return ctx.edit.remove({ start: r.start, end });
      });
      const count = lines.length === 1 ? "an empty continuation line" : `${lines.length} empty continuation lines`;
      ctx.report(first, `${node.keyword} has ${count}; remove it before the build starts rejecting it`, {
        fix: ctx.fix.of(lines.length === 1 ? "Delete the empty line" : "Delete the empty lines", edits),
      });
    },
  }),
});
