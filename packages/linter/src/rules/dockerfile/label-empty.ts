import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { labelSchemaOption, labelValues, typeOf } from "./support/labels.js";

export default defineRule({
  code: "DL3051",
  name: "label-empty",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: false,
  local: true,
  enabledByOptions: true,
  options: { labelSchema: labelSchemaOption },
  docs: () => md`
    ## What it does
    Flags a label listed in the \`labelSchema\` option whose value is empty.

    ## Why is this bad?
    An empty required label satisfies the letter of the schema and none of its purpose: it is usually a
    build argument that was not passed.

    ## Example
    \`\`\`dockerfile {"labelSchema": {"org.opencontainers.image.revision": "hash"}}
    FROM alpine:3.20
    LABEL org.opencontainers.image.revision=""
    \`\`\`

    ## Use instead
    \`\`\`dockerfile {"labelSchema": {"org.opencontainers.image.revision": "hash"}}
    FROM alpine:3.20
    LABEL org.opencontainers.image.revision=3f2a9c1
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    A value made only of variables is expanded with the \`ARG\`/\`ENV\` values in force: an \`ARG\` whose
    default is empty gives an empty label and is reported; an unknown value is not.
  `,
  create: (ctx) => ({
    Label(node) {
      if (node.parentOnbuild) return;
      for (const { pair, key, value } of labelValues(ctx, node)) {
        if (typeOf(ctx.options.labelSchema, key) === undefined || value !== "") continue;
        ctx.report(pair.value ?? pair.key, `The label '${key}' is empty`);
      }
    },
  }),
});
