import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { labelSchemaOption, strictLabelsOption } from "./support/labels.js";
import { hasVariable, unquote } from "./support/words.js";

export default defineRule({
  code: "DL3050",
  name: "label-superfluous",
  kind: "dockerfile",
  category: "style",
  severity: "info",
  enabledByDefault: false,
  local: true,
  enabledByOptions: true,
  options: { labelSchema: labelSchemaOption, strictLabels: strictLabelsOption },
  docs: () => md`
    ## What it does
    With \`strictLabels\` on, flags a \`LABEL\` key that the \`labelSchema\` option does not list.

    ## Why is this bad?
    A strict schema keeps the labels of all images uniform; a label outside it is either a typo of a
    schema label or a label the team has not agreed on.

    ## Example
    \`\`\`dockerfile {"labelSchema": {"org.opencontainers.image.source": "url"}, "strictLabels": true}
    FROM alpine:3.20
    LABEL org.opencontainers.image.source=https://github.com/acme/app maintainer=ops
    \`\`\`

    ## Use instead
    \`\`\`dockerfile {"labelSchema": {"org.opencontainers.image.source": "url"}, "strictLabels": true}
    FROM alpine:3.20
    LABEL org.opencontainers.image.source=https://github.com/acme/app
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    Keys written with a variable are not reported.
  `,
  create: (ctx) => ({
    Label(node) {
      if (!ctx.options.strictLabels || node.parentOnbuild) return;
      for (const pair of node.pairs) {
        const key = unquote(pair.key.value);
        if (hasVariable(key) || Object.hasOwn(ctx.options.labelSchema, key)) continue;
        ctx.report(pair.key, `The label '${key}' is not in the label schema`);
      }
    },
  }),
});
