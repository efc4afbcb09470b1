import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

export default defineRule({
  code: "DL3061",
  name: "instruction-before-from",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags an instruction other than \`ARG\` before the first \`FROM\`.

    ## Why is this bad?
    Only \`ARG\` (and parser directives and comments) may come before the first stage: the build refuses
    anything else there, because there is no image yet to apply it to.

    ## Example
    \`\`\`dockerfile
    ENV NODE_ENV=production
    FROM node:22
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    ARG NODE_VERSION=22
    FROM node:\${NODE_VERSION}
    ENV NODE_ENV=production
    \`\`\`

    ## Fix safety
    No fix is offered: moving the instruction into a stage changes what it applies to.

    ## Differences from hadolint
    None.
  `,
  create: (ctx) => ({
    // One look at the instructions before the first FROM, not a question on every instruction.
    File(ast) {
      for (const node of ast.instructions) {
        if (node.kind === "From") return;
        if (node.kind !== "Arg") ctx.report(node.keywordWord, `${node.keyword} before the first FROM: only ARG may come before it`);
      }
    },
  }),
});
