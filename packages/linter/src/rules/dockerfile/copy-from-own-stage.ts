import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

export default defineRule({
  code: "DL3023",
  name: "copy-from-own-stage",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags \`COPY --from\` naming the stage it is in.

    ## Why is this bad?
    A stage cannot read from itself while it is being built: the build fails with a circular
    dependency.

    ## Example
    \`\`\`dockerfile
    FROM node:22 AS build
    COPY --from=build /app/dist /srv
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22 AS build
    RUN npm run build
    FROM nginx:1.27
    COPY --from=build /app/dist /usr/share/nginx/html
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    The stage is also recognised by its index (\`--from=0\` in the first stage), and names are compared
    without regard to case, as BuildKit does.
  `,
  create: (ctx) => ({
    Copy(node) {
      const value = node.from?.value;
      const stage = ctx.stageOf(node);
      if (!value || !stage) return;
      const ref = value.value.toLowerCase();
      if (ref !== stage.name?.toLowerCase() && ref !== String(stage.index)) return;
      ctx.report(value, `COPY --from=${value.value} refers to the stage it is in; a stage cannot copy from itself`);
    },
  }),
});
