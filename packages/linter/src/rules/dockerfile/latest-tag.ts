import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

export default defineRule({
  code: "DL3007",
  name: "latest-tag",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags a \`FROM\` image whose tag is \`latest\`.

    ## Why is this bad?
    \`latest\` is whatever the image's publisher pushed last. The same Dockerfile builds a different image
    from one week to the next, a new major version can break the build without any change on your side,
    and two machines can build different things from the same commit.

    ## Example
    \`\`\`dockerfile
    FROM node:latest
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22.11-bookworm
    \`\`\`

    ## Fix safety
    No fix is offered: only you know which version the build should use.

    ## Differences from hadolint
    None: a digest after the tag (\`node:latest@sha256:...\`) pins the image, so it is not reported.
  `,
  create: (ctx) => ({
    From(node) {
      const tag = node.image?.tag;
      if (tag?.value === "latest" && !node.image?.digest) {
        ctx.report(tag, "Pin a version instead of 'latest'");
      }
    },
  }),
});
