import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

const FORBIDDEN = new Set(["ONBUILD", "FROM", "MAINTAINER"]);

export default defineRule({
  code: "DL3043",
  name: "onbuild-forbidden-trigger",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags \`ONBUILD ONBUILD\`, \`ONBUILD FROM\` and \`ONBUILD MAINTAINER\`.

    ## Why is this bad?
    These instructions cannot be deferred to a child image: the build refuses them as \`ONBUILD\`
    triggers.

    ## Example
    \`\`\`dockerfile
    FROM node:22
    ONBUILD FROM node:22-slim
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22
    ONBUILD COPY . /app
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    None.
  `,
  create: (ctx) => ({
    Onbuild(node) {
      const trigger = node.trigger;
      if (!trigger || !FORBIDDEN.has(trigger.keyword)) return;
      ctx.report(trigger.keywordWord, `${trigger.keyword} cannot be used as an ONBUILD trigger`);
    },
  }),
});
