import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { stageNamedBefore } from "./support/stages.js";

export default defineRule({
  code: "DL3006",
  name: "untagged-image",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags a \`FROM\` image that has neither a tag nor a digest.

    ## Why is this bad?
    Without a tag the image defaults to \`latest\`, which moves whenever the publisher pushes: builds stop
    being reproducible and can break without any change to the Dockerfile.

    ## Example
    \`\`\`dockerfile
    FROM debian
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12.8-slim
    \`\`\`

    ## Fix safety
    No fix is offered: the version to pin is a choice.

    ## Differences from hadolint
    As hadolint, \`scratch\` and earlier stage names are not images and are not reported. An image
    written with a variable (\`FROM \${BASE}\`) is not reported either: its tag is known only at build time.
  `,
  create: (ctx) => ({
    From(node) {
      const image = node.image;
      if (!image || image.tag || image.digest) return;
      const name = image.value;
      if (name.includes("$") || name.toLowerCase() === "scratch") return;
      const stage = ctx.stageOf(node);
      const earlierStage = stage !== undefined && stageNamedBefore(ctx.stages, name, stage.index) !== undefined;
      if (earlierStage) return;
      ctx.report(image, `Tag the image '${name}' with an explicit version`);
    },
  }),
});
