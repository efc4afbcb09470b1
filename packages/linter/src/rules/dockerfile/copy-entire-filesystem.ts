import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { unquote } from "./support/words.js";

export default defineRule({
  code: "DL3067",
  name: "copy-entire-filesystem",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags \`COPY --from=<stage> / /\`: copying a stage's whole file system over the current one.

    ## Why is this bad?
    It copies everything, including the other stage's package databases, caches and \`/etc\`, on top of
    this stage's own files. The result is large and a mix of two systems that no package manager knows
    about; copy the directories you need.

    ## Example
    \`\`\`dockerfile
    FROM golang:1.23 AS build
    FROM alpine:3.20
    COPY --from=build / /
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM golang:1.23 AS build
    FROM alpine:3.20
    COPY --from=build /go/bin/app /usr/local/bin/app
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    None.
  `,
  create: (ctx) => ({
    Copy(node) {
      if (!node.from?.value || !node.destination || unquote(node.destination.value) !== "/") return;
      const root = node.sources.find((s) => unquote(s.value) === "/");
      if (root) ctx.report(root, `This copies the whole file system of '${node.from.value.value}' over this stage's root`);
    },
  }),
});
