import type { LabelInstruction } from "@shipshape/dockerfile";
import type { StageSpan } from "../../rule.js";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { stageChain } from "./support/stages.js";
import { labelSchemaOption } from "./support/labels.js";
import { unquote } from "./support/words.js";

export default defineRule({
  code: "DL3049",
  name: "label-missing",
  kind: "dockerfile",
  category: "best-practice",
  severity: "info",
  enabledByDefault: false,
  enabledByOptions: true,
  options: { labelSchema: labelSchemaOption },
  docs: () => md`
    ## What it does
    Flags an image stage that does not set a label the \`labelSchema\` option requires. Labels set in a
    stage it builds on (\`FROM <stage>\`) count. The rule runs when a label schema is configured.

    ## Why is this bad?
    Teams agree on labels (source, revision, owner, licence) so that registries, scanners and on-call
    engineers can tell where an image comes from. An image without them is hard to trace.

    ## Example
    \`\`\`dockerfile {"labelSchema": {"org.opencontainers.image.source": "url"}}
    FROM alpine:3.20
    \`\`\`

    ## Use instead
    \`\`\`dockerfile {"labelSchema": {"org.opencontainers.image.source": "url"}}
    FROM alpine:3.20
    LABEL org.opencontainers.image.source=https://github.com/acme/app
    \`\`\`

    ## Fix safety
    No fix is offered: the values are unknown.

    ## Differences from hadolint
    Only stages that become images are checked: the last stage and stages no other stage refers to.
    Hadolint also reports stages that others build on (\`FROM base\`), whose labels usually come later,
    in the stage built on them; as hadolint, stages used only by \`COPY --from\` are not reported.
  `,
  create: (ctx) => {
    const labelsOf = (stage: StageSpan): Set<string> => {
      const keys = new Set<string>();
      for (const s of stageChain(ctx.stages, stage)) {
        for (const i of s.instructions) {
          if (i.kind === "Label") for (const p of (i as LabelInstruction).pairs) keys.add(unquote(p.key.value));
        }
      }
      return keys;
    };
    return {
      "Stage:exit"(stage) {
        const required = Object.keys(ctx.options.labelSchema);
        if (required.length === 0) return;
        const model = ctx.semantic.stages[stage.index];
        const isLast = stage.index === ctx.stages.length - 1;
        if (!isLast && model && model.referencedBy.length > 0) return;
        const present = labelsOf(stage);
        const where = stage.name ? `stage '${stage.name}'` : "this image";
        for (const key of required) {
          if (!present.has(key)) ctx.report(stage.from.keywordWord, `The label '${key}' is missing from ${where}`);
        }
      },
    };
  },
});
